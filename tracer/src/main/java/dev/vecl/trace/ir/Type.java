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
    /** In an operation signature only: a result that is the mask of the first argument's vector type (comparisons). */
    MASK_OF("mask", '?'),
    /** In an operation signature only: a result of the second argument's type (select). */
    SECOND("second", '?'),
    // Vectors of one register of VectorWidth.BITS (512 with AVX-512, 256 with AVX2): VecOpt's
    // widened values. The text names the lanes (f64x8 or f64x4), so a trace says what it ran.
    /** float64 lanes (8 with AVX-512). */
    VEC_F64("f64x" + VectorWidth.lanes(64), 'v'),
    /** float32 lanes (16 with AVX-512). */
    VEC_F32("f32x" + VectorWidth.lanes(32), 'v'),
    /** int64 lanes (8 with AVX-512). */
    VEC_I64("i64x" + VectorWidth.lanes(64), 'v'),
    // Lane masks (comparison results, bool array elements). One per element type, as the Vector
    // API's mask classes are: a mask selects lanes of vectors of its element type only.
    /** A mask over float64 lanes. */
    MASK_F64("mf64x" + VectorWidth.lanes(64), 'm'),
    /** A mask over float32 lanes. */
    MASK_F32("mf32x" + VectorWidth.lanes(32), 'm'),
    /** A mask over int64 lanes. */
    MASK_I64("mi64x" + VectorWidth.lanes(64), 'm');

    public final String text;
    public final char prefix;

    Type(String text, char prefix) {
        this.text = text;
        this.prefix = prefix;
    }

    /** Vectors and masks: values of one register's lanes. */
    public boolean isVector() {
        return this == VEC_F64 || this == VEC_F32 || this == VEC_I64 || isMask();
    }

    public boolean isMask() {
        return this == MASK_F64 || this == MASK_F32 || this == MASK_I64;
    }

    /** The lane type of a vector type (FLOAT, F32, INT; BOOL for masks), or null. */
    public Type element() {
        return switch (this) {
            case VEC_F64 -> FLOAT;
            case VEC_F32 -> F32;
            case VEC_I64 -> INT;
            case MASK_F64, MASK_F32, MASK_I64 -> BOOL;
            default -> null;
        };
    }

    /** Lanes of a vector type (0 for scalars). */
    public int lanes() {
        return switch (this) {
            case VEC_F64, VEC_I64, MASK_F64, MASK_I64 -> VectorWidth.lanes(64);
            case VEC_F32, MASK_F32 -> VectorWidth.lanes(32);
            default -> 0;
        };
    }

    /** The mask type over the lanes of this vector type (a mask's is itself), or null. */
    public Type mask() {
        return switch (this) {
            case VEC_F64, MASK_F64 -> MASK_F64;
            case VEC_F32, MASK_F32 -> MASK_F32;
            case VEC_I64, MASK_I64 -> MASK_I64;
            default -> null;
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
            if (t.text.equals(s) && t != VOID && t != ANY && t != MASK_OF && t != SECOND) {
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
