package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

import com.oracle.truffle.api.CompilerDirectives;
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
            Object[] a = Arg.boxAll(args, f, 0);
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
     *
     * <p>The ends read primitive bits into one array and the register file is boxed after they
     * merge: a register file (or box) made in each end would be a different object at the merge,
     * which Graal materialises (an allocation per call).
     */
    static final class FastCall extends OpNode {
        @Children final Arg[] args;
        @Child SlotWrite to;
        @Child Exit left;
        @Child DirectCallNode call;
        @Children final NormalEnd[] ends;
        /** The registers some end holds (ascending), and their kind in every end (REF: a reference, or kinds that differ). */
        @CompilationFinal(dimensions = 1) final int[] registers;
        @CompilationFinal(dimensions = 1) final Type[] kinds;
        final int numRegs;
        final InnerLoop loop;
        /** Whether a normal end came through the slow path (compiled in only then). */
        @CompilationFinal boolean slowEnds;

        private FastCall(SlotWrite to, Arg[] args, InnerLoop loop, CompiledTrace inner, NormalEnd[] ends, int[] registers, Type[] kinds, Exit left) {
            this.to = to;
            this.args = args;
            this.loop = loop;
            this.ends = ends;
            this.registers = registers;
            this.kinds = kinds;
            this.numRegs = loop.numRegisters();
            this.left = left;
            this.call = DirectCallNode.create(inner.callTarget());
        }

        /** The call through {@code loop}'s compiled trace, or null if no normal end of it can be read in compiled code. */
        static FastCall create(SlotWrite to, Arg[] args, InnerLoop loop, Exit left) {
            CompiledTrace inner = loop.compiledTrace();
            int[] range = loop.rangeRegisters();
            if (inner == null || range == null) {
                return null;
            }
            int numRegs = loop.numRegisters();
            List<Exit.Leave> leaves = new ArrayList<>();
            java.util.TreeMap<Integer, Type> kinds = new java.util.TreeMap<>();
            java.util.Set<Integer> mixed = new java.util.HashSet<>();
            // a vector trace's loop ends in its own exits and in those of its scalar version (the tail)
            List<CompiledTrace> traces = new ArrayList<>();
            traces.add(inner);
            traces.addAll(inner.versions());
            for (CompiledTrace t : traces) {
                for (ExitSite site : t.exits()) {
                    Exit.Leave leave = t.leaveAt(site.opIndex);
                    if (leave == null || site.kind != TraceExit.Kind.GUARD || site.op.snapshot == null || site.op.snapshot.frames().size() != 1
                                    || !loop.atLoopTest(site.op)) {
                        continue;
                    }
                    Snapshot.Frame fr = site.op.snapshot.frames().get(0);
                    boolean ok = fr.registers().keySet().stream().allMatch(r -> r >= 0 && r < numRegs);
                    for (int r : range) {
                        Value v = fr.registers().get(r);
                        ok &= v != null && v.type() == Type.INT;
                    }
                    for (Value v : fr.registers().values()) {
                        ok &= !v.type().isVector() && (v instanceof Const || t.slotOf(v) != null);
                    }
                    if (!ok) {
                        continue;
                    }
                    leaves.add(leave);
                    for (Map.Entry<Integer, Value> e : fr.registers().entrySet()) {
                        Type was = kinds.putIfAbsent(e.getKey(), e.getValue().type());
                        if (was != null && was != e.getValue().type()) {
                            mixed.add(e.getKey());
                        }
                    }
                }
            }
            if (leaves.isEmpty()) {
                return null;
            }
            int[] regs = kinds.keySet().stream().mapToInt(Integer::intValue).toArray();
            Type[] ks = new Type[regs.length];
            for (int j = 0; j < regs.length; j++) {
                ks[j] = kinds.get(regs[j]);
            }
            NormalEnd[] ends = new NormalEnd[leaves.size()];
            for (int k = 0; k < ends.length; k++) {
                SortedMap<Integer, Value> rs = leaves.get(k).site.op.snapshot.frames().get(0).registers();
                for (int j = 0; j < regs.length; j++) {
                    if (!rs.containsKey(regs[j])) {
                        mixed.add(regs[j]); // absent here: null in this end's register file
                    }
                }
            }
            for (int j = 0; j < regs.length; j++) {
                if (mixed.contains(regs[j])) {
                    ks[j] = Type.REF;
                }
            }
            int[] at = new int[3];
            for (int k = 0; k < 3; k++) {
                at[k] = java.util.Arrays.binarySearch(regs, range[k]);
                if (ks[at[k]] != Type.INT) {
                    return null;
                }
            }
            for (int k = 0; k < ends.length; k++) {
                ends[k] = NormalEnd.of(leaves.get(k), leaves.get(k).site.trace, regs, ks, at);
            }
            return new FastCall(to, args, loop, inner, ends, regs, ks, left);
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
            long[] bits = new long[registers.length];
            Object[] refs = new Object[registers.length];
            boolean ended = false;
            for (int k = 0; k < ends.length; k++) {
                if (r == ends[k].leave && ends[k].read(bits, refs)) {
                    ended = true;
                }
            }
            if (ended) {
                Object[] regs = new Object[numRegs];
                for (int j = 0; j < registers.length; j++) {
                    regs[registers[j]] = ExitBuffer.box(kinds[j], bits[j], refs[j]);
                }
                loop.fastCalls++;
                to.putBoxed(f, regs);
                return null;
            }
            Object regs;
            try {
                regs = slow(loop, r);
            } catch (LoopLeft e) {
                throw left.take(f);
            }
            if (!slowEnds) {
                // a normal end the compiled check did not take: once, so that the compiled ends'
                // register file need not be materialised for a merge with this one
                CompilerDirectives.transferToInterpreterAndInvalidate();
                slowEnds = true;
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

    /** One loop-test exit of an inner trace: the loop's end check, and its registers read from the exit buffer. */
    static final class NormalEnd extends Node {
        final Exit.Leave leave;
        final ExitBuffer buffer;
        /** Per register of the FastCall (null: not live here, a null in the register file). */
        @Children final Arg[] values;
        @CompilationFinal(dimensions = 1) final Type[] kinds;
        /** Indexes of the range's cur, stop and step. */
        final int cur;
        final int stop;
        final int step;
        /** Exit-buffer slots of the ref values read, cleared after reading (the buffer keeps no program object alive). */
        @CompilationFinal(dimensions = 1) final int[] refSlots;

        private NormalEnd(Exit.Leave leave, Arg[] values, Type[] kinds, int[] at, int[] refSlots) {
            this.leave = leave;
            this.buffer = leave.buffer;
            this.values = values;
            this.kinds = kinds;
            this.cur = at[0];
            this.stop = at[1];
            this.step = at[2];
            this.refSlots = refSlots;
        }

        static NormalEnd of(Exit.Leave leave, CompiledTrace inner, int[] registers, Type[] kinds, int[] at) {
            SortedMap<Integer, Value> rs = leave.site.op.snapshot.frames().get(0).registers();
            Arg[] vals = new Arg[registers.length];
            List<Integer> refs = new ArrayList<>();
            for (int j = 0; j < registers.length; j++) {
                Value v = rs.get(registers[j]);
                if (v == null) {
                    continue;
                }
                if (v instanceof Const c) {
                    vals[j] = Arg.constant(c);
                } else {
                    int slot = inner.slotOf(v);
                    vals[j] = Arg.slot(v.type(), slot);
                    if (v.type() == Type.REF) {
                        refs.add(slot);
                    }
                }
            }
            return new NormalEnd(leave, vals, kinds, at, refs.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Whether the loop is over here; then its registers are in {@code bits} (primitive kinds) and {@code refs}. */
        @ExplodeLoop
        boolean read(long[] bits, Object[] refs) {
            if (Interpreter.rangeHasNext(values[cur].unspillBits(buffer), values[stop].unspillBits(buffer), values[step].unspillBits(buffer))) {
                return false;
            }
            for (int j = 0; j < values.length; j++) {
                if (kinds[j] == Type.REF) {
                    refs[j] = values[j] == null ? null : values[j].unspill(buffer);
                } else {
                    bits[j] = values[j].unspillBits(buffer);
                }
            }
            for (int j = 0; j < refSlots.length; j++) {
                buffer.refs[refSlots[j]] = null;
            }
            return true;
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
