package dev.vecl.trace.jit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceVerifier;
import dev.vecl.trace.ir.Value;

/**
 * Joins bridges to the traces they leave from. A recorded bridge that comes back to the loop header
 * ends in {@code jump(v…)} with one value per parent <em>input</em> (the header's registers); the
 * parent's optimized loop, however, starts at a label whose variables include what its preamble
 * computed (lengths, storages, hoisted loads: PyPy's short preamble). {@link #linkToLabel} appends
 * the parent's preamble to the bridge, with the parent's inputs replaced by the jump's values, and
 * jumps with the label's variables. The preamble is the peeled first iteration, so the bridge
 * runs one loop iteration as the preamble does on every entry from the header, guards and all; it
 * recomputes every invariant from the current state, which stays right when the bridge changed
 * what the invariants were read from (a store, a list append, a global write).
 */
final class Bridges {
    private Bridges() {
    }

    /**
     * The recorded bridge jumping to the parent's optimized label: with a short preamble when one
     * can be built ({@link #shortPreamble}), else by replaying the parent's whole preamble. A bridge
     * ending in finish is returned as it is.
     */
    static Trace linkToLabel(Trace bridge, Trace parent, int[] inputRegisters) {
        Op jump = bridge.last();
        if (jump.opcode != OpCode.JUMP) {
            return bridge;
        }
        if (jump.numArgs() != parent.inputs.size()) {
            throw new IllegalArgumentException("bridge jumps with " + jump.numArgs() + " values, parent has " + parent.inputs.size() + " inputs");
        }
        List<Op> head = new ArrayList<>(bridge.ops.subList(0, bridge.ops.size() - 1));
        List<Op> tail = shortPreamble(jump, parent, inputRegisters);
        if (tail == null) {
            tail = fullPreamble(jump, parent);
        }
        head.addAll(tail);
        return TraceVerifier.verify(new Trace(bridge.inputs, head));
    }

    /** The parent's preamble on the jump's values, then the jump to its label. */
    static List<Op> fullPreamble(Op jump, Trace parent) {
        Map<Value, Value> sub = new IdentityHashMap<>();
        for (int k = 0; k < jump.numArgs(); k++) {
            sub.put(parent.inputs.get(k), jump.arg(k));
        }
        List<Op> ops = new ArrayList<>();
        for (Op op : parent.preamble()) {
            Op n = op.map(v -> sub.getOrDefault(v, v));
            sub.put(op, n);
            ops.add(n);
        }
        ops.add(jumpTo(parent.label(), sub));
        return ops;
    }

    private static Op jumpTo(Op label, Map<Value, Value> sub) {
        List<Value> values = new ArrayList<>();
        for (Value v : label.args()) {
            values.add(sub.getOrDefault(v, v));
        }
        return new Op(OpCode.JUMP, values, null, null);
    }

    /**
     * PyPy's short preamble: the label's snapshot says which label variable each header register
     * is in the loop, so those take the bridge's header values directly (a register the loop has
     * specialised to a constant gets a {@code guard_value}); the other label variables are the
     * invariants the preamble computed, which are recomputed from those values by copying the
     * preamble operations they need, together with the preamble's guards on loop invariants and
     * the checks hoisted before the label (the loop body was optimised knowing they hold: kinds,
     * strides, bounds). Guards of the first iteration on varying values are not copied. Copied guards
     * and raising operations leave with the header state: nothing has happened since the header.
     * Loads are copied only on invariants (a coefficient, a length: after the copied guards that
     * check their index, in preamble order), never loads of the first iteration's varying
     * indexes. Every guard the loop may rely on is an invariant guard or a hoisted check, so it is
     * re-checked on the bridge's values: a bridge that changed what an invariant was read from (a
     * list it appended to) cannot enter the loop with a stale fact.
     *
     * @return the operations to append to the bridge (ending in the jump), or null if some label
     *         variable cannot be had this way (the caller replays the whole preamble)
     */
    static List<Op> shortPreamble(Op jump, Trace parent, int[] inputRegisters) {
        Op label = parent.label();
        Snapshot.Frame header = label.snapshot.frames().get(0);
        if (label.snapshot.frames().size() != 1) {
            return null;
        }
        Map<Value, Value> sub = new IdentityHashMap<>();
        List<Op> out = new ArrayList<>();
        List<Op> checks = new ArrayList<>();
        for (int k = 0; k < inputRegisters.length; k++) {
            Value v = header.registers().get(inputRegisters[k]);
            Value h = jump.arg(k);
            if (v == null) {
                continue; // dead in the loop
            }
            if (v instanceof Const c) {
                if (h instanceof Const hc) {
                    if (!sameConst(hc, c)) {
                        return null;
                    }
                } else {
                    checks.add(new Op(OpCode.GUARD_VALUE, List.of(h, c), null, null));
                }
            } else if (sub.containsKey(v) && sub.get(v) != h) {
                return null; // the loop assumes two registers hold one value
            } else {
                sub.put(v, h);
            }
        }
        if (header.registers().size() != countLive(header, inputRegisters)) {
            return null;
        }
        // the header as the bridge reached it: every input register holds the bridge's own value
        // (the label's snapshot may hold a constant the loop specialised to, which a failing
        // guard_value must not restore in place of the bridge's value)
        Snapshot mapped = label.snapshot.map(v -> sub.getOrDefault(v, v));
        java.util.TreeMap<Integer, Value> regs = new java.util.TreeMap<>(mapped.frames().get(0).registers());
        for (int k = 0; k < inputRegisters.length; k++) {
            if (regs.containsKey(inputRegisters[k])) {
                regs.put(inputRegisters[k], jump.arg(k));
            }
        }
        Snapshot headerState = Snapshot.of(Snapshot.Frame.of(mapped.frames().get(0).code(), mapped.frames().get(0).pc(), regs));
        for (Op g : checks) {
            out.add(g.withSnapshot(headerState));
        }
        // which preamble ops the label variables need
        List<Op> pre = parent.preamble();
        Set<Value> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Value v : label.args()) {
            if (!sub.containsKey(v)) {
                needed.add(v);
            }
        }
        for (int i = pre.size() - 1; i >= 0; i--) {
            Op op = pre.get(i);
            if (needed.contains(op)) {
                for (Value a : op.args()) {
                    if (!sub.containsKey(a)) {
                        needed.add(a);
                    }
                }
            }
        }
        // values the loop keeps unchanged (the jump passes them back) and what the preamble computed from them alone
        Set<Value> invariant = Collections.newSetFromMap(new IdentityHashMap<>());
        Op backJump = parent.last();
        for (int j = 0; j < label.numArgs(); j++) {
            if (backJump.arg(j) == label.arg(j)) {
                invariant.add(label.arg(j));
            }
        }
        // forward: copy what is computable from the header values
        for (Op op : pre) {
            if (sub.containsKey(op)) {
                continue;
            }
            boolean computable = !op.opcode.isStore() && op.opcode != OpCode.LABEL && (op.opcode.isPure() || op.opcode.isGuard() || op.opcode.isLoad());
            boolean onInvariants = true;
            for (Value a : op.args()) {
                if (!(a instanceof Const) && !sub.containsKey(a)) {
                    computable = false;
                }
                onInvariants &= a instanceof Const || invariant.contains(a);
            }
            if (onInvariants && computable) {
                invariant.add(op);
            }
            if (!computable) {
                if (needed.contains(op)) {
                    return null;
                }
                continue;
            }
            if (op.opcode.isLoad() && !(needed.contains(op) || onInvariants)) {
                continue; // a load of the first iteration: its index may be checked by a guard not copied
            }
            if (op.opcode.isGuard() && !(onInvariants || atHeader(op, label))) {
                // a guard of the first iteration on values that vary is that iteration's business;
                // the loop relies only on guards about invariants and on the checks hoisted before the label
                continue;
            }
            Op n = new Op(op.opcode, mapped(op, sub), op.descr, op.snapshot == null ? null : headerState);
            sub.put(op, n);
            out.add(n);
        }
        for (Value v : label.args()) {
            if (!sub.containsKey(v)) {
                return null;
            }
        }
        out.add(jumpTo(label, sub));
        return out;
    }

    /** A check placed right before the label with the label's snapshot (hoisted bounds checks). */
    private static boolean atHeader(Op guard, Op label) {
        List<Snapshot.Frame> fs = guard.snapshot.frames();
        return fs.size() == 1 && fs.get(0).pc() == label.snapshot.frames().get(0).pc() && fs.get(0).code().equals(label.snapshot.frames().get(0).code());
    }

    private static boolean sameConst(Const a, Const b) {
        if (a instanceof Const.Ref ra && b instanceof Const.Ref rb) {
            return ra.object() != null && ra.object() == rb.object();
        }
        return a.equals(b);
    }

    private static int countLive(Snapshot.Frame header, int[] inputRegisters) {
        int n = 0;
        for (int r : inputRegisters) {
            if (header.registers().containsKey(r)) {
                n++;
            }
        }
        return n;
    }

    private static List<Value> mapped(Op op, Map<Value, Value> sub) {
        List<Value> a = new ArrayList<>();
        for (Value v : op.args()) {
            a.add(sub.getOrDefault(v, v));
        }
        return a;
    }

    /**
     * For executors that cannot continue a loop from a bridge (the reference interpreter): the
     * linked bridge followed by a copy of the parent's loop, as one loop trace. {@code origin}
     * receives, for each copied operation, the parent operation it copies (exits name those).
     */
    static Trace withLoop(Trace linked, Trace parent, Map<Op, Op> origin) {
        Op jump = linked.last();
        List<Op> ops = new ArrayList<>(linked.ops.subList(0, linked.ops.size() - 1));
        Op label = parent.label();
        Map<Value, Value> sub = new IdentityHashMap<>();
        Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
        Value[] vars = new Value[jump.numArgs()];
        for (int k = 0; k < vars.length; k++) {
            Value v = jump.arg(k);
            if (v instanceof Const || !used.add(v)) {
                Op copy = Op.of(OpCode.SAME_AS, v); // label variables are distinct and non-constant
                ops.add(copy);
                v = copy;
            }
            vars[k] = v;
            sub.put(label.arg(k), v);
        }
        ops.add(new Op(OpCode.LABEL, List.of(vars), null, label.snapshot.map(v -> sub.getOrDefault(v, v))));
        for (Op op : parent.body()) {
            Op n = op.map(v -> sub.getOrDefault(v, v));
            sub.put(op, n);
            origin.put(n, op);
            ops.add(n);
        }
        return TraceVerifier.verify(new Trace(linked.inputs, ops));
    }

    /** A bridge's input values from an exit: the distinct non-constant snapshot values, in snapshot order (as the backend passes them). */
    static Object[] inputsOf(TraceInterpreter.Exit e) {
        List<Object> in = new ArrayList<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<dev.vecl.trace.ir.Snapshot.Frame> frames = e.op().snapshot.frames();
        for (int k = 0; k < frames.size(); k++) {
            for (Map.Entry<Integer, Value> r : frames.get(k).registers().entrySet()) {
                if (!(r.getValue() instanceof Const) && seen.add(r.getValue())) {
                    in.add(e.frames().get(k).registers().get(r.getKey()));
                }
            }
        }
        return in.toArray();
    }
}
