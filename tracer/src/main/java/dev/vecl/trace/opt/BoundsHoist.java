package dev.vecl.trace.opt;

import java.util.Collections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Bounds-check hoisting for induction variables. In the loop body, let x be a label variable that
 * the jump advances by 1, let an earlier body guard bound it by the loop's exit test
 * {@code x + e < m}, and let {@code guard_index(x + c, n)} follow, with m and n loop-invariant and
 * n small (a length, maybe plus a constant: Lengths). Then every iteration's x lies in {@code [x0, m - e - 1]} (x0 its value on entry) and
 * the body guard holds in all iterations iff {@code -c <= x0 <= n - c} and {@code m <= n + e - c}.
 * Those two checks go just before the label, with the label's snapshot (the loop-header state on
 * entry, since label variables are their entry values there), and the body guard goes. If a
 * hoisted check fails the interpreter runs the loop from its header: no effect is lost or repeated.
 */
public final class BoundsHoist implements Pass {

    private record Exit(long e, Value m) {
    }

    @Override
    public Trace apply(Trace trace) {
        if (!trace.isLoop()) {
            return trace;
        }
        int l = trace.labelIndex();
        Op label = trace.ops.get(l);
        Op jump = trace.last();
        if (label.snapshot == null) {
            return trace;
        }
        Map<Value, Integer> var = new IdentityHashMap<>();
        for (int k = 0; k < label.numArgs(); k++) {
            var.put(label.arg(k), k);
        }
        Set<Value> variant = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < label.numArgs(); k++) {
            if (jump.arg(k) != label.arg(k)) {
                variant.add(label.arg(k));
            }
        }
        Set<Value> induction = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 0; k < label.numArgs(); k++) {
            Value j = jump.arg(k);
            if (j instanceof Op add && add.opcode == OpCode.INT_ADD) {
                IndexForm f = IndexForm.of(j, var.keySet());
                if (f.base() == label.arg(k) && f.offset() == 1) {
                    induction.add(label.arg(k));
                }
            }
        }
        Map<Value, List<Exit>> exits = new IdentityHashMap<>();
        List<Op> hoisted = new ArrayList<>();
        Set<Integer> removed = new HashSet<>();
        for (int i = l + 1; i < trace.ops.size() - 1; i++) {
            Op g = trace.ops.get(i);
            if ((g.opcode == OpCode.GUARD_TRUE || g.opcode == OpCode.GUARD_FALSE) && g.arg(0) instanceof Op cmp) {
                recordExit(cmp, g.opcode == OpCode.GUARD_TRUE, induction, label, jump, var, exits);
            } else if (g.opcode == OpCode.GUARD_INDEX) {
                IndexForm f = IndexForm.of(g.arg(0), var.keySet());
                Value n = g.arg(1);
                List<Exit> ex = f.base() == null ? null : exits.get(f.base());
                if (ex == null || !invariant(n, label, jump, var) || !Lengths.isSmall(n, variant) || !Lengths.small(f.offset())) {
                    continue;
                }
                Exit exit = ex.get(0);
                long c = f.offset();
                Value x0 = f.base();
                Value lo = c == 0 ? x0 : add(hoisted, x0, c);
                hoisted.add(new Op(OpCode.GUARD_INDEX, List.of(lo, add(hoisted, n, 1)), null, label.snapshot));
                Op le = Op.of(OpCode.INT_LE, exit.m(), add(hoisted, n, exit.e() - c));
                hoisted.add(le);
                hoisted.add(new Op(OpCode.GUARD_TRUE, List.of(le), null, label.snapshot));
                removed.add(i);
            }
        }
        if (removed.isEmpty()) {
            return trace;
        }
        List<Op> out = new ArrayList<>(trace.ops.subList(0, l));
        out.addAll(hoisted);
        for (int i = l; i < trace.ops.size(); i++) {
            if (!removed.contains(i)) {
                out.add(trace.ops.get(i));
            }
        }
        return new Trace(trace.inputs, out);
    }

    private static Value add(List<Op> into, Value v, long c) {
        if (c == 0) {
            return v;
        }
        if (v instanceof Const.Int k) {
            return Const.of(k.value() + c);
        }
        Op op = Op.of(OpCode.INT_ADD, v, Const.of(c));
        into.add(op);
        return op;
    }

    private static boolean invariant(Value v, Op label, Op jump, Map<Value, Integer> var) {
        if (v instanceof Const) {
            return true;
        }
        Integer k = var.get(v);
        return k != null && jump.arg(k) == v;
    }

    /** Records x + e < m when the guard asserts it. */
    private static void recordExit(Op cmp, boolean truth, Set<Value> induction, Op label, Op jump,
            Map<Value, Integer> var, Map<Value, List<Exit>> exits) {
        Value a;
        Value m;
        if ((cmp.opcode == OpCode.INT_LT && truth) || (cmp.opcode == OpCode.INT_GE && !truth)) {
            a = cmp.arg(0);
            m = cmp.arg(1);
        } else if ((cmp.opcode == OpCode.INT_GT && truth) || (cmp.opcode == OpCode.INT_LE && !truth)) {
            a = cmp.arg(1);
            m = cmp.arg(0);
        } else {
            return;
        }
        IndexForm f = IndexForm.of(a, var.keySet());
        if (f.base() != null && induction.contains(f.base()) && invariant(m, label, jump, var) && Lengths.small(f.offset())) {
            exits.computeIfAbsent(f.base(), k -> new ArrayList<>()).add(new Exit(f.offset(), m));
        }
    }
}
