package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.Node;

import dev.vecl.interp.Interpreter;
import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.Value;

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

    /**
     * A call_loop whose inner loop has a compiled trace ({@link InnerLoop#compiledTrace}): calls
     * its call target directly (Truffle may inline it into this trace, and then the boxed inputs,
     * the register file and the boxes in it need not exist at all), asking for the raw exit. At one
     * of the inner loop's test exits, {@link NormalEnd} checks that the range is over (the same
     * pc also holds e.g. an overflow guard) and reads the register file out of the inner trace's
     * exit buffer; every other exit takes the driver's protocol ({@link InnerLoop#complete}).
     */
    static final class FastCall extends OpNode {
        @Children final Arg[] args;
        @Child SlotWrite to;
        @Child Exit left;
        @Child DirectCallNode call;
        @Children final NormalEnd[] ends;
        final InnerLoop loop;

        FastCall(SlotWrite to, Arg[] args, InnerLoop loop, CompiledTrace inner, NormalEnd[] ends, Exit left) {
            this.to = to;
            this.args = args;
            this.loop = loop;
            this.ends = ends;
            this.left = left;
            this.call = DirectCallNode.create(inner.callTarget());
        }

        /**
         * The normal ends of {@code inner} as {@code loop} defines them, or null if none can be
         * read in compiled code (then the caller uses {@link CallLoop}).
         */
        static NormalEnd[] normalEnds(InnerLoop loop, CompiledTrace inner) {
            int[] range = loop.rangeRegisters();
            if (range == null) {
                return null;
            }
            List<NormalEnd> out = new ArrayList<>();
            for (ExitSite site : inner.exits()) {
                Exit.Leave leave = inner.leaveAt(site.opIndex);
                if (leave == null || site.kind != TraceExit.Kind.GUARD || site.op.snapshot == null || site.op.snapshot.frames().size() != 1
                                || !loop.atLoopTest(site.op)) {
                    continue;
                }
                NormalEnd e = NormalEnd.of(leave, inner, range, loop.numRegisters());
                if (e != null) {
                    out.add(e);
                }
            }
            return out.isEmpty() ? null : out.toArray(new NormalEnd[0]);
        }

        @Override
        @ExplodeLoop
        Object execute(VirtualFrame f) {
            Object[] a = new Object[args.length + 1];
            for (int i = 0; i < args.length; i++) {
                a[i] = args[i].boxed(f);
            }
            a[args.length] = TraceRootNode.RAW_EXIT;
            Object r = call.call(a);
            for (int k = 0; k < ends.length; k++) {
                if (r == ends[k].leave) {
                    Object[] regs = ends[k].read();
                    if (regs != null) {
                        loop.fastCalls++;
                        to.putBoxed(f, regs);
                        return null;
                    }
                }
            }
            Object regs;
            try {
                regs = slow(loop, r);
            } catch (LoopLeft e) {
                throw left.take(f);
            }
            to.putBoxed(f, regs);
            return null;
        }

        @TruffleBoundary
        static Object slow(InnerLoop loop, Object r) {
            TraceExit e = r instanceof Exit.Leave l ? l.decode() : (TraceExit) r;
            return loop.complete(e);
        }
    }

    /** One loop-test exit of an inner trace: the loop's end check and its register file, read from the exit buffer. */
    static final class NormalEnd extends Node {
        final Exit.Leave leave;
        final ExitBuffer buffer;
        @Children final Arg[] values;
        @CompilationFinal(dimensions = 1) final int[] registers;
        /** Indexes into values of the range's cur, stop and step. */
        final int cur;
        final int stop;
        final int step;
        final int numRegs;
        /** Exit-buffer slots of the ref values read, cleared after reading (the buffer keeps no program object alive). */
        @CompilationFinal(dimensions = 1) final int[] refSlots;

        private NormalEnd(Exit.Leave leave, Arg[] values, int[] registers, int cur, int stop, int step, int numRegs, int[] refSlots) {
            this.leave = leave;
            this.buffer = leave.buffer;
            this.values = values;
            this.registers = registers;
            this.cur = cur;
            this.stop = stop;
            this.step = step;
            this.numRegs = numRegs;
            this.refSlots = refSlots;
        }

        static NormalEnd of(Exit.Leave leave, CompiledTrace inner, int[] range, int numRegs) {
            Snapshot.Frame fr = leave.site.op.snapshot.frames().get(0);
            int n = fr.registers().size();
            int[] regs = new int[n];
            Arg[] vals = new Arg[n];
            int[] at = {-1, -1, -1};
            List<Integer> refs = new ArrayList<>();
            int j = 0;
            for (Map.Entry<Integer, Value> e : fr.registers().entrySet()) {
                int r = e.getKey();
                Value v = e.getValue();
                if (r < 0 || r >= numRegs) {
                    return null;
                }
                regs[j] = r;
                if (v instanceof Const c) {
                    vals[j] = Arg.constant(c);
                } else {
                    Integer slot = inner.slotOf(v);
                    if (slot == null || v.type().isVector()) {
                        return null;
                    }
                    vals[j] = Arg.slot(v.type(), slot);
                    if (v.type() == Type.REF) {
                        refs.add(slot);
                    }
                }
                for (int k = 0; k < 3; k++) {
                    if (r == range[k]) {
                        if (v.type() != Type.INT) {
                            return null;
                        }
                        at[k] = j;
                    }
                }
                j++;
            }
            if (at[0] < 0 || at[1] < 0 || at[2] < 0) {
                return null;
            }
            return new NormalEnd(leave, vals, regs, at[0], at[1], at[2], numRegs, refs.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The register file if the loop is over here, else null (the slow path decodes the exit). */
        @ExplodeLoop
        Object[] read() {
            long c = (Long) values[cur].unspill(buffer);
            long st = (Long) values[stop].unspill(buffer);
            long sp = (Long) values[step].unspill(buffer);
            if (Interpreter.rangeHasNext(c, st, sp)) {
                return null;
            }
            Object[] regs = new Object[numRegs];
            for (int j = 0; j < values.length; j++) {
                regs[registers[j]] = values[j].unspill(buffer);
            }
            for (int j = 0; j < refSlots.length; j++) {
                buffer.refs[refSlots[j]] = null;
            }
            return regs;
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
