package dev.vecl.trace.ir;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Checks the structural rules of a trace (docs/tracer.md, "Invariants"): values defined before use,
 * signatures and types, snapshots on guards and labels, at most one label whose variables are
 * distinct non-constants, snapshots on operations that may raise, nothing after the label referring to a preamble value that is not a
 * label variable, a final jump matching the label.
 */
public final class TraceVerifier {
    private TraceVerifier() {
    }

    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String msg) {
            super(msg);
        }
    }

    public static Trace verify(Trace t) {
        Set<Value> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Value> visible = Collections.newSetFromMap(new IdentityHashMap<>());
        defined.addAll(t.inputs);
        visible.addAll(t.inputs);
        Op label = null;
        for (int i = 0; i < t.ops.size(); i++) {
            Op op = t.ops.get(i);
            String where = "op " + i + " (" + op.opcode.text + ")";
            if (i < t.ops.size() - 1 && (op.opcode == OpCode.JUMP || op.opcode == OpCode.FINISH)) {
                fail(t, where + ": must be last");
            }
            checkSignature(t, op, where);
            for (Value v : op.args()) {
                checkUse(t, v, visible, where);
            }
            if (op.snapshot != null) {
                op.snapshot.forEachValue(v -> {
                    checkUse(t, v, visible, where + " snapshot");
                    if (v.type().isVector()) {
                        fail(t, where + ": a vector in a snapshot (interpreter registers hold scalars)");
                    }
                });
            } else if (op.opcode.isGuard() || op.opcode == OpCode.LABEL || Eval.mayRaise(op)) {
                fail(t, where + ": needs a snapshot" + (Eval.mayRaise(op) ? " (it may raise)" : ""));
            }
            if (op.opcode == OpCode.LABEL) {
                if (label != null) {
                    fail(t, where + ": second label");
                }
                label = op;
                Set<Value> vars = Collections.newSetFromMap(new IdentityHashMap<>());
                for (Value v : op.args()) {
                    if (v instanceof Const) {
                        fail(t, where + ": constant label variable");
                    }
                    if (!vars.add(v)) {
                        fail(t, where + ": label variable given twice");
                    }
                }
                // after the label only its variables and later values are visible
                visible.clear();
                visible.addAll(vars);
            }
            // a trace without a label may end in a jump: a bridge continuing its parent's loop
            // (the backend checks the values against the parent's label when attaching it)
            if (op.opcode == OpCode.JUMP && label != null) {
                if (label.numArgs() != op.numArgs()) {
                    fail(t, where + ": " + op.numArgs() + " values for a label of " + label.numArgs());
                }
                for (int k = 0; k < op.numArgs(); k++) {
                    if (op.arg(k).type() != label.arg(k).type()) {
                        fail(t, where + ": argument " + k + " is " + op.arg(k).type() + ", label has " + label.arg(k).type());
                    }
                }
            }
            if (op.hasResult()) {
                if (!defined.add(op)) {
                    fail(t, where + ": operation appears twice");
                }
                visible.add(op);
            }
        }
        return t;
    }

    private static void checkSignature(Trace t, Op op, String where) {
        OpCode oc = op.opcode;
        if (!oc.isVarargs()) {
            if (op.numArgs() != oc.arity()) {
                fail(t, where + ": takes " + oc.arity() + " arguments, has " + op.numArgs());
            }
            for (int k = 0; k < oc.arity(); k++) {
                Type want = oc.argType(k);
                Type have = op.arg(k).type();
                if (want == Type.ANY ? have == Type.VOID : have != want) {
                    fail(t, where + ": argument " + k + " is " + have + ", wants " + want);
                }
            }
        } else {
            for (Value v : op.args()) {
                if (v.type() == Type.VOID) {
                    fail(t, where + ": void argument");
                }
            }
        }
        if (VectorOps.isLaneWise(oc)) {
            Type vt = op.arg(0).type();
            for (Value v : op.args()) {
                if (v.type() != vt) {
                    fail(t, where + ": arguments of different types");
                }
            }
            if (!vt.isVector() || VectorOps.scalarOf(oc, vt.element()) == null) {
                fail(t, where + ": not defined on " + vt);
            }
        } else if (oc != OpCode.VEC_SELECT && (oc.isVarargs() || (oc.arity() > 0 && oc.argType(0) == Type.ANY))) {
            for (Value v : op.args()) {
                if (v.type().isVector() && oc != OpCode.SAME_AS && oc != OpCode.LABEL && oc != OpCode.JUMP) {
                    fail(t, where + ": takes no vectors");
                }
            }
        }
        if (oc == OpCode.VEC_SELECT && (op.arg(1).type() != op.arg(2).type() || !op.arg(1).type().isVector() || op.arg(1).type().mask() != op.arg(0).type())) {
            fail(t, where + ": selects " + op.arg(1).type() + " and " + op.arg(2).type() + " by " + op.arg(0).type());
        }
        if (oc == OpCode.VEC_STORE_BOOL && !op.arg(2).type().isMask()) {
            fail(t, where + ": stores a mask, has " + op.arg(2).type());
        }
        if (oc == OpCode.GUARD_VALUE && (!(op.arg(1) instanceof Const) || op.arg(1).type() != op.arg(0).type())) {
            fail(t, where + ": needs a constant of the value's type");
        }
        if (oc == OpCode.LOOP_RESULT && !(op.arg(1) instanceof Const.Int r && r.value() >= 0)) {
            fail(t, where + ": needs a register number");
        }
        if (oc.has(OpCode.Flag.DESCR_FN) && !(op.descr instanceof String)) {
            fail(t, where + ": needs fn=");
        }
        if (oc.has(OpCode.Flag.DESCR_CLS) && !(op.descr instanceof RefKind)) {
            fail(t, where + ": needs cls=");
        }
        if (!oc.hasDescr() && op.descr != null) {
            fail(t, where + ": takes no descriptor");
        }
    }

    private static void checkUse(Trace t, Value v, Set<Value> visible, String where) {
        if (!(v instanceof Const) && !visible.contains(v)) {
            fail(t, where + ": uses a value not defined (or not visible after the label): " + v);
        }
    }

    private static void fail(Trace t, String msg) {
        throw new Invalid(msg + "\n" + TraceText.print(t));
    }
}
