package dev.vecl.trace.opt;

import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Loop peeling (PyPy's unrolling, LuaJIT's LOOP copy-substitution). From
 * {@code label(L) body jump(J)} it makes {@code body[L] label(R) body' jump(J')}: the first
 * iteration becomes the preamble, verbatim; then the body is copied once more with each label
 * variable L_k replaced by J_k (its value at the end of the preamble). While copying, a pure
 * operation already computed in the preamble from values that do not change between iterations is
 * reused instead of recomputed, and a guard the preamble already passed on such values is dropped.
 * The new label's variables R are the preamble values the loop still uses: the carried J_k
 * (whose jump argument is the copy of J_k) and the reused invariants (passed back unchanged).
 *
 * <p>Only fresh loops (label first) are peeled. Values that are not carried through the label
 * unchanged are "variant": a preamble operation that reads one is never reused. A load is reused
 * only if the loop has no call with effects and no store that could write what it reads (a store
 * of the same array dtype; {@code list_setitem} for items, {@code list_append} for lengths); calls
 * with effects are always repeated. The new label's snapshot is the old one with
 * L_k replaced by J_k.
 */
public final class LoopPeel implements Pass {

    private record Key(OpCode opcode, List<Value> args, Object descr) {
        static Key of(Op op) {
            return new Key(op.opcode, op.args(), op.descr);
        }
    }

    @Override
    public Trace apply(Trace trace) {
        if (!trace.isLoop() || trace.labelIndex() != 0) {
            return trace;
        }
        Op label = trace.ops.get(0);
        Op jump = trace.last();
        List<Op> body = trace.ops.subList(1, trace.ops.size() - 1);
        int n = label.numArgs();

        List<Op> pre = new ArrayList<>(body);
        // carried values must be distinct: each becomes one variable of the new loop
        Value[] carried = new Value[n];
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < n; k++) {
            Value v = jump.arg(k);
            if (!(v instanceof Const) && !seen.add(v)) {
                Op copy = Op.of(OpCode.SAME_AS, v);
                pre.add(copy);
                v = copy;
            }
            carried[k] = v;
        }
        Set<Value> variant = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Value, Integer> positionOf = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            if (!(carried[k] instanceof Const) && carried[k] != label.arg(k)) {
                variant.add(carried[k]);
                positionOf.put(carried[k], k);
            }
        }

        // what the preamble computed or proved on values that are the same in every iteration;
        // loads count when the loop writes nothing they could read
        Map<Key, Value> computed = new HashMap<>();
        Set<Key> proved = new HashSet<>();
        for (Op op : pre) {
            if (readsAny(op, variant)) {
                continue;
            }
            if ((op.opcode.isPure() && op.opcode != OpCode.SAME_AS) || (op.opcode.isLoad() && !loopMayWrite(body, op.opcode))) {
                computed.putIfAbsent(Key.of(op), op);
            } else if (op.opcode.isGuard()) {
                proved.add(Key.of(op));
            }
        }

        // the second iteration, which becomes the loop
        Map<Value, Value> sub = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            sub.put(label.arg(k), carried[k]);
        }
        List<Op> loop = new ArrayList<>();
        for (Op op : body) {
            Op o = op.map(v -> sub.getOrDefault(v, v));
            if ((o.opcode.isPure() && o.opcode != OpCode.SAME_AS) || o.opcode.isLoad()) {
                Value prev = computed.get(Key.of(o));
                if (prev != null) {
                    sub.put(op, prev);
                    continue;
                }
            } else if (o.opcode.isGuard() && proved.contains(Key.of(o))) {
                continue;
            }
            loop.add(o);
            sub.put(op, o);
        }
        Value[] next = new Value[n];
        for (int k = 0; k < n; k++) {
            next[k] = sub.getOrDefault(jump.arg(k), jump.arg(k));
        }
        Snapshot loopSnapshot = label.snapshot == null ? null : label.snapshot.map(v -> sub.getOrDefault(v, v));

        // the new label: preamble values the loop refers to, carried ones first
        Map<Value, Integer> order = new IdentityHashMap<>();
        for (int i = 0; i < trace.inputs.size(); i++) {
            order.put(trace.inputs.get(i), i);
        }
        for (int i = 0; i < pre.size(); i++) {
            order.put(pre.get(i), trace.inputs.size() + i);
        }
        Set<Value> used = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Value> work = new ArrayList<>();
        Consumer<Value> use = v -> {
            if (order.containsKey(v) && used.add(v)) {
                work.add(v);
            }
        };
        for (Op o : loop) {
            o.args().forEach(use);
            if (o.snapshot != null) {
                o.snapshot.forEachValue(use);
            }
        }
        if (loopSnapshot != null) {
            loopSnapshot.forEachValue(use);
        }
        for (int i = 0; i < work.size(); i++) {
            Integer k = positionOf.get(work.get(i));
            if (k != null) {
                use.accept(next[k]);
            }
        }
        List<Value> vars = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (positionOf.containsKey(carried[k]) && used.contains(carried[k])) {
                vars.add(carried[k]);
            }
        }
        Set<Value> inVars = Collections.newSetFromMap(new IdentityHashMap<>());
        inVars.addAll(vars);
        List<Value> rest = new ArrayList<>();
        for (Value v : used) {
            if (!inVars.contains(v)) {
                rest.add(v);
            }
        }
        rest.sort((a, b) -> Integer.compare(order.get(a), order.get(b)));
        vars.addAll(rest);
        List<Value> jumpArgs = new ArrayList<>();
        for (Value v : vars) {
            Integer k = positionOf.get(v);
            jumpArgs.add(k != null ? next[k] : v);
        }

        List<Op> out = new ArrayList<>(pre);
        out.add(new Op(OpCode.LABEL, vars, null, loopSnapshot));
        out.addAll(loop);
        out.add(new Op(OpCode.JUMP, jumpArgs, null, jump.snapshot == null ? null : jump.snapshot.map(v -> sub.getOrDefault(v, v))));
        return new Trace(trace.inputs, out);
    }

    /** Whether some store or call in the loop body may change what a load of this kind reads. */
    private static boolean loopMayWrite(List<Op> body, OpCode load) {
        for (Op op : body) {
            if (op.opcode.isCall()) {
                return true;
            }
            boolean writes = switch (op.opcode) {
                case LIST_SETITEM -> load == OpCode.LIST_GETITEM;
                case LIST_APPEND -> load == OpCode.LIST_LEN;
                default -> op.opcode.isStore() && op.opcode.dtype() != null && op.opcode.dtype() == load.dtype();
            };
            if (writes) {
                return true;
            }
        }
        return false;
    }

    private static boolean readsAny(Op op, Set<Value> values) {
        for (Value v : op.args()) {
            if (values.contains(v)) {
                return true;
            }
        }
        return false;
    }

}
