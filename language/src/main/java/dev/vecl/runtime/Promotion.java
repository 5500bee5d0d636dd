package dev.vecl.runtime;

/**
 * NumPy 2 result dtypes (NEP 50) for element-wise operations. Arrays and float32 scalars are
 * strong; Python bool/int/float scalars are weak: they take the array's dtype when their kind
 * fits ({@code float32_array * 2.5} is float32), otherwise the default dtype of their kind.
 *
 * <p>Operator names are the prelude's: add sub mul truediv floordiv mod pow and or xor lshift
 * rshift lt le gt ge eq ne minimum maximum where.
 */
public final class Promotion {
    private Promotion() {
    }

    /** Kind of a weak Python scalar: 0 bool, 1 int, 2 float; -1 if the value is strong or not a number. */
    private static int weakKind(Object x) {
        if (x instanceof Boolean) {
            return 0;
        } else if (x instanceof Long) {
            return 1;
        } else if (x instanceof Double) {
            return 2;
        }
        return -1;
    }

    /** The strong dtype of an operand, or null if it is a weak scalar. */
    private static DType strong(Object x) {
        if (x instanceof VArray a) {
            return a.dtype;
        } else if (x instanceof Float) {
            return DType.FLOAT32;
        }
        return null;
    }

    /** {@code np.promote_types} on the five dtypes. */
    public static DType promoteTypes(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a == DType.BOOL) {
            return b;
        }
        if (b == DType.BOOL) {
            return a;
        }
        if (a.isInt() && b.isInt()) {
            return DType.INT64;
        }
        if (a.isFloat() && b.isFloat()) {
            return DType.FLOAT64;
        }
        // int with float
        DType f = a.isFloat() ? a : b;
        DType i = a.isInt() ? a : b;
        if (f == DType.FLOAT32) {
            // float32 holds int8/int16 only; int32/int64 need float64
            return i == DType.INT32 || i == DType.INT64 ? DType.FLOAT64 : DType.FLOAT32;
        }
        return DType.FLOAT64;
    }

    private static DType defaultOfKind(int kind) {
        return kind == 0 ? DType.BOOL : kind == 1 ? DType.INT64 : DType.FLOAT64;
    }

    /** The dtype a weak scalar of {@code kind} takes next to strong dtype {@code s}. */
    private static DType withWeak(DType s, int kind) {
        if (kind <= s.kind()) {
            return s;
        }
        return defaultOfKind(kind);
    }

    /**
     * The common dtype the operation computes in (before op-specific rules). A Python int next to
     * an int32 operand must fit int32 (OverflowError as in NumPy 2) unless {@code comparison}.
     */
    public static DType commonDType(Object a, Object b, boolean comparison) {
        DType sa = strong(a);
        DType sb = strong(b);
        if (sa != null && sb != null) {
            return promoteTypes(sa, sb);
        }
        if (sa == null && sb == null) {
            int ka = kindOf(a);
            int kb = kindOf(b);
            return defaultOfKind(Math.max(ka, kb));
        }
        DType s = sa != null ? sa : sb;
        Object w = sa != null ? b : a;
        int k = kindOf(w);
        DType r = withWeak(s, k);
        if (r == DType.INT32 && w instanceof Long l && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
            if (comparison) {
                return DType.INT64;
            }
            throw VeclError.overflow("Python integer " + l + " out of bounds for int32");
        }
        return r;
    }

    private static int kindOf(Object x) {
        int k = weakKind(x);
        if (k >= 0) {
            return k;
        }
        DType s = strong(x);
        if (s != null) {
            return s.kind();
        }
        throw VeclError.type("unsupported operand type: '" + Ops.typeName(x) + "'");
    }

    public static boolean isComparison(String op) {
        switch (op) {
            case "lt", "le", "gt", "ge", "eq", "ne":
                return true;
            default:
                return false;
        }
    }

    /** NumPy's ufunc name of a prelude operator, for messages. */
    public static String ufuncName(String op) {
        return switch (op) {
            case "add" -> "add";
            case "sub" -> "subtract";
            case "mul" -> "multiply";
            case "truediv" -> "divide";
            case "floordiv" -> "floor_divide";
            case "mod" -> "remainder";
            case "pow" -> "power";
            case "and" -> "bitwise_and";
            case "or" -> "bitwise_or";
            case "xor" -> "bitwise_xor";
            case "lshift" -> "left_shift";
            case "rshift" -> "right_shift";
            case "lt" -> "less";
            case "le" -> "less_equal";
            case "gt" -> "greater";
            case "ge" -> "greater_equal";
            case "eq" -> "equal";
            case "ne" -> "not_equal";
            case "neg" -> "negative";
            case "pos" -> "positive";
            case "invert" -> "invert";
            default -> op;
        };
    }

    /** An array or a number: what element-wise operations accept. */
    public static boolean isOperand(Object x) {
        return x instanceof VArray || Cast.isNumber(x);
    }

    private static String elementTypeName(Object x) {
        if (x instanceof VArray a) {
            return a.dtype.isBool() ? "bool" : a.dtype.isInt() ? "int" : "float";
        }
        return Ops.typeName(x);
    }

    private static String symbol(String op) {
        return switch (op) {
            case "add" -> "+";
            case "sub" -> "-";
            case "mul" -> "*";
            case "truediv" -> "/";
            case "floordiv" -> "//";
            case "mod" -> "%";
            case "pow" -> "** or pow()";
            case "and" -> "&";
            case "or" -> "|";
            case "xor" -> "^";
            case "lshift" -> "<<";
            case "rshift" -> ">>";
            case "lt" -> "<";
            case "le" -> "<=";
            case "gt" -> ">";
            case "ge" -> ">=";
            case "eq" -> "==";
            case "ne" -> "!=";
            default -> op;
        };
    }

    /** Python's TypeError for an operand that is neither an array nor a number (NumPy's object loop gives it). */
    private static void checkOperands(Object a, Object b, String op) {
        if (isOperand(a) && isOperand(b)) {
            return;
        }
        String l = elementTypeName(a);
        String r = elementTypeName(b);
        if (isComparison(op)) {
            throw VeclError.type("'" + symbol(op) + "' not supported between instances of '" + l + "' and '" + r + "'");
        }
        if (symbol(op).equals(op)) {
            throw VeclError.type(op + "() not supported for operands of type '" + l + "' and '" + r + "'");
        }
        throw VeclError.type("unsupported operand type(s) for " + symbol(op) + ": '" + l + "' and '" + r + "'");
    }

    /** The dtype the loop of {@code op} computes in: the common dtype, float for true division. */
    public static DType computeDType(Object a, Object b, String op) {
        checkOperands(a, b, op);
        // NumPy 2 lets comparisons and true division see an out-of-range Python int next to int32
        DType c = commonDType(a, b, isComparison(op) || op.equals("truediv"));
        switch (op) {
            case "truediv":
                return c.isFloat() ? c : DType.FLOAT64;
            case "sub":
                if (c == DType.BOOL) {
                    throw VeclError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
                }
                return c;
            case "and", "or", "xor", "lshift", "rshift":
                if (c.isFloat()) {
                    throw VeclError.type("ufunc '" + ufuncName(op)
                            + "' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
                }
                // NumPy shifts bools as int8; VecL has no int8, int64 holds the same values
                if (c == DType.BOOL && (op.equals("lshift") || op.equals("rshift"))) {
                    return DType.INT64;
                }
                return c;
            case "floordiv", "mod", "pow":
                // NumPy gives int8 for bool operands; VecL has no int8
                return c == DType.BOOL ? DType.INT64 : c;
            default:
                return c;
        }
    }

    /** The dtype of the result of {@code a op b}. */
    public static DType resultDType(Object a, Object b, String op) {
        DType c = computeDType(a, b, op);
        return isComparison(op) ? DType.BOOL : c;
    }

    /** Result dtype of a unary operator (neg pos invert) on an array of dtype {@code t}. */
    public static DType unaryDType(DType t, String op) {
        switch (op) {
            case "neg":
                if (t == DType.BOOL) {
                    throw VeclError.type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
                }
                return t;
            case "pos":
                if (t == DType.BOOL) {
                    throw VeclError.type("ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None");
                }
                return t;
            case "invert":
                if (t.isFloat()) {
                    throw VeclError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
                }
                return t;
            default:
                return t;
        }
    }

    /**
     * {@code a op= b}: the result dtype must cast back to a's dtype under NumPy's same_kind rule.
     * NumPy computes bool // bool (and %, **, shifts) in int8, which its message names.
     */
    public static void checkInplace(VArray a, Object b, String op) {
        DType r = resultDType(a, b, op);
        if (r.kind() > a.dtype.kind()) {
            boolean int8 = commonDType(a, b, false) == DType.BOOL && r == DType.INT64;
            throw VeclError.type("Cannot cast ufunc '" + ufuncName(op) + "' output from dtype('" + (int8 ? "int8" : r.pyName)
                    + "') to dtype('" + a.dtype.pyName + "') with casting rule 'same_kind'");
        }
    }

    /** NumPy's same_kind rule for writing a result back in place ({@code a += b}). */
    public static void checkInplace(DType result, DType target, String op) {
        if (result.kind() > target.kind()) {
            throw VeclError.type("Cannot cast ufunc '" + ufuncName(op) + "' output from dtype('" + result.pyName + "') to dtype('"
                    + target.pyName + "') with casting rule 'same_kind'");
        }
    }

    /**
     * The dtype NumPy's {@code array(list)} infers: the promotion of the elements, Python scalars
     * counting as their default dtypes (bool, int64, float64).
     */
    public static DType inferDType(Iterable<Object> items) {
        DType r = null;
        for (Object x : items) {
            DType t;
            if (x instanceof Boolean) {
                t = DType.BOOL;
            } else if (x instanceof Long) {
                t = DType.INT64;
            } else if (x instanceof Double) {
                t = DType.FLOAT64;
            } else if (x instanceof Float) {
                t = DType.FLOAT32;
            } else if (x instanceof VArray || x instanceof VList) {
                throw VeclError.value("setting an array element with a sequence. VecL arrays are 1-D.");
            } else {
                throw VeclError.type("array() element of type '" + Ops.typeName(x) + "' is not a number");
            }
            r = r == null ? t : promoteTypes(r, t);
        }
        return r == null ? DType.FLOAT64 : r;
    }
}
