package dev.vecl.runtime;

/** The five array element types. As a VecL value a dtype is callable: it converts a scalar. */
public enum DType {
    FLOAT64("float64", 8),
    FLOAT32("float32", 4),
    INT64("int64", 8),
    INT32("int32", 4),
    BOOL("bool", 1);

    public final String pyName;
    public final int itemSize;

    DType(String pyName, int itemSize) {
        this.pyName = pyName;
        this.itemSize = itemSize;
    }

    public boolean isFloat() {
        return this == FLOAT64 || this == FLOAT32;
    }

    public boolean isInt() {
        return this == INT64 || this == INT32;
    }

    public boolean isBool() {
        return this == BOOL;
    }

    /** NumPy's kind order for same_kind casting: b < i < f. */
    public int kind() {
        return isBool() ? 0 : isInt() ? 1 : 2;
    }

    /** A fresh zeroed Java array that stores {@code n} elements of this dtype. */
    public Object newStorage(int n) {
        return switch (this) {
            case FLOAT64 -> new double[n];
            case FLOAT32 -> new float[n];
            case INT64 -> new long[n];
            case INT32 -> new int[n];
            case BOOL -> new boolean[n];
        };
    }

    public static DType byName(String name) {
        for (DType d : values()) {
            if (d.pyName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * A dtype argument as NumPy accepts it: a dtype value, the builtins {@code int}/{@code float}/{@code bool},
     * or a dtype name string; None gives {@code dflt}.
     */
    public static DType of(Object x, DType dflt) {
        if (x instanceof DType d) {
            return d;
        }
        if (x == null || x == VNone.NONE) {
            return dflt;
        }
        if (x instanceof VBuiltin b) {
            switch (b.name) {
                case "int":
                    return INT64;
                case "float":
                    return FLOAT64;
                case "bool":
                    return BOOL;
                default:
                    break;
            }
        }
        if (x instanceof String s) {
            DType d = byName(s);
            if (d != null) {
                return d;
            }
            switch (s) {
                case "float", "double", "f8", "d":
                    return FLOAT64;
                case "f4", "f", "single":
                    return FLOAT32;
                case "int", "i8", "long":
                    return INT64;
                case "i4", "intc":
                    return INT32;
                case "?":
                    return BOOL;
                default:
                    throw VeclError.type("data type '" + s + "' not understood");
            }
        }
        throw VeclError.type("Cannot interpret '" + Format.repr(x) + "' as a data type");
    }

    @Override
    public String toString() {
        return pyName;
    }
}
