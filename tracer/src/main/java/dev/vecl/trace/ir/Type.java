package dev.vecl.trace.ir;

/** The value types of the trace IR. Each has the letter that prefixes its values in the text form. */
public enum Type {
    INT("int", 'i'),
    FLOAT("float", 'f'),
    F32("f32", 's'),
    BOOL("bool", 'b'),
    REF("ref", 'p'),
    /** Result type of operations that produce nothing (stores, guards, control). */
    VOID("void", '?'),
    /** In an operation signature only: any value type; a result of ANY has the type of the first argument. */
    ANY("any", '?'),
    // Vectors of one 512-bit register (AVX-512): VecOpt's widened values. Lanes are fixed here so
    // trace text is the same on every machine; the vectorizer refuses when the JVM's preferred
    // species is narrower.
    /** 8 float64 lanes. */
    VEC_F64("f64x8", 'v'),
    /** 16 float32 lanes. */
    VEC_F32("f32x16", 'v'),
    /** 8 int64 lanes. */
    VEC_I64("i64x8", 'v');

    public final String text;
    public final char prefix;

    Type(String text, char prefix) {
        this.text = text;
        this.prefix = prefix;
    }

    public boolean isVector() {
        return this == VEC_F64 || this == VEC_F32 || this == VEC_I64;
    }

    /** The lane type of a vector type (FLOAT, F32, INT), or null. */
    public Type element() {
        return switch (this) {
            case VEC_F64 -> FLOAT;
            case VEC_F32 -> F32;
            case VEC_I64 -> INT;
            default -> null;
        };
    }

    /** Lanes of a vector type (0 for scalars). */
    public int lanes() {
        return switch (this) {
            case VEC_F64, VEC_I64 -> 8;
            case VEC_F32 -> 16;
            default -> 0;
        };
    }

    /** The vector type with lanes of this scalar type, or null. */
    public Type vector() {
        return switch (this) {
            case FLOAT -> VEC_F64;
            case F32 -> VEC_F32;
            case INT -> VEC_I64;
            default -> null;
        };
    }

    public static Type byText(String s) {
        for (Type t : values()) {
            if (t.text.equals(s) && t != VOID && t != ANY) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
