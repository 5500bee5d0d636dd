package dev.vecl.trace.ir;

/**
 * What the vector operations mean: each lane-wise vector op is its scalar op applied lane by lane,
 * so the scalar semantics ({@link Eval} → {@code Arith}) stay the one definition. Used by the
 * verifier (which element types an op accepts), the reference interpreter and the vectorizer.
 * Vectors are held as Java arrays in the reference interpreter: {@code double[]}, {@code float[]},
 * {@code long[]}, {@code boolean[]} (masks) of the type's lane count.
 */
public final class VectorOps {
    private VectorOps() {
    }

    public static boolean isLaneWise(OpCode op) {
        return switch (op) {
            case VEC_ADD, VEC_SUB, VEC_MUL, VEC_TRUEDIV, VEC_MINIMUM, VEC_MAXIMUM, VEC_NEG, VEC_ABS, VEC_SQRT, VEC_AND, VEC_OR,
                            VEC_XOR, VEC_NOT, VEC_LT, VEC_LE, VEC_GT, VEC_GE, VEC_EQ, VEC_NE -> true;
            default -> false;
        };
    }

    /** Lane-wise comparisons: their result is the mask of their operands' type. */
    public static boolean isCompare(OpCode op) {
        return switch (op) {
            case VEC_LT, VEC_LE, VEC_GT, VEC_GE, VEC_EQ, VEC_NE -> true;
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
                case VEC_LT -> OpCode.FLOAT_LT;
                case VEC_LE -> OpCode.FLOAT_LE;
                case VEC_GT -> OpCode.FLOAT_GT;
                case VEC_GE -> OpCode.FLOAT_GE;
                case VEC_EQ -> OpCode.FLOAT_EQ;
                case VEC_NE -> OpCode.FLOAT_NE;
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
                case VEC_LT -> OpCode.F32_LT;
                case VEC_LE -> OpCode.F32_LE;
                case VEC_GT -> OpCode.F32_GT;
                case VEC_GE -> OpCode.F32_GE;
                case VEC_EQ -> OpCode.F32_EQ;
                case VEC_NE -> OpCode.F32_NE;
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
                case VEC_MINIMUM -> OpCode.INT_MINIMUM;
                case VEC_MAXIMUM -> OpCode.INT_MAXIMUM;
                case VEC_LT -> OpCode.INT_LT;
                case VEC_LE -> OpCode.INT_LE;
                case VEC_GT -> OpCode.INT_GT;
                case VEC_GE -> OpCode.INT_GE;
                case VEC_EQ -> OpCode.INT_EQ;
                case VEC_NE -> OpCode.INT_NE;
                default -> null;
            };
            case BOOL -> switch (op) {
                case VEC_AND -> OpCode.BOOL_AND;
                case VEC_OR -> OpCode.BOOL_OR;
                case VEC_XOR -> OpCode.BOOL_XOR;
                case VEC_NOT -> OpCode.BOOL_NOT;
                case VEC_EQ -> OpCode.BOOL_EQ;
                default -> null;
            };
            default -> null;
        };
    }

    public static boolean isSelect(OpCode scalar) {
        return scalar == OpCode.FLOAT_SELECT || scalar == OpCode.F32_SELECT || scalar == OpCode.INT_SELECT || scalar == OpCode.BOOL_SELECT;
    }

    /** The scalar select on lanes of {@code element} type. */
    public static OpCode selectOf(Type element) {
        return switch (element) {
            case FLOAT -> OpCode.FLOAT_SELECT;
            case F32 -> OpCode.F32_SELECT;
            case INT -> OpCode.INT_SELECT;
            case BOOL -> OpCode.BOOL_SELECT;
            default -> null;
        };
    }

    /** The lane-wise vector op for a scalar op, or null (the inverse of {@link #scalarOf}). */
    public static OpCode vectorOf(OpCode scalar) {
        if (isSelect(scalar)) {
            return OpCode.VEC_SELECT;
        }
        for (OpCode v : OpCode.values()) {
            if (isLaneWise(v)) {
                for (Type t : new Type[] {Type.FLOAT, Type.F32, Type.INT, Type.BOOL}) {
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
            case MASK_F64 -> OpCode.VEC_LOAD_MF64;
            case MASK_F32 -> OpCode.VEC_LOAD_MF32;
            case MASK_I64 -> OpCode.VEC_LOAD_MI64;
            default -> null;
        };
    }

    public static OpCode store(Type vec) {
        return switch (vec) {
            case VEC_F64 -> OpCode.VEC_STORE_F64;
            case VEC_F32 -> OpCode.VEC_STORE_F32;
            case VEC_I64 -> OpCode.VEC_STORE_I64;
            case MASK_F64, MASK_F32, MASK_I64 -> OpCode.VEC_STORE_BOOL;
            default -> null;
        };
    }

    public static OpCode splat(Type vec) {
        return switch (vec) {
            case VEC_F64 -> OpCode.VEC_SPLAT_F64;
            case VEC_F32 -> OpCode.VEC_SPLAT_F32;
            case VEC_I64 -> OpCode.VEC_SPLAT_I64;
            case MASK_F64 -> OpCode.VEC_SPLAT_MF64;
            case MASK_F32 -> OpCode.VEC_SPLAT_MF32;
            case MASK_I64 -> OpCode.VEC_SPLAT_MI64;
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
            case VEC_LOAD_MF64, VEC_LOAD_MF32, VEC_LOAD_MI64: {
                boolean[] v = new boolean[op.result.lanes()];
                System.arraycopy((boolean[]) a[0], idx(a[1]), v, 0, v.length);
                return v;
            }
            case VEC_STORE_BOOL: {
                boolean[] v = (boolean[]) a[2];
                System.arraycopy(v, 0, (boolean[]) a[0], idx(a[1]), v.length);
                return null;
            }
            case VEC_SPLAT_MF64, VEC_SPLAT_MF32, VEC_SPLAT_MI64: {
                boolean[] v = new boolean[op.result.lanes()];
                java.util.Arrays.fill(v, (Boolean) a[0]);
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
            case VEC_REDUCE_MIN_I64, VEC_REDUCE_MAX_I64: {
                long[] v = (long[]) a[0];
                long s = v[0];
                for (long x : v) {
                    s = (Long) Eval.apply(op == OpCode.VEC_REDUCE_MIN_I64 ? OpCode.INT_MINIMUM : OpCode.INT_MAXIMUM, s, x);
                }
                return s;
            }
            default:
                break;
        }
        if (op == OpCode.VEC_SELECT) {
            boolean[] m = (boolean[]) a[0];
            Object out = java.lang.reflect.Array.newInstance(a[1].getClass().getComponentType(), m.length);
            for (int lane = 0; lane < m.length; lane++) {
                java.lang.reflect.Array.set(out, lane, java.lang.reflect.Array.get(m[lane] ? a[1] : a[2], lane));
            }
            return out;
        }
        if (!isLaneWise(op)) {
            return null;
        }
        Object first = a[0];
        Type elem = first instanceof double[] ? Type.FLOAT : first instanceof float[] ? Type.F32 : first instanceof boolean[] ? Type.BOOL : Type.INT;
        OpCode s = scalarOf(op, elem);
        int n = java.lang.reflect.Array.getLength(first);
        Class<?> laneClass = switch (s.result) {
            case FLOAT -> double.class;
            case F32 -> float.class;
            case BOOL -> boolean.class;
            default -> long.class;
        };
        Object out = java.lang.reflect.Array.newInstance(laneClass, n);
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
