package dev.vecl.trace.opt;

import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Guard strengthening for bounds checks. Within one region (preamble or loop body), the guards
 * {@code guard_index(x + c_j, n)} on one base x and one length n hold together exactly when
 * {@code 0 <= x + cmin < n - (cmax - cmin)}; that single guard replaces the first of them, with the
 * first one's snapshot, and the others go. The combined guard fails no later than the first
 * original one would be reached, so it resumes the interpreter before any effect the later guards
 * protect; the interpreter then redoes the work and raises the IndexError (or takes the other path)
 * at the right place. n must be small (a length, maybe minus a constant: Lengths), so n - d cannot wrap.
 */
public final class GuardStrengthen implements Pass {

    private record Group(int region, Value base, Value n) {
    }

    @Override
    public Trace apply(Trace trace) {
        List<Op> ops = trace.ops;
        int label = trace.labelIndex();
        // inside the loop, label variables are opaque, and a length must be invariant to stay a length
        Set<Value> vars = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> variant = Collections.newSetFromMap(new IdentityHashMap<>());
        if (label >= 0) {
            Op l = ops.get(label);
            vars.addAll(l.args());
            Op jump = trace.isLoop() ? trace.last() : null;
            for (int k = 0; k < l.numArgs(); k++) {
                if (jump == null || jump.arg(k) != l.arg(k)) {
                    variant.add(l.arg(k));
                }
            }
        }
        Set<Value> none = Set.of();
        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            boolean inLoop = label >= 0 && i > label;
            if (op.opcode != OpCode.GUARD_INDEX || !Lengths.isSmall(op.arg(1), inLoop ? variant : none)) {
                continue;
            }
            IndexForm f = IndexForm.of(op.arg(0), inLoop ? vars : none);
            if (!Lengths.small(f.offset())) {
                continue;
            }
            groups.computeIfAbsent(new Group(inLoop ? 1 : 0, f.base(), op.arg(1)), g -> new ArrayList<>()).add(i);
        }
        Map<Integer, List<Op>> replaceAt = new LinkedHashMap<>();
        Set<Integer> removed = new HashSet<>();
        for (Map.Entry<Group, List<Integer>> e : groups.entrySet()) {
            List<Integer> at = e.getValue();
            if (at.size() < 2) {
                continue;
            }
            Value base = e.getKey().base();
            Set<Value> opaque = e.getKey().region() == 1 ? vars : none;
            Value n = e.getKey().n();
            long cmin = Long.MAX_VALUE;
            long cmax = Long.MIN_VALUE;
            for (int i : at) {
                long c = IndexForm.of(ops.get(i).arg(0), opaque).offset();
                cmin = Math.min(cmin, c);
                cmax = Math.max(cmax, c);
            }
            Op first = ops.get(at.get(0));
            List<Op> repl = new ArrayList<>();
            Value lo;
            if (IndexForm.of(first.arg(0), opaque).offset() == cmin) {
                lo = first.arg(0);
            } else if (base == null) {
                lo = Const.of(cmin);
            } else if (cmin == 0) {
                lo = base;
            } else {
                Op add = Op.of(OpCode.INT_ADD, base, Const.of(cmin));
                repl.add(add);
                lo = add;
            }
            long d = cmax - cmin;
            Value limit;
            if (d == 0) {
                limit = n;
            } else if (n instanceof Const.Int c) {
                limit = Const.of(c.value() - d);
            } else {
                Op sub = Op.of(OpCode.INT_SUB, n, Const.of(d));
                repl.add(sub);
                limit = sub;
            }
            repl.add(new Op(OpCode.GUARD_INDEX, List.of(lo, limit), null, first.snapshot));
            replaceAt.put(at.get(0), repl);
            for (int k = 1; k < at.size(); k++) {
                removed.add(at.get(k));
            }
        }
        if (replaceAt.isEmpty()) {
            return trace;
        }
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (replaceAt.containsKey(i)) {
                out.addAll(replaceAt.get(i));
            } else if (!removed.contains(i)) {
                out.add(ops.get(i));
            }
        }
        return new Trace(trace.inputs, out);
    }
}
