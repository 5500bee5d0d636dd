package dev.vecl.trace.backend;

import java.util.function.Function;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.vecl.trace.ir.LoopLeft;

/** {@code call_loop} and {@code loop_result}: an outer trace running an inner loop's trace. */
final class LoopCallNodes {
    private LoopCallNodes() {
    }

    /**
     * Calls the inner loop (the driver's implementation runs its compiled trace) behind a boundary.
     * Its normal end gives the inner frame's register file; a {@link LoopLeft} (the inner trace
     * left elsewhere) leaves this trace through the op's snapshot, as a RAISE exit the driver
     * completes with the inner exit's frames.
     */
    static final class CallLoop extends OpNode {
        @Children final Arg[] args;
        @Child SlotWrite to;
        @Child Exit left;
        final Function<Object[], Object> fn;

        CallLoop(SlotWrite to, Arg[] args, Function<Object[], Object> fn, Exit left) {
            this.to = to;
            this.args = args;
            this.fn = fn;
            this.left = left;
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            Object[] a = new Object[args.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = args[i].boxed(f);
            }
            Object r;
            try {
                r = call(fn, a);
            } catch (LoopLeft e) {
                throw left.take(f);
            }
            to.putBoxed(f, r);
            return null;
        }

        @TruffleBoundary
        static Object call(Function<Object[], Object> fn, Object[] a) {
            return fn.apply(a);
        }
    }

    /** One register of a call_loop's result. */
    static final class Result extends OpNode {
        @Child Arg regs;
        @Child SlotWrite to;
        final int register;

        Result(SlotWrite to, Arg regs, int register) {
            this.to = to;
            this.regs = regs;
            this.register = register;
        }

        @Override
        Object execute(VirtualFrame f) {
            to.putBoxed(f, ((Object[]) regs.boxed(f))[register]);
            return null;
        }
    }
}
