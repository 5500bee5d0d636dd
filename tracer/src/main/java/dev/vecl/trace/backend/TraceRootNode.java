package dev.vecl.trace.backend;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.RootNode;

/**
 * A compiled trace: unbox the inputs into typed static slots, run the preamble once, then repeat
 * the loop body (a Truffle {@link LoopNode}: a plain loop in compiled code, and OSR if a long
 * first run starts before the trace is compiled). Returns a {@link TraceExit}, or for a bridge
 * that jumps to its parent's label, {@link LabelValues}.
 */
final class TraceRootNode extends RootNode {
    @Children final SlotWrite[] inputs;
    /** Zeroes every slot on entry, so each slot has one kind from the start. */
    @Child ControlNodes.Clear init;
    @Child ControlNodes.Seq preamble;
    @Child LoopNode loop;
    /** The call of the loop version its {@link Exit.Version} exits continue in; null before one is attached. */
    @Child Exit.VersionCall versionCall;
    /** Saves the loop invariants where the loop's exits find them; null without a loop. */
    @Child ControlNodes.Spill entrySpill;
    private final String name;
    /** A caller passing this after the inputs gets a guard exit as its {@link Exit.Leave}, its values left in the exit buffer. */
    static final Object RAW_EXIT = new Object();

    TraceRootNode(TruffleLanguage<?> language, FrameDescriptor fd, String name, ControlNodes.Clear init, SlotWrite[] inputs, ControlNodes.Seq preamble, LoopNode loop, ControlNodes.Spill entrySpill) {
        super(language, fd);
        this.init = init;
        this.name = name;
        this.inputs = inputs;
        this.preamble = preamble;
        this.loop = loop;
        this.entrySpill = entrySpill;
    }

    @Override
    @ExplodeLoop
    public Object execute(VirtualFrame f) {
        init.execute(f);
        Object[] args = f.getArguments();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i].putBoxed(f, args[i]);
        }
        try {
            return run(f);
        } catch (ExitSignal s) {
            if (args.length > inputs.length && args[inputs.length] == RAW_EXIT) {
                return s.leave; // the caller reads the exit buffer itself (LoopCallNodes.FastCall)
            }
            return s.leave.decode();
        } catch (VersionSignal s) {
            Object r = versionCall.call();
            if (r instanceof Exit.Leave l) {
                return args.length > inputs.length && args[inputs.length] == RAW_EXIT ? l : l.decode();
            }
            return r;
        } catch (TraceExit e) {
            return e;
        }
    }

    private Object run(VirtualFrame f) {
        Object r;
        try {
            r = preamble.execute(f);
        } catch (AtLabel e) {
            r = null;
        }
        if (loop == null) {
            return r;
        }
        entrySpill.execute(f);
        return loop.execute(f);
    }

    /** Once per trace ({@link CompiledTrace#attachVersion} checks). */
    void attachVersionCall(Exit.VersionCall c) {
        versionCall = insert(c);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
