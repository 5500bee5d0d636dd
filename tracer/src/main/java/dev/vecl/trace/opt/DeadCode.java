package dev.vecl.trace.opt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.vecl.trace.ir.Eval;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Dead-code elimination. Guards, stores, calls with effects, control operations and operations
 * that may raise always stay; anything else stays only if a kept operation or a snapshot uses it.
 * Also drops loop variables that nothing in the loop uses except the jump passing them back
 * unchanged (typically invariants the peeled loop no longer needs).
 */
public final class DeadCode implements Pass {

    @Override
    public Trace apply(Trace trace) {
        List<Op> ops = new ArrayList<>(trace.ops);
        boolean changed = true;
        while (changed) {
            changed = dropUnusedLoopVars(ops);
            int before = ops.size();
            ops = sweep(ops);
            changed |= ops.size() != before;
        }
        return new Trace(trace.inputs, ops);
    }

    static boolean hasEffect(Op op) {
        OpCode oc = op.opcode;
        return oc.isGuard() || oc.isStore() || oc.isCall() || oc.isControl() || Eval.mayRaise(op);
    }

    private static List<Op> sweep(List<Op> ops) {
        Set<Value> live = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean[] keep = new boolean[ops.size()];
        for (int i = ops.size() - 1; i >= 0; i--) {
            Op op = ops.get(i);
            if (hasEffect(op) || live.contains(op)) {
                keep[i] = true;
                live.addAll(op.args());
                if (op.snapshot != null) {
                    op.snapshot.forEachValue(live::add);
                }
            }
        }
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            if (keep[i]) {
                out.add(ops.get(i));
            }
        }
        return out;
    }

    private static boolean dropUnusedLoopVars(List<Op> ops) {
        int l = -1;
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).opcode == OpCode.LABEL) {
                l = i;
            }
        }
        if (l < 0 || ops.get(ops.size() - 1).opcode != OpCode.JUMP) {
            return false;
        }
        Op label = ops.get(l);
        Op jump = ops.get(ops.size() - 1);
        boolean changed = false;
        for (int k = label.numArgs() - 1; k >= 0; k--) {
            Value var = label.arg(k);
            if (jump.arg(k) != var || usedInLoop(ops, l, var, k)) {
                continue;
            }
            List<Value> la = new ArrayList<>(label.args());
            List<Value> ja = new ArrayList<>(jump.args());
            la.remove(k);
            ja.remove(k);
            label = label.withArgs(la);
            jump = jump.withArgs(ja);
            changed = true;
        }
        if (changed) {
            ops.set(l, label);
            ops.set(ops.size() - 1, jump);
        }
        return changed;
    }

    /** Uses of var from the label on, other than as jump argument k (the label's own snapshot counts). */
    private static boolean usedInLoop(List<Op> ops, int labelIndex, Value var, int k) {
        for (int i = labelIndex; i < ops.size(); i++) {
            Op op = ops.get(i);
            boolean isJump = i == ops.size() - 1;
            if (i > labelIndex) {
                for (int j = 0; j < op.numArgs(); j++) {
                    if (op.arg(j) == var && !(isJump && j == k)) {
                        return true;
                    }
                }
            }
            if (op.snapshot != null) {
                boolean[] found = {false};
                op.snapshot.forEachValue(v -> found[0] |= v == var);
                if (found[0]) {
                    return true;
                }
            }
        }
        return false;
    }
}
