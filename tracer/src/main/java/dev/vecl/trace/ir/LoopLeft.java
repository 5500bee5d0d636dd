package dev.vecl.trace.ir;

import java.util.ArrayList;
import java.util.List;

import dev.vecl.trace.ir.TraceInterpreter.ExitKind;
import dev.vecl.trace.ir.TraceInterpreter.FrameState;

/**
 * Thrown by the implementation of a {@code call_loop} when the inner loop's trace left other than
 * by the loop's normal end (a guard, an error, a bridge finishing elsewhere): the calling trace
 * leaves at the {@code call_loop} too. The interpreter state to resume is the call's snapshot
 * (the outer frames, innermost being the frame running the inner loop, at its header) with that
 * innermost frame replaced by the inner exit's frames, which describe it completely at the exit.
 */
public final class LoopLeft extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ExitKind kind;
    private final transient List<FrameState> inner;
    private final transient Op innerOp;

    /** @param innerOp the inner trace's operation it left by (the driver may bridge it) */
    public LoopLeft(ExitKind kind, List<FrameState> inner, Op innerOp) {
        super(null, null, false, false);
        this.kind = kind;
        this.inner = List.copyOf(inner);
        this.innerOp = innerOp;
    }

    public Op innerOp() {
        return innerOp;
    }

    public ExitKind kind() {
        return kind;
    }

    public List<FrameState> inner() {
        return inner;
    }

    /** The frames to resume: {@code outer} (the call's snapshot, materialised) without its innermost frame, then the inner exit's frames. */
    public List<FrameState> compose(List<FrameState> outer) {
        List<FrameState> out = new ArrayList<>(outer.subList(0, outer.size() - 1));
        out.addAll(inner);
        return out;
    }
}
