package dev.vecl.trace.opt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.InputArg;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * The output side of a forward pass: a substitution of old values by new ones and the list of
 * emitted operations. {@link #emitLabel} keeps the label's variables distinct non-constants (adding
 * {@code same_as} copies in the preamble when a substitution made two of them equal or one
 * constant), because after the label a variable stands for each iteration's value, not for the
 * value it had on entry.
 */
final class Rewriter {
    private final Map<Value, Value> subst = new IdentityHashMap<>();
    private final List<Op> out = new ArrayList<>();
    private final List<InputArg> inputs;
    private final Set<Value> vars = Collections.newSetFromMap(new IdentityHashMap<>());

    Rewriter(Trace in) {
        this.inputs = in.inputs;
    }

    Value get(Value v) {
        Value r = subst.get(v);
        while (r != null) {
            v = r;
            r = subst.get(v);
        }
        return v;
    }

    /**
     * The operation with arguments and snapshot values substituted, not yet emitted. Later uses of
     * the original become uses of the copy (unless {@link #replace} says otherwise).
     */
    Op copy(Op op) {
        Op o = op.map(this::get);
        subst.put(op, o);
        return o;
    }

    void emit(Op op) {
        out.add(op);
    }

    /** Later uses of {@code old} become {@code v}. */
    void replace(Value old, Value v) {
        if (old instanceof Const) {
            return;
        }
        Value to = get(v);
        if (to != old) {
            subst.put(old, to);
        }
    }

    List<Op> emitted() {
        return out;
    }

    /** Emits the label (already substituted or not); returns the emitted label. */
    Op emitLabel(Op label) {
        List<Value> vars = new ArrayList<>();
        Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Value a : label.args()) {
            Value s = get(a);
            if (s instanceof Const || !seen.add(s)) {
                Op copy = Op.of(OpCode.SAME_AS, s);
                emit(copy);
                seen.add(copy);
                s = copy;
            }
            vars.add(s);
            if (s != a) {
                subst.put(a, s);
            }
        }
        this.vars.addAll(vars);
        Op newLabel = new Op(OpCode.LABEL, vars, null, label.snapshot == null ? null : label.snapshot.map(this::get));
        emit(newLabel);
        return newLabel;
    }

    /**
     * The label variables once the label is emitted (else empty). Inside the loop a variable's
     * defining operation describes its entry value only: passes must not look through it.
     */
    Set<Value> labelVars() {
        return vars;
    }

    Trace finish() {
        return new Trace(inputs, out);
    }
}
