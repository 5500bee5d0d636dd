package dev.vecl.trace.ir;

import dev.vecl.runtime.Arith;
import dev.vecl.runtime.VeclError;

/**
 * Evaluation of the scalar operations on constants, by calling {@link Arith} (the one definition
 * of VecL's scalar semantics). Comparisons and boolean operations use Java's primitive operators,
 * which agree with Python's for int and IEEE floats (NaN compares false). Used by constant folding,
 * and meant for the backend's scalar nodes.
 */
public final class Eval {
    private Eval() {
    }

    /** Thrown by {@link #apply} when the operation has no scalar definition here (loads, calls, guards). */
    public static final class NotEvaluable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotEvaluable(OpCode op) {
            super("not a scalar operation: " + op.text);
        }
    }

    /**
     * The constant result of {@code op} on constant arguments, or null when it cannot be folded: not
     * a scalar operation, or the operation raises on these arguments (the error must then happen at
     * run time, at the right place, so the operation stays).
     */
    public static Const fold(OpCode op, Const... args) {
        try {
            Object r = apply(op, boxed(args));
            return Const.ofBoxed(op.result == Type.ANY ? args[0].type() : op.result, r);
        } catch (VeclError | ArithmeticException | IllegalArgumentException | NotEvaluable e) {
            return null;
        }
    }

    private static Object[] boxed(Const[] args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = args[i].boxed();
        }
        return a;
    }

    /**
     * Whether the operation, with these arguments, may raise a VecL error. Operations flagged RAISES
     * are safe when the argument that decides it is a constant that makes them safe.
     */
    public static boolean mayRaise(Op op) {
        if (!op.opcode.has(OpCode.Flag.RAISES)) {
            return false;
        }
        Value last = op.numArgs() > 0 ? op.arg(op.numArgs() - 1) : null;
        switch (op.opcode) {
            case INT_FLOORDIV, INT_MOD, INT_TRUEDIV:
                return !(last instanceof Const.Int c && c.value() != 0);
            case INT_LSHIFT, INT_RSHIFT, INT_POW:
                return !(last instanceof Const.Int c && c.value() >= 0);
            default:
                if (op.opcode.isPure() && !op.opcode.hasDescr()) {
                    // e.g. cast_float_to_int of a constant: safe exactly when it folds
                    for (Value v : op.args()) {
                        if (!(v instanceof Const)) {
                            return true;
                        }
                    }
                    Const[] cs = new Const[op.numArgs()];
                    for (int i = 0; i < cs.length; i++) {
                        cs[i] = (Const) op.arg(i);
                    }
                    return fold(op.opcode, cs) == null;
                }
                return true;
        }
    }

    /** Applies a scalar operation to boxed arguments ({@code Long}, {@code Double}, {@code Float}, {@code Boolean}). */
    public static Object apply(OpCode op, Object... a) {
        return switch (op) {
            case INT_ADD -> Arith.addLong(l(a[0]), l(a[1]));
            case INT_SUB -> Arith.subLong(l(a[0]), l(a[1]));
            case INT_MUL -> Arith.mulLong(l(a[0]), l(a[1]));
            case INT_FLOORDIV -> Arith.floorDivLong(l(a[0]), l(a[1]));
            case INT_MOD -> Arith.modLong(l(a[0]), l(a[1]));
            case INT_TRUEDIV -> Arith.trueDivLong(l(a[0]), l(a[1]));
            case INT_POW -> Arith.powLong(l(a[0]), l(a[1]));
            case INT_NEG -> Arith.negLong(l(a[0]));
            case INT_ABS -> Arith.absLong(l(a[0]));
            case INT_AND -> Arith.andLong(l(a[0]), l(a[1]));
            case INT_OR -> Arith.orLong(l(a[0]), l(a[1]));
            case INT_XOR -> Arith.xorLong(l(a[0]), l(a[1]));
            case INT_MINIMUM -> Arith.minimumLong(l(a[0]), l(a[1]));
            case INT_MAXIMUM -> Arith.maximumLong(l(a[0]), l(a[1]));
            case INT_INVERT -> Arith.invertLong(l(a[0]));
            case INT_LSHIFT -> Arith.lshiftLong(l(a[0]), l(a[1]));
            case INT_RSHIFT -> Arith.rshiftLong(l(a[0]), l(a[1]));
            case INT_LT -> l(a[0]) < l(a[1]);
            case INT_LE -> l(a[0]) <= l(a[1]);
            case INT_GT -> l(a[0]) > l(a[1]);
            case INT_GE -> l(a[0]) >= l(a[1]);
            case INT_EQ -> l(a[0]) == l(a[1]);
            case INT_NE -> l(a[0]) != l(a[1]);

            case FLOAT_ADD -> Arith.addDouble(d(a[0]), d(a[1]));
            case FLOAT_SUB -> Arith.subDouble(d(a[0]), d(a[1]));
            case FLOAT_MUL -> Arith.mulDouble(d(a[0]), d(a[1]));
            case FLOAT_TRUEDIV -> Arith.divDouble(d(a[0]), d(a[1]));
            case FLOAT_FLOORDIV -> Arith.floorDivDouble(d(a[0]), d(a[1]));
            case FLOAT_MOD -> Arith.modDouble(d(a[0]), d(a[1]));
            case FLOAT_POW -> Arith.powDouble(d(a[0]), d(a[1]));
            case FLOAT_NEG -> Arith.negDouble(d(a[0]));
            case FLOAT_ABS -> Arith.absDouble(d(a[0]));
            case FLOAT_SQRT -> Arith.sqrtDouble(d(a[0]));
            case FLOAT_EXP -> Arith.expDouble(d(a[0]));
            case FLOAT_LOG -> Arith.logDouble(d(a[0]));
            case FLOAT_SIN -> Arith.sinDouble(d(a[0]));
            case FLOAT_COS -> Arith.cosDouble(d(a[0]));
            case FLOAT_FLOOR -> Arith.floorDouble(d(a[0]));
            case FLOAT_MINIMUM -> Arith.minimumDouble(d(a[0]), d(a[1]));
            case FLOAT_MAXIMUM -> Arith.maximumDouble(d(a[0]), d(a[1]));
            case FLOAT_LT -> d(a[0]) < d(a[1]);
            case FLOAT_LE -> d(a[0]) <= d(a[1]);
            case FLOAT_GT -> d(a[0]) > d(a[1]);
            case FLOAT_GE -> d(a[0]) >= d(a[1]);
            case FLOAT_EQ -> d(a[0]) == d(a[1]);
            case FLOAT_NE -> d(a[0]) != d(a[1]);

            case F32_ADD -> Arith.addFloat(s(a[0]), s(a[1]));
            case F32_SUB -> Arith.subFloat(s(a[0]), s(a[1]));
            case F32_MUL -> Arith.mulFloat(s(a[0]), s(a[1]));
            case F32_TRUEDIV -> Arith.divFloat(s(a[0]), s(a[1]));
            case F32_FLOORDIV -> Arith.floorDivFloat(s(a[0]), s(a[1]));
            case F32_MOD -> Arith.modFloat(s(a[0]), s(a[1]));
            case F32_POW -> Arith.powFloat(s(a[0]), s(a[1]));
            case F32_NEG -> Arith.negFloat(s(a[0]));
            case F32_ABS -> Arith.absFloat(s(a[0]));
            case F32_SQRT -> Arith.sqrtFloat(s(a[0]));
            case F32_EXP -> Arith.expFloat(s(a[0]));
            case F32_LOG -> Arith.logFloat(s(a[0]));
            case F32_SIN -> Arith.sinFloat(s(a[0]));
            case F32_COS -> Arith.cosFloat(s(a[0]));
            case F32_FLOOR -> Arith.floorFloat(s(a[0]));
            case F32_MINIMUM -> Arith.minimumFloat(s(a[0]), s(a[1]));
            case F32_MAXIMUM -> Arith.maximumFloat(s(a[0]), s(a[1]));
            case F32_LT -> s(a[0]) < s(a[1]);
            case F32_LE -> s(a[0]) <= s(a[1]);
            case F32_GT -> s(a[0]) > s(a[1]);
            case F32_GE -> s(a[0]) >= s(a[1]);
            case F32_EQ -> s(a[0]) == s(a[1]);
            case F32_NE -> s(a[0]) != s(a[1]);

            case CAST_INT_TO_FLOAT -> Arith.longToDouble(l(a[0]));
            case CAST_FLOAT_TO_INT -> Arith.doubleToLong(d(a[0]));
            case CAST_INT_TO_F32 -> Arith.longToFloat(l(a[0]));
            case CAST_FLOAT_TO_F32 -> Arith.doubleToFloat(d(a[0]));
            case CAST_F32_TO_FLOAT -> Arith.floatToDouble(s(a[0]));
            case CAST_BOOL_TO_INT -> b(a[0]) ? 1L : 0L;

            case BOOL_AND -> b(a[0]) & b(a[1]);
            case BOOL_OR -> b(a[0]) | b(a[1]);
            case BOOL_XOR -> b(a[0]) ^ b(a[1]);
            case BOOL_NOT -> !b(a[0]);
            case BOOL_EQ -> b(a[0]) == b(a[1]);
            case FLOAT_SELECT, F32_SELECT, INT_SELECT, BOOL_SELECT -> b(a[0]) ? a[1] : a[2];

            case SAME_AS -> a[0];
            default -> throw new NotEvaluable(op);
        };
    }

    private static long l(Object o) {
        return (Long) o;
    }

    private static double d(Object o) {
        return (Double) o;
    }

    private static float s(Object o) {
        return (Float) o;
    }

    private static boolean b(Object o) {
        return (Boolean) o;
    }
}
