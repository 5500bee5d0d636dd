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

    public static DType byName(String name) {
        for (DType d : values()) {
            if (d.pyName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return pyName;
    }
}
