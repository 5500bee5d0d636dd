package dev.vecl.trace.opt;

import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Eval;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.RefKind;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Constant folding through {@link Eval} (hence {@code Arith}), a few exact algebraic identities, and
 * removal of guards that hold on constants. An operation that would raise on its constant arguments
 * is kept, so the error happens at run time where the program raises it. A guard that always fails
 * on constants is kept too: the trace then always exits there, which is correct.
 */
public final class ConstFold implements Pass {

    @Override
    public Trace apply(Trace trace) {
        Rewriter rw = new Rewriter(trace);
        for (Op op : trace.ops) {
            if (op.opcode == OpCode.LABEL) {
                rw.emitLabel(op);
                continue;
            }
            Op o = rw.copy(op);
            if (o.opcode.isPure() && !o.opcode.hasDescr() && allConst(o)) {
                Const c = Eval.fold(o.opcode, consts(o));
                if (c != null) {
                    rw.replace(op, c);
                    continue;
                }
            }
            Value simple = simplify(o, rw.labelVars());
            if (simple != null) {
                rw.replace(op, simple);
                continue;
            }
            if (o.opcode.isGuard() && holds(o)) {
                continue;
            }
            rw.emit(o);
        }
        return rw.finish();
    }

    private static boolean allConst(Op o) {
        for (Value v : o.args()) {
            if (!(v instanceof Const)) {
                return false;
            }
        }
        return true;
    }

    private static Const[] consts(Op o) {
        Const[] cs = new Const[o.numArgs()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = (Const) o.arg(i);
        }
        return cs;
    }

    /** Identities that are exact for every input (no float x+0.0: -0.0 + 0.0 is 0.0). */
    private static Value simplify(Op o, Set<Value> vars) {
        Value a = o.numArgs() > 0 ? o.arg(0) : null;
        Value b = o.numArgs() > 1 ? o.arg(1) : null;
        return switch (o.opcode) {
            case INT_ADD -> isInt(b, 0) ? a : isInt(a, 0) ? b : null;
            case INT_SUB -> isInt(b, 0) ? a : a == b ? Const.of(0L) : null;
            case INT_MUL -> isInt(b, 1) ? a : isInt(a, 1) ? b : isInt(a, 0) || isInt(b, 0) ? Const.of(0L) : null;
            case INT_OR, INT_XOR -> isInt(b, 0) ? a : isInt(a, 0) ? b : o.opcode == OpCode.INT_XOR && a == b ? Const.of(0L) : null;
            case INT_AND -> isInt(a, 0) || isInt(b, 0) ? Const.of(0L) : isInt(b, -1) ? a : isInt(a, -1) ? b : a == b ? a : null;
            case INT_FLOORDIV -> isInt(b, 1) ? a : null;
            case INT_LSHIFT, INT_RSHIFT -> isInt(b, 0) ? a : null;
            case INT_EQ, INT_LE, INT_GE -> a == b ? Const.TRUE : null;
            case INT_NE, INT_LT, INT_GT -> a == b ? Const.FALSE : null;
            // x * 1.0 is exact in IEEE arithmetic, NaN and -0.0 included
            case FLOAT_MUL -> b instanceof Const.Float64 c && c.value() == 1.0 ? a : null;
            case F32_MUL -> b instanceof Const.Float32 c && c.value() == 1.0f ? a : null;
            case BOOL_NOT -> a instanceof Op inner && inner.opcode == OpCode.BOOL_NOT && !vars.contains(a) ? inner.arg(0) : null;
            case BOOL_AND -> a == Const.TRUE ? b : b == Const.TRUE ? a : a == Const.FALSE || b == Const.FALSE ? Const.FALSE : null;
            case BOOL_OR -> a == Const.FALSE ? b : b == Const.FALSE ? a : a == Const.TRUE || b == Const.TRUE ? Const.TRUE : null;
            case REF_EQ -> a == b ? Const.TRUE : null;
            case SAME_AS -> null; // kept: a label needs the copy
            default -> null;
        };
    }

    private static boolean isInt(Value v, long x) {
        return v instanceof Const.Int c && c.value() == x;
    }

    /** A guard that certainly passes. */
    private static boolean holds(Op g) {
        Value a = g.arg(0);
        return switch (g.opcode) {
            case GUARD_TRUE -> a == Const.TRUE;
            case GUARD_FALSE -> a == Const.FALSE;
            case GUARD_VALUE -> a.equals(g.arg(1));
            case GUARD_NONNULL -> a instanceof Const.Ref r && !r.isNull() && r.object() != null;
            case GUARD_ISNULL -> a instanceof Const.Ref r && r.isNull();
            case GUARD_CLASS -> a instanceof Const.Ref r && r.object() != null && RefKind.of(r.object()) == g.descr;
            case GUARD_INDEX -> a instanceof Const.Int i && g.arg(1) instanceof Const.Int n && i.value() >= 0 && i.value() < n.value();
            default -> false;
        };
    }
}
