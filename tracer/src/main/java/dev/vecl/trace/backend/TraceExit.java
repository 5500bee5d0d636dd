package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.oracle.truffle.api.nodes.ControlFlowException;

import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.TraceInterpreter.FrameState;

/**
 * How a compiled trace left: the site (which trace, which operation) and the values of the
 * site's snapshot, one {@code Object[]} per frame (outermost first) holding the frame's live
 * registers in ascending register order, boxed as the interpreter holds them, constants included.
 * The caller writes them into interpreter registers and resumes at the innermost frame's pc.
 * Inside the compiled trace it is thrown from the failing guard to the root (a control-flow
 * exception: Graal turns it into a jump), so exit paths leave the loop instead of merging back
 * into it.
 */
public final class TraceExit extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** A guard failed. */
        GUARD,
        /** An operation would raise: the interpreter re-executes its instruction and raises. */
        RAISE,
        /** A finish operation. */
        FINISH
    }

    public final transient ExitSite site;
    public final transient Object[][] values;

    TraceExit(ExitSite site, Object[][] values) {
        this.site = site;
        this.values = values;
    }

    public Kind kind() {
        return site.kind;
    }

    public Op op() {
        return site.op;
    }

    /** Index of the exiting operation in its trace's operation list. */
    public int opIndex() {
        return site.opIndex;
    }

    public CompiledTrace trace() {
        return site.trace;
    }

    public Snapshot snapshot() {
        return site.op.snapshot;
    }

    /** The frames to rebuild, with register numbers: the same shape as the reference interpreter's. */
    public List<FrameState> frames() {
        Snapshot s = snapshot();
        List<FrameState> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        int[][] regs = site.registerNumbers();
        for (int k = 0; k < regs.length; k++) {
            Snapshot.Frame fr = s.frames().get(k);
            out.add(new FrameState(fr.code(), fr.pc(), new RegisterValues(regs[k], values[k])));
        }
        return out;
    }

    @Override
    public String toString() {
        return kind() + " at op " + opIndex() + " (" + op().opcode.text + ") " + frames();
    }
}
