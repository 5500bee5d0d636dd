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

    /**
     * Storage whose every element the caller writes before anyone reads it (the prelude's
     * element-wise results): large arrays come without the JVM's zeroing, which was a third of
     * the time of {@code a + b} over a million float32 (the loop then writes the memory again).
     * Needs {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED} (the project's JVM
     * flags); without it, a zeroed array.
     */
    public Object newStorageToOverwrite(int n) {
        if ((long) n * itemSize < UNINITIALIZED_FROM || UNINITIALIZED == null) {
            return newStorage(n);
        }
        return uninitialized(this, n);
    }

    /** Below this many bytes an array comes from the thread's allocation buffer, where zeroing is cheap. */
    private static final long UNINITIALIZED_FROM = 1 << 16;
    private static final java.lang.invoke.MethodHandle UNINITIALIZED = uninitializedAllocator();

    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static Object uninitialized(DType t, int n) {
        Class<?> c = switch (t) {
            case FLOAT64 -> double.class;
            case FLOAT32 -> float.class;
            case INT64 -> long.class;
            case INT32 -> int.class;
            case BOOL -> boolean.class;
        };
        try {
            return (Object) UNINITIALIZED.invokeExact(c, n);
        } catch (Throwable e) {
            return t.newStorage(n);
        }
    }

    private static java.lang.invoke.MethodHandle uninitializedAllocator() {
        try {
            Class<?> u = Class.forName("jdk.internal.misc.Unsafe");
            if (!u.getModule().isExported("jdk.internal.misc", DType.class.getModule())) {
                return null;
            }
            Object unsafe = u.getMethod("getUnsafe").invoke(null);
            return java.lang.invoke.MethodHandles.publicLookup()
                            .findVirtual(u, "allocateUninitializedArray", java.lang.invoke.MethodType.methodType(Object.class, Class.class, int.class)).bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
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
