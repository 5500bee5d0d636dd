package dev.vecl.trace.ir;

import static dev.vecl.trace.ir.Type.ANY;
import static dev.vecl.trace.ir.Type.BOOL;
import static dev.vecl.trace.ir.Type.F32;
import static dev.vecl.trace.ir.Type.FLOAT;
import static dev.vecl.trace.ir.Type.INT;
import static dev.vecl.trace.ir.Type.MASK_F32;
import static dev.vecl.trace.ir.Type.MASK_F64;
import static dev.vecl.trace.ir.Type.MASK_I64;
import static dev.vecl.trace.ir.Type.MASK_OF;
import static dev.vecl.trace.ir.Type.REF;
import static dev.vecl.trace.ir.Type.SECOND;
import static dev.vecl.trace.ir.Type.VEC_F32;
import static dev.vecl.trace.ir.Type.VEC_F64;
import static dev.vecl.trace.ir.Type.VEC_I64;
import static dev.vecl.trace.ir.Type.VOID;

import java.util.HashMap;
import java.util.Map;

import dev.vecl.runtime.DType;

/**
 * Every trace operation, with its signature and effect class. The text name is the lower-case
 * constant name ({@code INT_ADD} is {@code int_add}). Scalar semantics are those of
 * {@link dev.vecl.runtime.Arith} (see {@link Eval}).
 */
public enum OpCode {
    // ---- int (long, wrapping) ----
    INT_ADD(INT, f(INT, INT), Flag.PURE),
    INT_SUB(INT, f(INT, INT), Flag.PURE),
    INT_MUL(INT, f(INT, INT), Flag.PURE),
    INT_FLOORDIV(INT, f(INT, INT), Flag.PURE | Flag.RAISES),
    INT_MOD(INT, f(INT, INT), Flag.PURE | Flag.RAISES),
    INT_TRUEDIV(FLOAT, f(INT, INT), Flag.PURE | Flag.RAISES),
    /** Exponent must be non-negative (the recorder guards it; a negative one is a float power). */
    INT_POW(INT, f(INT, INT), Flag.PURE | Flag.RAISES),
    INT_NEG(INT, f(INT), Flag.PURE),
    INT_ABS(INT, f(INT), Flag.PURE),
    INT_AND(INT, f(INT, INT), Flag.PURE),
    INT_OR(INT, f(INT, INT), Flag.PURE),
    INT_XOR(INT, f(INT, INT), Flag.PURE),
    /** NumPy's minimum/maximum on ints, and Python's min/max of two ints (equal ints are the same value). */
    INT_MINIMUM(INT, f(INT, INT), Flag.PURE),
    INT_MAXIMUM(INT, f(INT, INT), Flag.PURE),
    INT_INVERT(INT, f(INT), Flag.PURE),
    INT_LSHIFT(INT, f(INT, INT), Flag.PURE | Flag.RAISES),
    INT_RSHIFT(INT, f(INT, INT), Flag.PURE | Flag.RAISES),
    INT_LT(BOOL, f(INT, INT), Flag.PURE),
    INT_LE(BOOL, f(INT, INT), Flag.PURE),
    INT_GT(BOOL, f(INT, INT), Flag.PURE),
    INT_GE(BOOL, f(INT, INT), Flag.PURE),
    INT_EQ(BOOL, f(INT, INT), Flag.PURE),
    INT_NE(BOOL, f(INT, INT), Flag.PURE),

    // ---- float (double) ----
    FLOAT_ADD(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_SUB(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_MUL(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_TRUEDIV(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_FLOORDIV(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_MOD(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_POW(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_NEG(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_ABS(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_SQRT(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_EXP(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_LOG(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_SIN(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_COS(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_FLOOR(FLOAT, f(FLOAT), Flag.PURE),
    FLOAT_MINIMUM(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_MAXIMUM(FLOAT, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_LT(BOOL, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_LE(BOOL, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_GT(BOOL, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_GE(BOOL, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_EQ(BOOL, f(FLOAT, FLOAT), Flag.PURE),
    FLOAT_NE(BOOL, f(FLOAT, FLOAT), Flag.PURE),

    // ---- float32 ----
    F32_ADD(F32, f(F32, F32), Flag.PURE),
    F32_SUB(F32, f(F32, F32), Flag.PURE),
    F32_MUL(F32, f(F32, F32), Flag.PURE),
    F32_TRUEDIV(F32, f(F32, F32), Flag.PURE),
    F32_FLOORDIV(F32, f(F32, F32), Flag.PURE),
    F32_MOD(F32, f(F32, F32), Flag.PURE),
    F32_POW(F32, f(F32, F32), Flag.PURE),
    F32_NEG(F32, f(F32), Flag.PURE),
    F32_ABS(F32, f(F32), Flag.PURE),
    F32_SQRT(F32, f(F32), Flag.PURE),
    F32_EXP(F32, f(F32), Flag.PURE),
    F32_LOG(F32, f(F32), Flag.PURE),
    F32_SIN(F32, f(F32), Flag.PURE),
    F32_COS(F32, f(F32), Flag.PURE),
    F32_FLOOR(F32, f(F32), Flag.PURE),
    F32_MINIMUM(F32, f(F32, F32), Flag.PURE),
    F32_MAXIMUM(F32, f(F32, F32), Flag.PURE),
    F32_LT(BOOL, f(F32, F32), Flag.PURE),
    F32_LE(BOOL, f(F32, F32), Flag.PURE),
    F32_GT(BOOL, f(F32, F32), Flag.PURE),
    F32_GE(BOOL, f(F32, F32), Flag.PURE),
    F32_EQ(BOOL, f(F32, F32), Flag.PURE),
    F32_NE(BOOL, f(F32, F32), Flag.PURE),

    // ---- conversions ----
    CAST_INT_TO_FLOAT(FLOAT, f(INT), Flag.PURE),
    /** Truncation; NaN, infinities and out-of-range values raise (Python's int(x)). */
    CAST_FLOAT_TO_INT(INT, f(FLOAT), Flag.PURE | Flag.RAISES),
    CAST_INT_TO_F32(F32, f(INT), Flag.PURE),
    CAST_FLOAT_TO_F32(F32, f(FLOAT), Flag.PURE),
    CAST_F32_TO_FLOAT(FLOAT, f(F32), Flag.PURE),
    CAST_BOOL_TO_INT(INT, f(BOOL), Flag.PURE),

    // ---- bool ----
    BOOL_AND(BOOL, f(BOOL, BOOL), Flag.PURE),
    BOOL_OR(BOOL, f(BOOL, BOOL), Flag.PURE),
    BOOL_XOR(BOOL, f(BOOL, BOOL), Flag.PURE),
    BOOL_NOT(BOOL, f(BOOL), Flag.PURE),
    /** {@code c ? x : y} (NumPy's where on one element). */
    FLOAT_SELECT(FLOAT, f(BOOL, FLOAT, FLOAT), Flag.PURE),
    F32_SELECT(F32, f(BOOL, F32, F32), Flag.PURE),
    INT_SELECT(INT, f(BOOL, INT, INT), Flag.PURE),
    BOOL_SELECT(BOOL, f(BOOL, BOOL, BOOL), Flag.PURE),
    BOOL_EQ(BOOL, f(BOOL, BOOL), Flag.PURE),

    // ---- references ----
    /** Identity ({@code is}). */
    REF_EQ(BOOL, f(REF, REF), Flag.PURE),
    /** A copy: used where a loop label needs a distinct variable for a value. */
    SAME_AS(ANY, f(ANY), Flag.PURE),

    // ---- arrays: the fields of a VArray are final, so these loads are pure ----
    ARRAYLEN(INT, f(REF), Flag.PURE),
    /** The Java primitive array behind an array (views share it). */
    ARRAY_STORAGE(REF, f(REF), Flag.PURE),
    ARRAY_OFFSET(INT, f(REF), Flag.PURE),
    ARRAY_STRIDE(INT, f(REF), Flag.PURE),
    // Element access on the storage with a raw storage index (offset + i * stride); never checks bounds.
    GETARRAYITEM_F64(FLOAT, f(REF, INT), Flag.LOAD),
    GETARRAYITEM_F32(F32, f(REF, INT), Flag.LOAD),
    GETARRAYITEM_I64(INT, f(REF, INT), Flag.LOAD),
    /** Sign-extends to int. */
    GETARRAYITEM_I32(INT, f(REF, INT), Flag.LOAD),
    GETARRAYITEM_BOOL(BOOL, f(REF, INT), Flag.LOAD),
    SETARRAYITEM_F64(VOID, f(REF, INT, FLOAT), Flag.STORE),
    SETARRAYITEM_F32(VOID, f(REF, INT, F32), Flag.STORE),
    SETARRAYITEM_I64(VOID, f(REF, INT, INT), Flag.STORE),
    /** Keeps the low 32 bits ({@code Arith.longToInt32}). */
    SETARRAYITEM_I32(VOID, f(REF, INT, INT), Flag.STORE),
    SETARRAYITEM_BOOL(VOID, f(REF, INT, BOOL), Flag.STORE),

    // ---- lists (mutable) and strings (immutable); indexes are checked by guards first ----
    LIST_LEN(INT, f(REF), Flag.LOAD),
    LIST_GETITEM(REF, f(REF, INT), Flag.LOAD),
    LIST_SETITEM(VOID, f(REF, INT, REF), Flag.STORE),
    LIST_APPEND(VOID, f(REF, REF), Flag.STORE),
    STR_LEN(INT, f(REF), Flag.PURE),
    STR_GETITEM(REF, f(REF, INT), Flag.PURE),

    // ---- boxing (VecL scalars are immutable, so both directions are pure; unbox needs guard_class first) ----
    BOX_INT(REF, f(INT), Flag.PURE),
    BOX_FLOAT(REF, f(FLOAT), Flag.PURE),
    BOX_F32(REF, f(F32), Flag.PURE),
    BOX_BOOL(REF, f(BOOL), Flag.PURE),
    UNBOX_INT(INT, f(REF), Flag.PURE),
    UNBOX_FLOAT(FLOAT, f(REF), Flag.PURE),
    UNBOX_F32(F32, f(REF), Flag.PURE),
    UNBOX_BOOL(BOOL, f(REF), Flag.PURE),

    // ---- calls of builtins, identified by fn=name; call_pure_* have no side effects ----
    CALL_I(INT, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    CALL_F(FLOAT, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    CALL_S(F32, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    CALL_B(BOOL, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    CALL_R(REF, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    CALL_N(VOID, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    CALL_PURE_I(INT, varargs(), Flag.PURE | Flag.RAISES | Flag.DESCR_FN),
    CALL_PURE_F(FLOAT, varargs(), Flag.PURE | Flag.RAISES | Flag.DESCR_FN),
    CALL_PURE_S(F32, varargs(), Flag.PURE | Flag.RAISES | Flag.DESCR_FN),
    CALL_PURE_B(BOOL, varargs(), Flag.PURE | Flag.RAISES | Flag.DESCR_FN),
    CALL_PURE_R(REF, varargs(), Flag.PURE | Flag.RAISES | Flag.DESCR_FN),

    // ---- nested loops ----
    /**
     * {@code p = call_loop(inputs…, fn=loop.<code>@<pc>) [outer state at the inner header]}: runs
     * the compiled trace of an inner loop from its header with the inner loop's inputs. At the
     * loop's normal end (its exit test failing) the result is the inner loop frame's register file
     * there ({@code Object[]} by register number; read with {@code loop_result}); any other exit
     * leaves this trace too, with the snapshot's outer frames and the inner exit's frames
     * ({@link LoopLeft}).
     */
    CALL_LOOP(REF, varargs(), Flag.CALL | Flag.RAISES | Flag.DESCR_FN),
    /** {@code p = loop_result(call, r)}: register r (a constant) of a call_loop's result, boxed as the interpreter holds it. */
    LOOP_RESULT(REF, f(REF, INT), Flag.PURE),

    // ---- guards: each carries a snapshot; failing one leaves the trace there ----
    GUARD_TRUE(VOID, f(BOOL), Flag.GUARD),
    GUARD_FALSE(VOID, f(BOOL), Flag.GUARD),
    /** The reference is non-null and of the kind named by cls=. */
    GUARD_CLASS(VOID, f(REF), Flag.GUARD | Flag.DESCR_CLS),
    /** The first argument equals the constant second argument (same type; floats compare bitwise). */
    GUARD_VALUE(VOID, f(ANY, ANY), Flag.GUARD),
    GUARD_NONNULL(VOID, f(REF), Flag.GUARD),
    GUARD_ISNULL(VOID, f(REF), Flag.GUARD),
    /** 0 <= index < length. */
    GUARD_INDEX(VOID, f(INT, INT), Flag.GUARD),

    // ---- control ----
    /** Loop start; its arguments are the loop-carried variables (see docs/tracer.md). */
    LABEL(VOID, varargs(), Flag.CONTROL),
    /** Back to the label, assigning its arguments to the label's variables in parallel. */
    JUMP(VOID, varargs(), Flag.CONTROL),
    /** Leaves the trace and resumes the interpreter at the snapshot. */
    FINISH(VOID, varargs(), Flag.CONTROL),

    // ---- vectors (VecOpt; docs/vecopt.md). Loads/stores take the storage and the raw storage index
    // of lane 0 and touch lanes consecutive elements; like the scalar ones they never check bounds.
    VEC_LOAD_F64(VEC_F64, f(REF, INT), Flag.LOAD),
    VEC_LOAD_F32(VEC_F32, f(REF, INT), Flag.LOAD),
    VEC_LOAD_I64(VEC_I64, f(REF, INT), Flag.LOAD),
    VEC_STORE_F64(VOID, f(REF, INT, VEC_F64), Flag.STORE),
    VEC_STORE_F32(VOID, f(REF, INT, VEC_F32), Flag.STORE),
    VEC_STORE_I64(VOID, f(REF, INT, VEC_I64), Flag.STORE),
    /** Lanes consecutive elements of a bool array as a mask. */
    VEC_LOAD_MF64(MASK_F64, f(REF, INT), Flag.LOAD),
    VEC_LOAD_MF32(MASK_F32, f(REF, INT), Flag.LOAD),
    VEC_LOAD_MI64(MASK_I64, f(REF, INT), Flag.LOAD),
    /** A mask (of any type) into lanes consecutive elements of a bool array. */
    VEC_STORE_BOOL(VOID, f(REF, INT, ANY), Flag.STORE),
    /** Every lane the scalar. */
    VEC_SPLAT_F64(VEC_F64, f(FLOAT), Flag.PURE),
    VEC_SPLAT_F32(VEC_F32, f(F32), Flag.PURE),
    VEC_SPLAT_I64(VEC_I64, f(INT), Flag.PURE),
    VEC_SPLAT_MF64(MASK_F64, f(BOOL), Flag.PURE),
    VEC_SPLAT_MF32(MASK_F32, f(BOOL), Flag.PURE),
    VEC_SPLAT_MI64(MASK_I64, f(BOOL), Flag.PURE),
    // Lane-wise, with the scalar op's semantics in each lane (VectorOps.scalarOf); the arguments
    // are vectors of one type, which is the result's.
    VEC_ADD(ANY, f(ANY, ANY), Flag.PURE),
    VEC_SUB(ANY, f(ANY, ANY), Flag.PURE),
    VEC_MUL(ANY, f(ANY, ANY), Flag.PURE),
    /** Float vectors only. */
    VEC_TRUEDIV(ANY, f(ANY, ANY), Flag.PURE),
    VEC_MINIMUM(ANY, f(ANY, ANY), Flag.PURE),
    VEC_MAXIMUM(ANY, f(ANY, ANY), Flag.PURE),
    VEC_NEG(ANY, f(ANY), Flag.PURE),
    VEC_ABS(ANY, f(ANY), Flag.PURE),
    /** Float vectors only. */
    VEC_SQRT(ANY, f(ANY), Flag.PURE),
    /** Int vectors and masks. */
    VEC_AND(ANY, f(ANY, ANY), Flag.PURE),
    VEC_OR(ANY, f(ANY, ANY), Flag.PURE),
    VEC_XOR(ANY, f(ANY, ANY), Flag.PURE),
    /** Masks only. */
    VEC_NOT(ANY, f(ANY), Flag.PURE),
    // Lane-wise comparisons: the mask of the operands' type (Python's answers: NaN compares unequal).
    VEC_LT(MASK_OF, f(ANY, ANY), Flag.PURE),
    VEC_LE(MASK_OF, f(ANY, ANY), Flag.PURE),
    VEC_GT(MASK_OF, f(ANY, ANY), Flag.PURE),
    VEC_GE(MASK_OF, f(ANY, ANY), Flag.PURE),
    /** Also on masks (bool ==). */
    VEC_EQ(MASK_OF, f(ANY, ANY), Flag.PURE),
    VEC_NE(MASK_OF, f(ANY, ANY), Flag.PURE),
    /** Lanes of the second argument where the mask (the first) is set, else of the third; vectors of the mask's element type. */
    VEC_SELECT(SECOND, f(ANY, ANY, ANY), Flag.PURE),
    /** Wrapping sum of the lanes (any order: int addition is associative). */
    VEC_REDUCE_ADD_I64(INT, f(VEC_I64), Flag.PURE),
    /** Wrapping product of the lanes. */
    VEC_REDUCE_MUL_I64(INT, f(VEC_I64), Flag.PURE),
    /** Smallest lane (any order: int min is associative and commutative). */
    VEC_REDUCE_MIN_I64(INT, f(VEC_I64), Flag.PURE),
    /** Largest lane. */
    VEC_REDUCE_MAX_I64(INT, f(VEC_I64), Flag.PURE);

    /** Effect classes. */
    public static final class Flag {
        private Flag() {
        }

        /** Result depends only on the arguments and nothing is written (may still raise, see RAISES). */
        public static final int PURE = 1;
        /** May raise a VecL error for some arguments (see {@link Eval#mayRaise}). */
        public static final int RAISES = 2;
        /** Reads mutable memory. */
        public static final int LOAD = 4;
        /** Writes mutable memory. */
        public static final int STORE = 8;
        /** Arbitrary effects. */
        public static final int CALL = 16;
        public static final int GUARD = 32;
        public static final int CONTROL = 64;
        public static final int DESCR_FN = 128;
        public static final int DESCR_CLS = 256;
    }

    private static Type[] varargs() {
        return null;
    }

    private static Type[] f(Type... types) {
        return types;
    }

    public final Type result;
    /** Argument types, or null for variadic operations. */
    private final Type[] argTypes;
    private final int flags;
    public final String text;

    OpCode(Type result, Type[] argTypes, int flags) {
        this.result = result;
        this.argTypes = argTypes;
        this.flags = flags;
        this.text = name().toLowerCase();
    }

    public boolean isVarargs() {
        return argTypes == null;
    }

    public int arity() {
        return argTypes.length;
    }

    public Type argType(int i) {
        return argTypes[i];
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public boolean isPure() {
        return has(Flag.PURE);
    }

    public boolean isGuard() {
        return has(Flag.GUARD);
    }

    public boolean isLoad() {
        return has(Flag.LOAD);
    }

    public boolean isStore() {
        return has(Flag.STORE);
    }

    public boolean isCall() {
        return has(Flag.CALL);
    }

    public boolean isControl() {
        return has(Flag.CONTROL);
    }

    public boolean hasDescr() {
        return has(Flag.DESCR_FN) || has(Flag.DESCR_CLS);
    }

    public String descrKey() {
        return has(Flag.DESCR_FN) ? "fn" : has(Flag.DESCR_CLS) ? "cls" : null;
    }

    public boolean isIntCompare() {
        return this == INT_LT || this == INT_LE || this == INT_GT || this == INT_GE || this == INT_EQ || this == INT_NE;
    }

    /** The dtype an array element access works on, or null. */
    public DType dtype() {
        return switch (this) {
            case GETARRAYITEM_F64, SETARRAYITEM_F64 -> DType.FLOAT64;
            case GETARRAYITEM_F32, SETARRAYITEM_F32 -> DType.FLOAT32;
            case GETARRAYITEM_I64, SETARRAYITEM_I64 -> DType.INT64;
            case GETARRAYITEM_I32, SETARRAYITEM_I32 -> DType.INT32;
            case GETARRAYITEM_BOOL, SETARRAYITEM_BOOL -> DType.BOOL;
            default -> null;
        };
    }

    public static OpCode getArrayItem(DType d) {
        return switch (d) {
            case FLOAT64 -> GETARRAYITEM_F64;
            case FLOAT32 -> GETARRAYITEM_F32;
            case INT64 -> GETARRAYITEM_I64;
            case INT32 -> GETARRAYITEM_I32;
            case BOOL -> GETARRAYITEM_BOOL;
        };
    }

    public static OpCode setArrayItem(DType d) {
        return switch (d) {
            case FLOAT64 -> SETARRAYITEM_F64;
            case FLOAT32 -> SETARRAYITEM_F32;
            case INT64 -> SETARRAYITEM_I64;
            case INT32 -> SETARRAYITEM_I32;
            case BOOL -> SETARRAYITEM_BOOL;
        };
    }

    private static final Map<String, OpCode> BY_TEXT = new HashMap<>();

    static {
        for (OpCode op : values()) {
            BY_TEXT.put(op.text, op);
        }
    }

    public static OpCode byText(String s) {
        return BY_TEXT.get(s);
    }
}
