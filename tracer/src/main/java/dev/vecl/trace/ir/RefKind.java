package dev.vecl.trace.ir;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VFunction;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VNone;

/**
 * What {@code guard_class} checks: the runtime class of a reference, with arrays told apart by dtype
 * (an array's dtype decides which typed load a trace may use).
 */
public enum RefKind {
    INT("int"),
    FLOAT("float"),
    F32("f32"),
    BOOL("bool"),
    NONE("none"),
    STR("str"),
    LIST("list"),
    FUNCTION("function"),
    BUILTIN("builtin"),
    DTYPE("dtype"),
    ARRAY_FLOAT64("array.float64"),
    ARRAY_FLOAT32("array.float32"),
    ARRAY_INT64("array.int64"),
    ARRAY_INT32("array.int32"),
    ARRAY_BOOL("array.bool");

    public final String text;

    RefKind(String text) {
        this.text = text;
    }

    public static RefKind byText(String s) {
        for (RefKind k : values()) {
            if (k.text.equals(s)) {
                return k;
            }
        }
        return null;
    }

    public static RefKind ofArray(DType d) {
        return switch (d) {
            case FLOAT64 -> ARRAY_FLOAT64;
            case FLOAT32 -> ARRAY_FLOAT32;
            case INT64 -> ARRAY_INT64;
            case INT32 -> ARRAY_INT32;
            case BOOL -> ARRAY_BOOL;
        };
    }

    /** The kind of a runtime value, or null for null and for values outside VecL's value set. */
    public static RefKind of(Object v) {
        if (v instanceof Long) {
            return INT;
        } else if (v instanceof Double) {
            return FLOAT;
        } else if (v instanceof Float) {
            return F32;
        } else if (v instanceof Boolean) {
            return BOOL;
        } else if (v == VNone.NONE) {
            return NONE;
        } else if (v instanceof String) {
            return STR;
        } else if (v instanceof VList) {
            return LIST;
        } else if (v instanceof VFunction) {
            return FUNCTION;
        } else if (v instanceof VBuiltin) {
            return BUILTIN;
        } else if (v instanceof DType) {
            return DTYPE;
        } else if (v instanceof VArray a) {
            return ofArray(a.dtype);
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
