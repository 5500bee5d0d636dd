package dev.vecl.trace.backend;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/**
 * Element access without the JVM's bounds check, for compiled traces. It is sound because a trace
 * reaches an element only through its array's guards: {@code guard_index} (or the loop-entry bound
 * checks that {@code BoundsHoist} and VecOpt put in its place) keeps the logical index inside the
 * view, and {@code VArray}'s constructor keeps every element of a view inside its storage. The JVM's
 * check on top of that cost a compare, a branch and a zero-extension per access, a third of the
 * W2 loop's instructions. {@code -Dvecl.CheckedArrays=true} puts the JVM's checks back (for
 * diagnosing a suspected trace bug: an IndexOutOfBoundsException instead of a wild access).
 */
final class RawArrays {
    private RawArrays() {
    }

    static final boolean CHECKED = Boolean.getBoolean("vecl.CheckedArrays");

    private static final Unsafe U = unsafe();
    private static final long F64 = Unsafe.ARRAY_DOUBLE_BASE_OFFSET;
    private static final long F32 = Unsafe.ARRAY_FLOAT_BASE_OFFSET;
    private static final long I64 = Unsafe.ARRAY_LONG_BASE_OFFSET;
    private static final long I32 = Unsafe.ARRAY_INT_BASE_OFFSET;
    private static final long BOOL = Unsafe.ARRAY_BOOLEAN_BASE_OFFSET;

    private static Unsafe unsafe() {
        try {
            Field f = Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static double getF64(double[] a, long i) {
        return CHECKED ? a[(int) i] : U.getDouble(a, F64 + (i << 3));
    }

    static float getF32(float[] a, long i) {
        return CHECKED ? a[(int) i] : U.getFloat(a, F32 + (i << 2));
    }

    static long getI64(long[] a, long i) {
        return CHECKED ? a[(int) i] : U.getLong(a, I64 + (i << 3));
    }

    static int getI32(int[] a, long i) {
        return CHECKED ? a[(int) i] : U.getInt(a, I32 + (i << 2));
    }

    static boolean getBool(boolean[] a, long i) {
        return CHECKED ? a[(int) i] : U.getBoolean(a, BOOL + i);
    }

    static void putF64(double[] a, long i, double v) {
        if (CHECKED) {
            a[(int) i] = v;
        } else {
            U.putDouble(a, F64 + (i << 3), v);
        }
    }

    static void putF32(float[] a, long i, float v) {
        if (CHECKED) {
            a[(int) i] = v;
        } else {
            U.putFloat(a, F32 + (i << 2), v);
        }
    }

    static void putI64(long[] a, long i, long v) {
        if (CHECKED) {
            a[(int) i] = v;
        } else {
            U.putLong(a, I64 + (i << 3), v);
        }
    }

    static void putI32(int[] a, long i, int v) {
        if (CHECKED) {
            a[(int) i] = v;
        } else {
            U.putInt(a, I32 + (i << 2), v);
        }
    }

    static void putBool(boolean[] a, long i, boolean v) {
        if (CHECKED) {
            a[(int) i] = v;
        } else {
            U.putBoolean(a, BOOL + i, v);
        }
    }
}
