package dev.vecl.runtime;

import java.math.BigDecimal;

/**
 * Conversions of scalars between VecL types: NumPy's setitem / scalar-constructor rules (checked:
 * NaN, infinity and out-of-range values are errors) and NumPy's {@code astype} rules (C casts, no
 * errors).
 */
public final class Cast {
    private Cast() {
    }

    public static boolean isScalar(Object x) {
        return x instanceof Long || x instanceof Double || x instanceof Boolean || x instanceof Float;
    }

    public static boolean isNumber(Object x) {
        return x instanceof Long || x instanceof Double || x instanceof Boolean || x instanceof Float;
    }

    // ---- checked conversions (a[i] = v, int64(x), float32(x)) ----

    public static double toDouble(Object v) {
        if (v instanceof Double d) {
            return d;
        } else if (v instanceof Long l) {
            return l;
        } else if (v instanceof Float f) {
            return f;
        } else if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        } else if (v instanceof String s) {
            return Parse.parseFloat(s);
        }
        throw badScalar(v, "float");
    }

    /** A Python int becomes a float32 through its double value, as NumPy converts it. */
    public static float toFloat32(Object v) {
        if (v instanceof Float f) {
            return f;
        } else if (v instanceof Double d) {
            return (float) (double) d;
        } else if (v instanceof Long l) {
            return (float) (double) l;
        } else if (v instanceof Boolean b) {
            return b ? 1.0f : 0.0f;
        } else if (v instanceof String s) {
            return (float) Parse.parseFloat(s);
        }
        throw badScalar(v, "float");
    }

    public static long toInt64(Object v) {
        if (v instanceof Long l) {
            return l;
        } else if (v instanceof Boolean b) {
            return b ? 1 : 0;
        } else if (v instanceof Double d) {
            return floatToInt64(d);
        } else if (v instanceof Float f) {
            return floatToInt64(f);
        } else if (v instanceof String s) {
            return Parse.parseInt(s, 10);
        }
        throw badScalar(v, "int");
    }

    public static int toInt32(Object v) {
        if (v instanceof Long l) {
            return checkInt32(l);
        } else if (v instanceof Boolean b) {
            return b ? 1 : 0;
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            checkFinite(d);
            double t = d < 0 ? Math.ceil(d) : Math.floor(d);
            if (t >= 0x1p63 || t < -0x1p63) {
                throw VeclError.overflow("Python int too large to convert to C long");
            }
            if (t < Integer.MIN_VALUE || t > Integer.MAX_VALUE) {
                throw VeclError.overflow("Python integer " + bigInt(t) + " out of bounds for int32");
            }
            return (int) t;
        } else if (v instanceof String s) {
            return checkInt32(Parse.parseInt(s, 10));
        }
        throw badScalar(v, "int");
    }

    public static int checkInt32(long l) {
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw VeclError.overflow("Python integer " + l + " out of bounds for int32");
        }
        return (int) l;
    }

    public static long floatToInt64(double d) {
        checkFinite(d);
        if (d >= 0x1p63 || d < -0x1p63) {
            throw VeclError.overflow("Python int too large to convert to C long");
        }
        return (long) d;
    }

    private static void checkFinite(double d) {
        if (d != d) {
            throw VeclError.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw VeclError.overflow("cannot convert float infinity to integer");
        }
    }

    private static String bigInt(double d) {
        return new BigDecimal(d).toBigInteger().toString();
    }

    public static boolean toBool(Object v) {
        return Ops.truthy(v);
    }

    private static VeclError badScalar(Object v, String target) {
        if (v instanceof VList || v instanceof VArray) {
            return VeclError.value("setting an array element with a sequence.");
        }
        return VeclError.type(target + "() argument must be a string or a real number, not '" + Ops.typeName(v) + "'");
    }

    /** The VecL scalar of dtype {@code t} for {@code v} (checked, like NumPy's scalar types). */
    public static Object toScalar(Object v, DType t) {
        return switch (t) {
            case FLOAT64 -> toDouble(v);
            case FLOAT32 -> toFloat32(v);
            case INT64 -> toInt64(v);
            case INT32 -> (long) toInt32(v);
            case BOOL -> toBool(v);
        };
    }

    // ---- astype casts (C conversions, as NumPy's astype with casting='unsafe') ----

    /** x86 cvttsd2si: NaN and out-of-range values give the minimum integer. */
    public static long doubleToInt64Unsafe(double d) {
        if (d != d || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }

    public static int doubleToInt32Unsafe(double d) {
        if (d != d || d >= 0x1p31 || d <= -0x1p31 - 1.0) {
            return Integer.MIN_VALUE;
        }
        return (int) d;
    }

    /** The VecL scalar of dtype {@code t} for a scalar that comes from an array being cast. */
    public static Object castUnsafe(Object v, DType t) {
        switch (t) {
            case FLOAT64:
                return toDouble(v);
            case FLOAT32:
                return toFloat32(v);
            case INT64:
                if (v instanceof Double || v instanceof Float) {
                    return doubleToInt64Unsafe(((Number) v).doubleValue());
                }
                return toInt64(v);
            case INT32:
                if (v instanceof Double || v instanceof Float) {
                    return (long) doubleToInt32Unsafe(((Number) v).doubleValue());
                }
                return (long) (int) toInt64(v);
            default:
                return toBool(v);
        }
    }
}
