package dev.vecl.runtime;

/**
 * Boxed dispatch of VecL operations on scalars, strings and lists (the interpreter's view).
 * Arrays never reach these methods for arithmetic: the interpreter sends them to the prelude.
 * Scalar arithmetic itself is in {@link Arith}, shared with the JIT.
 *
 * OWNER: runtime helper. The method names here are the contract with the interpreter.
 */
public final class Ops {
    private Ops() {
    }

    private static RuntimeException todo() {
        return new UnsupportedOperationException("runtime: not implemented yet");
    }

    // binary arithmetic (Python/NumPy NEP 50 scalar semantics: int=Long, float=Double, float32=Float, bool=Boolean)
    public static Object add(Object a, Object b) { throw todo(); }
    public static Object sub(Object a, Object b) { throw todo(); }
    public static Object mul(Object a, Object b) { throw todo(); }
    public static Object truediv(Object a, Object b) { throw todo(); }
    public static Object floordiv(Object a, Object b) { throw todo(); }
    public static Object mod(Object a, Object b) { throw todo(); }
    public static Object pow(Object a, Object b) { throw todo(); }
    public static Object and(Object a, Object b) { throw todo(); }
    public static Object or(Object a, Object b) { throw todo(); }
    public static Object xor(Object a, Object b) { throw todo(); }
    public static Object lshift(Object a, Object b) { throw todo(); }
    public static Object rshift(Object a, Object b) { throw todo(); }

    // unary
    public static Object neg(Object a) { throw todo(); }
    public static Object pos(Object a) { throw todo(); }
    public static Object invert(Object a) { throw todo(); }
    public static boolean not(Object a) { return !truthy(a); }

    // comparisons on scalars/strings/lists: return a Java boolean
    public static boolean lt(Object a, Object b) { throw todo(); }
    public static boolean le(Object a, Object b) { throw todo(); }
    public static boolean gt(Object a, Object b) { throw todo(); }
    public static boolean ge(Object a, Object b) { throw todo(); }
    public static boolean eq(Object a, Object b) { throw todo(); }
    public static boolean ne(Object a, Object b) { return !eq(a, b); }
    /** {@code item in container} for str, list and array containers. */
    public static boolean contains(Object container, Object item) { throw todo(); }

    /** Python truthiness; an array of length > 1 is a ValueError as in NumPy. */
    public static boolean truthy(Object a) { throw todo(); }

    // indexing: index is an int (Long) or bool; negative indices count from the end
    public static Object getItem(Object obj, Object index) { throw todo(); }
    public static void setItem(Object obj, Object index, Object value) { throw todo(); }
    /** start/stop/step may be VNone. Arrays give views, lists and strings copies. */
    public static Object getSlice(Object obj, Object start, Object stop, Object step) { throw todo(); }
    public static void setSlice(Object obj, Object start, Object stop, Object step, Object value) { throw todo(); }

    public static long len(Object obj) { throw todo(); }

    /** {@code str(x)}: what print writes. */
    public static String str(Object x) { throw todo(); }
    /** {@code repr(x)}: how x appears inside a list. */
    public static String repr(Object x) { throw todo(); }
    /** Python type name for messages: "int", "float", "numpy.float32"?, "list", "str", ... */
    public static String typeName(Object x) { throw todo(); }

    /** Method call on a value: {@code lst.append(v)}, {@code s.split(sep)}, ... AttributeError if none. */
    public static Object callMethod(Object receiver, String name, Object[] args) { throw todo(); }
}
