package dev.vecl.runtime;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * Boxed dispatch of VecL operations on scalars, strings and lists (the interpreter's view).
 * Arrays never reach the arithmetic methods: the interpreter sends them to the prelude. Scalar
 * arithmetic itself is in {@link Arith}, shared with the JIT.
 *
 * <p>Scalars: int = Long, float = Double, float32 = Float, bool = Boolean. int/float/bool follow
 * Python; float32 follows NumPy 2 (NEP 50: a float32 is strong, Python scalars are weak, so
 * {@code float32 + 2.5} is a float32 and {@code float32 == 0.1} compares in float32).
 */
public final class Ops {
    private Ops() {
    }

    private static final int ADD = 0, SUB = 1, MUL = 2, TRUEDIV = 3, FLOORDIV = 4, MOD = 5, POW = 6, AND = 7, OR = 8,
            XOR = 9, LSHIFT = 10, RSHIFT = 11;
    private static final String[] SYMBOL = {"+", "-", "*", "/", "//", "%", "** or pow()", "&", "|", "^", "<<", ">>"};
    private static final String[] PRELUDE_NAME = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "and", "or",
            "xor", "lshift", "rshift"};

    // ---- binary arithmetic ----

    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x + y;
        }
        return binary(ADD, a, b);
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x - y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x - y;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x - y;
        }
        return binary(SUB, a, b);
    }

    public static Object mul(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x * y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x * y;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x * y;
        }
        return binary(MUL, a, b);
    }

    public static Object truediv(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x / y;
        }
        if (a instanceof Float x && b instanceof Float y) {
            return x / y;
        }
        return binary(TRUEDIV, a, b);
    }

    public static Object floordiv(Object a, Object b) {
        return binary(FLOORDIV, a, b);
    }

    public static Object mod(Object a, Object b) {
        return binary(MOD, a, b);
    }

    public static Object pow(Object a, Object b) {
        return binary(POW, a, b);
    }

    public static Object and(Object a, Object b) {
        return binary(AND, a, b);
    }

    public static Object or(Object a, Object b) {
        return binary(OR, a, b);
    }

    public static Object xor(Object a, Object b) {
        return binary(XOR, a, b);
    }

    public static Object lshift(Object a, Object b) {
        return binary(LSHIFT, a, b);
    }

    public static Object rshift(Object a, Object b) {
        return binary(RSHIFT, a, b);
    }

    /** {@code a += b} when a is not an array: a list extends in place (and is returned). */
    @TruffleBoundary
    public static Object iadd(Object a, Object b) {
        if (a instanceof VList l) {
            extend(l, b);
            return l;
        }
        return add(a, b);
    }

    /** {@code a *= b}: a list is repeated in place (aliases see it, as in Python). */
    public static Object imul(Object a, Object b) {
        if (a instanceof VList l && isIntLike(b)) {
            VList r = (VList) repeat(l, asLong(b));
            l.items.clear();
            l.items.addAll(r.items);
            return l;
        }
        return mul(a, b);
    }

    /** Applies binary operator {@code name} (the prelude's names: add, sub, ..., rshift). */
    public static Object binaryByName(String name, Object a, Object b) {
        for (int i = 0; i < PRELUDE_NAME.length; i++) {
            if (PRELUDE_NAME[i].equals(name)) {
                return binary(i, a, b);
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static long asLong(Object x) {
        return x instanceof Long l ? l : ((Boolean) x) ? 1L : 0L;
    }

    private static double asDouble(Object x) {
        if (x instanceof Double d) {
            return d;
        } else if (x instanceof Long l) {
            return l;
        } else if (x instanceof Float f) {
            return f;
        }
        return ((Boolean) x) ? 1.0 : 0.0;
    }

    @TruffleBoundary
    private static Object binary(int op, Object a, Object b) {
        if (Cast.isNumber(a) && Cast.isNumber(b)) {
            if (a instanceof Float || b instanceof Float) {
                return float32Op(op, a, b);
            }
            if (a instanceof Double || b instanceof Double) {
                return doubleOp(op, a, b);
            }
            if (a instanceof Boolean x && b instanceof Boolean y && op >= AND && op <= XOR) {
                boolean r = op == AND ? (x & y) : op == OR ? (x | y) : (x ^ y);
                return r;
            }
            return longOp(op, asLong(a), asLong(b));
        }
        return sequenceOp(op, a, b);
    }

    private static Object longOp(int op, long x, long y) {
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                return Arith.trueDivLong(x, y);
            case FLOORDIV:
                return Arith.floorDivLong(x, y);
            case MOD:
                return Arith.modLong(x, y);
            case POW:
                if (y < 0) {
                    return Arith.powLongNeg(x, y);
                }
                return Arith.powLong(x, y);
            case AND:
                return x & y;
            case OR:
                return x | y;
            case XOR:
                return x ^ y;
            case LSHIFT:
                return Arith.lshiftLong(x, y);
            default:
                return Arith.rshiftLong(x, y);
        }
    }

    private static Object doubleOp(int op, Object a, Object b) {
        double x = asDouble(a);
        double y = asDouble(b);
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                return x / y;
            case FLOORDIV:
                return Arith.floorDivDouble(x, y);
            case MOD:
                return Arith.modDouble(x, y);
            case POW:
                return Arith.powDouble(x, y);
            default:
                throw unsupported(op, a, b);
        }
    }

    private static Object float32Op(int op, Object a, Object b) {
        float x = Cast.toFloat32(a);
        float y = Cast.toFloat32(b);
        switch (op) {
            case ADD:
                return x + y;
            case SUB:
                return x - y;
            case MUL:
                return x * y;
            case TRUEDIV:
                return x / y;
            case FLOORDIV:
                return Arith.floorDivFloat(x, y);
            case MOD:
                return Arith.modFloat(x, y);
            case POW:
                return Arith.powFloat(x, y);
            default:
                throw VeclError.type("ufunc '" + Promotion.ufuncName(PRELUDE_NAME[op])
                        + "' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
        }
    }

    private static boolean isIntLike(Object x) {
        return x instanceof Long || x instanceof Boolean;
    }

    private static Object sequenceOp(int op, Object a, Object b) {
        if (op == ADD) {
            if (a instanceof String x) {
                if (b instanceof String y) {
                    return x.concat(y);
                }
                throw VeclError.type("can only concatenate str (not \"" + typeName(b) + "\") to str");
            }
            if (a instanceof VList x) {
                if (b instanceof VList y) {
                    ArrayList<Object> r = new ArrayList<>(x.items.size() + y.items.size());
                    r.addAll(x.items);
                    r.addAll(y.items);
                    return new VList(r);
                }
                throw VeclError.type("can only concatenate list (not \"" + typeName(b) + "\") to list");
            }
        }
        if (op == MUL) {
            if ((a instanceof String || a instanceof VList) && isIntLike(b)) {
                return repeat(a, asLong(b));
            }
            if ((b instanceof String || b instanceof VList) && isIntLike(a)) {
                return repeat(b, asLong(a));
            }
            if (a instanceof String || a instanceof VList || b instanceof String || b instanceof VList) {
                Object other = (a instanceof String || a instanceof VList) ? b : a;
                if (!(other instanceof String || other instanceof VList)) {
                    throw VeclError.type("can't multiply sequence by non-int of type '" + typeName(other) + "'");
                }
            }
        }
        if (op == MOD && a instanceof String) {
            throw VeclError.type("VecL strings do not support % formatting");
        }
        if (a instanceof VArray || b instanceof VArray) {
            throw new IllegalStateException("array operands must go to the prelude (_op_" + PRELUDE_NAME[op] + ")");
        }
        throw unsupported(op, a, b);
    }

    private static VeclError unsupported(int op, Object a, Object b) {
        return VeclError.type("unsupported operand type(s) for " + SYMBOL[op] + ": '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static Object repeat(Object seq, long n) {
        if (seq instanceof String s) {
            if (n <= 0 || s.isEmpty()) {
                return "";
            }
            if (n * s.length() > Integer.MAX_VALUE - 16 || n > Integer.MAX_VALUE) {
                throw VeclError.overflow("repeated string is too long");
            }
            return s.repeat((int) n);
        }
        VList l = (VList) seq;
        ArrayList<Object> r = new ArrayList<>();
        if (n > 0 && !l.items.isEmpty()) {
            if (n * l.items.size() > Integer.MAX_VALUE - 16) {
                throw VeclError.overflow("cannot fit 'int' into an index-sized integer");
            }
            r.ensureCapacity((int) (n * l.items.size()));
            for (long i = 0; i < n; i++) {
                r.addAll(l.items);
            }
        }
        return new VList(r);
    }

    // ---- unary ----

    @TruffleBoundary
    public static Object neg(Object a) {
        if (a instanceof Long x) {
            return -x;
        } else if (a instanceof Double x) {
            return -x;
        } else if (a instanceof Float x) {
            return -x;
        } else if (a instanceof Boolean x) {
            return x ? -1L : 0L;
        }
        throw VeclError.type("bad operand type for unary -: '" + typeName(a) + "'");
    }

    @TruffleBoundary
    public static Object pos(Object a) {
        if (a instanceof Long || a instanceof Double || a instanceof Float) {
            return a;
        } else if (a instanceof Boolean x) {
            return x ? 1L : 0L;
        }
        throw VeclError.type("bad operand type for unary +: '" + typeName(a) + "'");
    }

    @TruffleBoundary
    public static Object invert(Object a) {
        if (a instanceof Long x) {
            return ~x;
        } else if (a instanceof Boolean x) {
            return x ? -2L : -1L;
        } else if (a instanceof Float) {
            throw VeclError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
        }
        throw VeclError.type("bad operand type for unary ~: '" + typeName(a) + "'");
    }

    public static boolean not(Object a) {
        return !truthy(a);
    }

    // ---- comparisons ----

    public static boolean lt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x < y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x < y;
        }
        return compare(a, b, "<") < 0;
    }

    public static boolean le(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x <= y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x <= y;
        }
        return compare(a, b, "<=") <= 0;
    }

    public static boolean gt(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x > y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x > y;
        }
        int c = compare(a, b, ">");
        return c > 0 && c != UNORDERED;
    }

    public static boolean ge(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x >= y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x >= y;
        }
        int c = compare(a, b, ">=");
        return c >= 0 && c != UNORDERED;
    }

    /** Result for comparisons involving NaN: neither less, greater nor equal. */
    private static final int UNORDERED = Integer.MAX_VALUE;

    /** Three-way comparison; NaN operands give {@link #UNORDERED} (lt/le see it as false, gt/ge test it). */
    @TruffleBoundary
    private static int compare(Object a, Object b, String sym) {
        if (Cast.isNumber(a) && Cast.isNumber(b)) {
            return compareNumbers(a, b);
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        if (a instanceof VList x && b instanceof VList y) {
            int n = Math.min(x.items.size(), y.items.size());
            for (int i = 0; i < n; i++) {
                Object p = x.items.get(i);
                Object q = y.items.get(i);
                if (!eq(p, q)) {
                    int c = compare(p, q, sym);
                    return c;
                }
            }
            return Integer.compare(x.items.size(), y.items.size());
        }
        if (a instanceof VArray || b instanceof VArray) {
            throw new IllegalStateException("array comparison must go to the prelude");
        }
        throw VeclError.type("'" + sym + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    private static int compareNumbers(Object a, Object b) {
        if (a instanceof Float || b instanceof Float) {
            float x = Cast.toFloat32(a);
            float y = Cast.toFloat32(b);
            if (x != x || y != y) {
                return UNORDERED;
            }
            return x < y ? -1 : x > y ? 1 : 0;
        }
        if (a instanceof Double || b instanceof Double) {
            if (isIntLike(a)) {
                int c = compareDoubleLong((Double) b, asLong(a));
                return c == UNORDERED ? UNORDERED : -c;
            }
            if (isIntLike(b)) {
                return compareDoubleLong((Double) a, asLong(b));
            }
            double x = (Double) a;
            double y = (Double) b;
            if (x != x || y != y) {
                return UNORDERED;
            }
            return x < y ? -1 : x > y ? 1 : 0;
        }
        return Long.compare(asLong(a), asLong(b));
    }

    /** Exact comparison of a double with a 64-bit integer, as Python compares float with int. */
    private static int compareDoubleLong(double d, long l) {
        if (d != d) {
            return UNORDERED;
        }
        if (d >= 0x1p63) {
            return 1;
        }
        if (d < -0x1p63) {
            return -1;
        }
        double ld = l;
        if (d < ld) {
            return -1;
        }
        if (d > ld) {
            return 1;
        }
        // d == (double) l, so d is integral and within range
        return Long.compare((long) d, l);
    }

    public static boolean eq(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x.longValue() == y.longValue();
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        return eqSlow(a, b);
    }

    @TruffleBoundary
    private static boolean eqSlow(Object a, Object b) {
        if (a == b && !(a instanceof Double) && !(a instanceof Float)) {
            return true;
        }
        if (Cast.isNumber(a) && Cast.isNumber(b)) {
            int c = compareNumbers(a, b);
            return c == 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y);
        }
        if (a instanceof VRange x && b instanceof VRange y) {
            return x.sameSequence(y);
        }
        if (a instanceof VList x && b instanceof VList y) {
            if (x.items.size() != y.items.size()) {
                return false;
            }
            for (int i = 0; i < x.items.size(); i++) {
                Object p = x.items.get(i);
                Object q = y.items.get(i);
                if (p != q && !eq(p, q)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean ne(Object a, Object b) {
        return !eq(a, b);
    }

    /** {@code item in container} for str, list and array containers. */
    @TruffleBoundary
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (item instanceof String t) {
                return s.contains(t);
            }
            throw VeclError.type("'in <string>' requires string as left operand, not " + typeName(item));
        }
        if (container instanceof VRange r) {
            if (item instanceof Long x) {
                return r.containsLong(x);
            }
            for (long i = 0; i < r.length; i++) {
                if (eq(r.start + i * r.step, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof VList l) {
            for (Object x : l.items) {
                if (x == item || eq(x, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof VArray a) {
            if (!Cast.isNumber(item)) {
                return false;
            }
            Object v = item;
            if (item instanceof Float f && a.dtype != DType.FLOAT32 && a.dtype != DType.BOOL) {
                // a strong float32 next to a float64 or int array compares in float64
                v = (double) f;
            }
            for (int i = 0; i < a.length; i++) {
                if (eq(a.load(i), v)) {
                    return true;
                }
            }
            return false;
        }
        throw VeclError.type("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** Python truthiness; an array of length other than 1 is a ValueError as in NumPy. */
    public static boolean truthy(Object a) {
        if (a instanceof Boolean b) {
            return b;
        } else if (a instanceof Long l) {
            return l != 0;
        } else if (a instanceof Double d) {
            return d != 0.0;
        }
        return truthySlow(a);
    }

    @TruffleBoundary
    private static boolean truthySlow(Object a) {
        if (a instanceof Float f) {
            return f != 0.0f;
        } else if (a instanceof String s) {
            return !s.isEmpty();
        } else if (a instanceof VList l) {
            return !l.items.isEmpty();
        } else if (a instanceof VRange r) {
            return r.length != 0;
        } else if (a instanceof VArray arr) {
            return arr.truthy();
        } else if (a == VNone.NONE || a == null) {
            return false;
        }
        return true;
    }

    // ---- indexing ----

    private static long indexValue(Object index, Object container) {
        if (index instanceof Long l) {
            return l;
        }
        if (index instanceof Boolean b && !(container instanceof VArray)) {
            return b ? 1 : 0;
        }
        if (container instanceof VArray) {
            throw VeclError.index("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
        }
        if (container instanceof String) {
            throw VeclError.type("string indices must be integers, not '" + typeName(index) + "'");
        }
        throw VeclError.type("list indices must be integers or slices, not " + typeName(index));
    }

    public static Object getItem(Object obj, Object index) {
        if (obj instanceof VArray a && index instanceof Long i) {
            return a.getItem(i);
        }
        return getItemSlow(obj, index);
    }

    @TruffleBoundary
    private static Object getItemSlow(Object obj, Object index) {
        if (obj instanceof VArray a) {
            return a.getItem(indexValue(index, obj));
        }
        if (obj instanceof VRange r) {
            return r.get(indexValue(index, obj));
        }
        if (obj instanceof VList l) {
            long i = indexValue(index, obj);
            int n = l.items.size();
            long j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) {
                throw VeclError.index("list index out of range");
            }
            return l.items.get((int) j);
        }
        if (obj instanceof String s) {
            long i = indexValue(index, obj);
            int[] cps = null;
            int n;
            boolean simple = isSimple(s);
            if (simple) {
                n = s.length();
            } else {
                cps = s.codePoints().toArray();
                n = cps.length;
            }
            long j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) {
                throw VeclError.index("string index out of range");
            }
            return simple ? String.valueOf(s.charAt((int) j)) : new String(cps, (int) j, 1);
        }
        throw VeclError.type("'" + typeName(obj) + "' object is not subscriptable");
    }

    public static void setItem(Object obj, Object index, Object value) {
        if (obj instanceof VArray a && index instanceof Long i) {
            a.setItem(i, value);
            return;
        }
        setItemSlow(obj, index, value);
    }

    @TruffleBoundary
    private static void setItemSlow(Object obj, Object index, Object value) {
        if (obj instanceof VArray a) {
            a.setItem(indexValue(index, obj), value);
            return;
        }
        if (obj instanceof VList l) {
            long i = indexValue(index, obj);
            int n = l.items.size();
            long j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) {
                throw VeclError.index("list assignment index out of range");
            }
            l.items.set((int) j, value);
            return;
        }
        throw VeclError.type("'" + typeName(obj) + "' object does not support item assignment");
    }

    private static boolean isSimple(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** start/stop/step may be VNone. Arrays give views, lists and strings copies. */
    @TruffleBoundary
    public static Object getSlice(Object obj, Object start, Object stop, Object step) {
        if (obj instanceof VArray a) {
            Slice sl = Slice.of(start, stop, step, a.length);
            return a.view(sl.start, sl.step, sl.count);
        }
        if (obj instanceof VList l) {
            Slice sl = Slice.of(start, stop, step, l.items.size());
            ArrayList<Object> r = new ArrayList<>(sl.count);
            for (int k = 0, i = sl.start; k < sl.count; k++, i += sl.step) {
                r.add(l.items.get(i));
            }
            return new VList(r);
        }
        if (obj instanceof String s) {
            if (isSimple(s)) {
                Slice sl = Slice.of(start, stop, step, s.length());
                if (sl.step == 1) {
                    return s.substring(sl.start, sl.start + sl.count);
                }
                StringBuilder sb = new StringBuilder(sl.count);
                for (int k = 0, i = sl.start; k < sl.count; k++, i += sl.step) {
                    sb.append(s.charAt(i));
                }
                return sb.toString();
            }
            int[] cps = s.codePoints().toArray();
            Slice sl = Slice.of(start, stop, step, cps.length);
            StringBuilder sb = new StringBuilder();
            for (int k = 0, i = sl.start; k < sl.count; k++, i += sl.step) {
                sb.appendCodePoint(cps[i]);
            }
            return sb.toString();
        }
        throw VeclError.type("'" + typeName(obj) + "' object is not subscriptable");
    }

    @TruffleBoundary
    public static void setSlice(Object obj, Object start, Object stop, Object step, Object value) {
        if (obj instanceof VArray a) {
            Slice sl = Slice.of(start, stop, step, a.length);
            a.view(sl.start, sl.step, sl.count).assignFrom(value);
            return;
        }
        if (obj instanceof VList l) {
            List<Object> src = iterableItems(value, "can only assign an iterable");
            Slice sl = Slice.of(start, stop, step, l.items.size());
            if (sl.step == 1) {
                List<Object> sub = l.items.subList(sl.start, sl.start + sl.count);
                sub.clear();
                l.items.addAll(sl.start, src);
                return;
            }
            if (src.size() != sl.count) {
                throw VeclError.value("attempt to assign sequence of size " + src.size() + " to extended slice of size " + sl.count);
            }
            for (int k = 0, i = sl.start; k < sl.count; k++, i += sl.step) {
                l.items.set(i, src.get(k));
            }
            return;
        }
        throw VeclError.type("'" + typeName(obj) + "' object does not support item assignment");
    }

    /** The elements of a list, array or string as a fresh Java list (a snapshot, so self-assignment is safe). */
    @TruffleBoundary
    public static List<Object> iterableItems(Object value, String error) {
        if (value instanceof VList l) {
            return new ArrayList<>(l.items);
        }
        if (value instanceof VRange r) {
            ArrayList<Object> items = new ArrayList<>((int) Math.min(r.length, 1 << 20));
            for (long i = 0; i < r.length; i++) {
                items.add(r.start + i * r.step);
            }
            return items;
        }
        if (value instanceof VArray a) {
            ArrayList<Object> r = new ArrayList<>(a.length);
            for (int i = 0; i < a.length; i++) {
                r.add(a.load(i));
            }
            return r;
        }
        if (value instanceof String s) {
            ArrayList<Object> r = new ArrayList<>();
            s.codePoints().forEach(cp -> r.add(new String(Character.toChars(cp))));
            return r;
        }
        throw VeclError.type(error);
    }

    private static void extend(VList l, Object b) {
        l.items.addAll(iterableItems(b, "'" + typeName(b) + "' object is not iterable"));
    }

    public static long len(Object obj) {
        if (obj instanceof VArray a) {
            return a.length;
        }
        if (obj instanceof VList l) {
            return l.items.size();
        }
        if (obj instanceof String s) {
            return isSimple(s) ? s.length() : s.codePointCount(0, s.length());
        }
        if (obj instanceof VRange r) {
            return r.length;
        }
        throw VeclError.type("object of type '" + typeName(obj) + "' has no len()");
    }

    // ---- text ----

    /** {@code str(x)}: what print writes. */
    @TruffleBoundary
    public static String str(Object x) {
        return Format.str(x);
    }

    /** {@code repr(x)}: how x appears inside a list. */
    @TruffleBoundary
    public static String repr(Object x) {
        return Format.repr(x);
    }

    /** Python type name for messages. */
    public static String typeName(Object x) {
        if (x instanceof Long) {
            return "int";
        } else if (x instanceof Double) {
            return "float";
        } else if (x instanceof Boolean) {
            return "bool";
        } else if (x instanceof Float) {
            return "numpy.float32";
        } else if (x instanceof String) {
            return "str";
        } else if (x instanceof VList) {
            return "list";
        } else if (x instanceof VRange) {
            return "range";
        } else if (x instanceof VArray) {
            return "numpy.ndarray";
        } else if (x == VNone.NONE || x == null) {
            return "NoneType";
        } else if (x instanceof VFunction) {
            return "function";
        } else if (x instanceof VBuiltin) {
            return "builtin_function_or_method";
        } else if (x instanceof DType) {
            return "type";
        }
        return x.getClass().getSimpleName();
    }

    // ---- calls on values ----

    /** Calling a dtype: converts a scalar like NumPy's scalar types, an array or list like astype/array. */
    @TruffleBoundary
    public static Object callDType(DType t, Object[] args, String[] kwNames) {
        int nkw = kwNames == null ? 0 : kwNames.length;
        if (nkw > 0) {
            throw VeclError.type(t.pyName + "() takes no keyword arguments");
        }
        if (args.length == 0) {
            return Cast.toScalar(0L, t);
        }
        if (args.length > 1) {
            throw VeclError.type(t.pyName + "() takes at most 1 argument (" + args.length + " given)");
        }
        Object x = args[0];
        if (t == DType.BOOL && !(x instanceof VArray)) {
            return truthy(x);
        }
        if (x instanceof VArray a) {
            return a.astype(t);
        }
        if (x instanceof VList l) {
            VArray r = VArray.allocate(t, l.items.size());
            for (int i = 0; i < r.length; i++) {
                r.store(i, l.items.get(i));
            }
            return r;
        }
        if (t == DType.BOOL) {
            return truthy(x);
        }
        if (x instanceof String s && t.isInt()) {
            return Cast.toScalar(Parse.parseInt(s, 10), t);
        }
        if (t.isInt() && (x instanceof Double || x instanceof Float)) {
            // like np.array(x).astype(int32): C conversion, as the reference harness does
            return Cast.castUnsafe(x, t);
        }
        if (!(Cast.isNumber(x) || x instanceof String)) {
            throw VeclError.type(t.pyName + "() argument must be a string or a number, not '" + typeName(x) + "'");
        }
        return Cast.toScalar(x, t);
    }

    /** Method call on a value: {@code lst.append(v)}, {@code s.split(sep)}, ... AttributeError if none. */
    @TruffleBoundary
    public static Object callMethod(Object receiver, String name, Object[] args) {
        if (receiver instanceof VList l) {
            return Methods.listMethod(l, name, args);
        }
        if (receiver instanceof String s) {
            return Methods.strMethod(s, name, args);
        }
        throw VeclError.attribute("'" + typeName(receiver) + "' object has no attribute '" + name + "'");
    }
}
