package dev.vecl.trace.ir;

/**
 * What the vector operations mean: each lane-wise vector op is its scalar op applied lane by lane,
 * so the scalar semantics ({@link Eval} → {@code Arith}) stay the one definition. Used by the
 * verifier (which element types an op accepts), the reference interpreter and the vectorizer.
 * Vectors are held as Java arrays in the reference interpreter: {@code double[]}, {@code float[]},
 * {@code long[]} of the type's lane count.
 */
public final class VectorOps {
    private VectorOps() {
    }

    public static boolean isLaneWise(OpCode op) {
        return switch (op) {
            case VEC_ADD, VEC_SUB, VEC_MUL, VEC_TRUEDIV, VEC_MINIMUM, VEC_MAXIMUM, VEC_NEG, VEC_ABS, VEC_SQRT, VEC_AND, VEC_OR,
                            VEC_XOR -> true;
            default -> false;
        };
    }

    /** The scalar op a lane-wise vector op applies to lanes of {@code element} type, or null when it has none. */
    public static OpCode scalarOf(OpCode op, Type element) {
        return switch (element) {
            case FLOAT -> switch (op) {
                case VEC_ADD -> OpCode.FLOAT_ADD;
                case VEC_SUB -> OpCode.FLOAT_SUB;
                case VEC_MUL -> OpCode.FLOAT_MUL;
                case VEC_TRUEDIV -> OpCode.FLOAT_TRUEDIV;
                case VEC_MINIMUM -> OpCode.FLOAT_MINIMUM;
                case VEC_MAXIMUM -> OpCode.FLOAT_MAXIMUM;
                case VEC_NEG -> OpCode.FLOAT_NEG;
                case VEC_ABS -> OpCode.FLOAT_ABS;
                case VEC_SQRT -> OpCode.FLOAT_SQRT;
                default -> null;
            };
            case F32 -> switch (op) {
                case VEC_ADD -> OpCode.F32_ADD;
                case VEC_SUB -> OpCode.F32_SUB;
                case VEC_MUL -> OpCode.F32_MUL;
                case VEC_TRUEDIV -> OpCode.F32_TRUEDIV;
                case VEC_MINIMUM -> OpCode.F32_MINIMUM;
                case VEC_MAXIMUM -> OpCode.F32_MAXIMUM;
                case VEC_NEG -> OpCode.F32_NEG;
                case VEC_ABS -> OpCode.F32_ABS;
                case VEC_SQRT -> OpCode.F32_SQRT;
                default -> null;
            };
            case INT -> switch (op) {
                case VEC_ADD -> OpCode.INT_ADD;
                case VEC_SUB -> OpCode.INT_SUB;
                case VEC_MUL -> OpCode.INT_MUL;
                case VEC_NEG -> OpCode.INT_NEG;
                case VEC_ABS -> OpCode.INT_ABS;
                case VEC_AND -> OpCode.INT_AND;
                case VEC_OR -> OpCode.INT_OR;
                case VEC_XOR -> OpCode.INT_XOR;
                default -> null;
            };
            default -> null;
        };
    }

    /** The lane-wise vector op for a scalar op, or null (the inverse of {@link #scalarOf}). */
    public static OpCode vectorOf(OpCode scalar) {
        for (OpCode v : OpCode.values()) {
            if (isLaneWise(v)) {
                for (Type t : new Type[] {Type.FLOAT, Type.F32, Type.INT}) {
                    if (scalarOf(v, t) == scalar) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    public static OpCode load(Type vec) {
        return switch (vec) {
            case VEC_F64 -> OpCode.VEC_LOAD_F64;
            case VEC_F32 -> OpCode.VEC_LOAD_F32;
            case VEC_I64 -> OpCode.VEC_LOAD_I64;
            default -> null;
        };
    }

    public static OpCode store(Type vec) {
        return switch (vec) {
            case VEC_F64 -> OpCode.VEC_STORE_F64;
            case VEC_F32 -> OpCode.VEC_STORE_F32;
            case VEC_I64 -> OpCode.VEC_STORE_I64;
            default -> null;
        };
    }

    public static OpCode splat(Type vec) {
        return switch (vec) {
            case VEC_F64 -> OpCode.VEC_SPLAT_F64;
            case VEC_F32 -> OpCode.VEC_SPLAT_F32;
            case VEC_I64 -> OpCode.VEC_SPLAT_I64;
            default -> null;
        };
    }

    /** Runs a vector op on reference-interpreter values (boxed scalars, lane arrays); null for ops that are not vector ops. */
    static Object execute(OpCode op, Object[] a) {
        switch (op) {
            case VEC_LOAD_F64: {
                double[] v = new double[Type.VEC_F64.lanes()];
                System.arraycopy((double[]) a[0], idx(a[1]), v, 0, v.length);
                return v;
            }
            case VEC_LOAD_F32: {
                float[] v = new float[Type.VEC_F32.lanes()];
                System.arraycopy((float[]) a[0], idx(a[1]), v, 0, v.length);
                return v;
            }
            case VEC_LOAD_I64: {
                long[] v = new long[Type.VEC_I64.lanes()];
                System.arraycopy((long[]) a[0], idx(a[1]), v, 0, v.length);
                return v;
            }
            case VEC_STORE_F64:
                System.arraycopy((double[]) a[2], 0, (double[]) a[0], idx(a[1]), Type.VEC_F64.lanes());
                return null;
            case VEC_STORE_F32:
                System.arraycopy((float[]) a[2], 0, (float[]) a[0], idx(a[1]), Type.VEC_F32.lanes());
                return null;
            case VEC_STORE_I64:
                System.arraycopy((long[]) a[2], 0, (long[]) a[0], idx(a[1]), Type.VEC_I64.lanes());
                return null;
            case VEC_SPLAT_F64: {
                double[] v = new double[Type.VEC_F64.lanes()];
                java.util.Arrays.fill(v, (Double) a[0]);
                return v;
            }
            case VEC_SPLAT_F32: {
                float[] v = new float[Type.VEC_F32.lanes()];
                java.util.Arrays.fill(v, (Float) a[0]);
                return v;
            }
            case VEC_SPLAT_I64: {
                long[] v = new long[Type.VEC_I64.lanes()];
                java.util.Arrays.fill(v, (Long) a[0]);
                return v;
            }
            case VEC_REDUCE_ADD_I64: {
                long s = 0;
                for (long x : (long[]) a[0]) {
                    s = (Long) Eval.apply(OpCode.INT_ADD, s, x);
                }
                return s;
            }
            case VEC_REDUCE_MUL_I64: {
                long s = 1;
                for (long x : (long[]) a[0]) {
                    s = (Long) Eval.apply(OpCode.INT_MUL, s, x);
                }
                return s;
            }
            default:
                break;
        }
        if (!isLaneWise(op)) {
            return null;
        }
        Object first = a[0];
        Type elem = first instanceof double[] ? Type.FLOAT : first instanceof float[] ? Type.F32 : Type.INT;
        OpCode s = scalarOf(op, elem);
        int n = java.lang.reflect.Array.getLength(first);
        Object out = java.lang.reflect.Array.newInstance(first.getClass().getComponentType(), n);
        for (int lane = 0; lane < n; lane++) {
            Object[] sa = new Object[a.length];
            for (int k = 0; k < a.length; k++) {
                sa[k] = java.lang.reflect.Array.get(a[k], lane);
            }
            java.lang.reflect.Array.set(out, lane, Eval.apply(s, sa));
        }
        return out;
    }

    private static int idx(Object o) {
        return Math.toIntExact((Long) o);
    }
}
