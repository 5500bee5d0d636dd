package dev.vecl.runtime;

/**
 * Scalar arithmetic on primitive Java types: the one definition of each operation. The
 * interpreter (through {@link Ops}), the tracer's constant folding and the backend's scalar nodes
 * all call these methods, so a trace can never compute something the interpreter would not.
 *
 * <p>VecL int is {@code long} (wrapping like NumPy int64), float is {@code double}, float32 is
 * {@code float}. Float semantics are NumPy's (division by zero gives inf/nan, never an error).
 * Method names are {@code <op><Type>} with Type one of Long, Double, Float.
 */
public final class Arith {
    private Arith() {
    }

    // ---- int (long, wrapping) ----

    public static long addLong(long a, long b) {
        return a + b;
    }

    public static long subLong(long a, long b) {
        return a - b;
    }

    public static long mulLong(long a, long b) {
        return a * b;
    }

    public static long negLong(long a) {
        return -a;
    }

    public static long floorDivLong(long a, long b) {
        if (b == 0) {
            throw VeclError.zeroDivision("integer division or modulo by zero");
        }
        return Math.floorDiv(a, b);
    }

    public static long modLong(long a, long b) {
        if (b == 0) {
            throw VeclError.zeroDivision("integer modulo by zero");
        }
        return Math.floorMod(a, b);
    }

    /** {@code int / int} is a float. */
    public static double trueDivLong(long a, long b) {
        if (b == 0) {
            throw VeclError.zeroDivision("division by zero");
        }
        if (Math.abs(a) <= (1L << 53) && Math.abs(b) <= (1L << 53)) {
            // both operands exact in double: one correctly rounded division, as Python's
            return (double) a / (double) b;
        }
        return trueDivLongSlow(a, b);
    }

    /** Python rounds int / int correctly even past 2**53. */
    @com.oracle.truffle.api.CompilerDirectives.TruffleBoundary
    private static double trueDivLongSlow(long a, long b) {
        return new java.math.BigDecimal(a).divide(new java.math.BigDecimal(b), new java.math.MathContext(60)).doubleValue();
    }

    /** {@code int ** int} for a non-negative exponent, wrapping like NumPy int64. */
    public static long powLong(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException("negative exponent: use powLongNeg");
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            e >>>= 1;
            if (e != 0) {
                b *= b;
            }
        }
        return result;
    }

    /** {@code int ** negative int} is a float, as in Python. */
    public static double powLongNeg(long base, long exp) {
        if (base == 0) {
            throw VeclError.zeroDivision("0.0 cannot be raised to a negative power");
        }
        return Math.pow((double) base, (double) exp);
    }

    public static long andLong(long a, long b) {
        return a & b;
    }

    public static long orLong(long a, long b) {
        return a | b;
    }

    public static long xorLong(long a, long b) {
        return a ^ b;
    }

    public static long invertLong(long a) {
        return ~a;
    }

    public static long lshiftLong(long a, long n) {
        if (n < 0) {
            throw VeclError.value("negative shift count");
        }
        return n >= 64 ? 0 : a << n;
    }

    public static long rshiftLong(long a, long n) {
        if (n < 0) {
            throw VeclError.value("negative shift count");
        }
        return n >= 64 ? (a < 0 ? -1 : 0) : a >> n;
    }

    /** NumPy's left_shift on int64 arrays: counts outside 0..63 give 0 (no error, unlike Python). */
    public static long lshiftLongNumpy(long a, long n) {
        return n < 0 || n >= 64 ? 0 : a << n;
    }

    /** NumPy's right_shift on int64 arrays: counts outside 0..63 give the sign fill. */
    public static long rshiftLongNumpy(long a, long n) {
        return n < 0 || n >= 64 ? (a < 0 ? -1 : 0) : a >> n;
    }

    public static long absLong(long a) {
        return a < 0 ? -a : a;
    }

    // ---- float (double), NumPy float64 semantics ----

    public static double addDouble(double a, double b) {
        return a + b;
    }

    public static double subDouble(double a, double b) {
        return a - b;
    }

    public static double mulDouble(double a, double b) {
        return a * b;
    }

    public static double divDouble(double a, double b) {
        return a / b;
    }

    public static double negDouble(double a) {
        return -a;
    }

    public static double absDouble(double a) {
        return Math.abs(a);
    }

    public static double sqrtDouble(double a) {
        return Math.sqrt(a);
    }

    public static double expDouble(double a) {
        return Math.exp(a);
    }

    public static double logDouble(double a) {
        return Math.log(a);
    }

    public static double sinDouble(double a) {
        return Math.sin(a);
    }

    public static double cosDouble(double a) {
        return Math.cos(a);
    }

    public static double floorDouble(double a) {
        return Math.floor(a);
    }

    /** NumPy's {@code npy_floor_divide} for float64. */
    public static double floorDivDouble(double a, double b) {
        if (b == 0.0) {
            return a / b;
        }
        double mod = a % b; // C fmod
        double div = (a - mod) / b;
        if (mod != 0.0 && ((b < 0) != (mod < 0))) {
            div -= 1.0;
        }
        if (div != 0.0) {
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
            return floordiv;
        }
        return Math.copySign(0.0, a / b);
    }

    /** NumPy's {@code npy_remainder} for float64 (sign of the divisor). */
    public static double modDouble(double a, double b) {
        if (b == 0.0) {
            return a % b; // fmod: nan
        }
        double mod = a % b;
        if (mod != 0.0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    public static double powDouble(double a, double b) {
        return Math.pow(a, b);
    }

    /** NumPy's maximum: NaN propagates; for equal operands (0.0 and -0.0) the second wins, as NumPy's SIMD loops do. */
    public static double maximumDouble(double a, double b) {
        return a > b || a != a ? a : b;
    }

    /** NumPy's minimum: NaN propagates; for equal operands (0.0 and -0.0) the second wins, as NumPy's SIMD loops do. */
    public static double minimumDouble(double a, double b) {
        return a < b || a != a ? a : b;
    }

    /** {@link #maximumDouble}, without a branch (see {@link #zeroTieTakesSecond(double, double)}). */
    public static double maximumDoubleBranchFree(double a, double b) {
        return zeroTieTakesSecond(Math.max(a, b), b);
    }

    /** {@link #minimumDouble}, without a branch. */
    public static double minimumDoubleBranchFree(double a, double b) {
        return zeroTieTakesSecond(Math.min(a, b), b);
    }

    /**
     * Math.max/min propagate NaN like NumPy but order -0.0 below 0.0; NumPy gives the second
     * operand when both are zeros. Two forms with one meaning (MinMaxTest holds both to NumPy's
     * rule): the comparison one is well-predicted branches that keep a min/max reduction's
     * loop-carried chain short (1.5 ns/elem on W3 min; with Math.min and a tie test it was 4.5);
     * the bit-select one has no control flow, which
     * a trace with thousands of min/max needs (Prospero's per-pixel kernel: that many merges
     * overflowed the stack of Graal's inlining phase) but puts a dozen integer instructions on a
     * reduction's loop-carried chain (5x slower on W3 min/max). The backend picks per trace.
     */
    private static double zeroTieTakesSecond(double m, double b) {
        long mb = Double.doubleToRawLongBits(m);
        long bb = Double.doubleToRawLongBits(b);
        // (x & ~sign) - 1 is negative only for +-0.0; the shift turns that into 1, else 0
        long bothZero = (((mb & Long.MAX_VALUE) - 1) & ((bb & Long.MAX_VALUE) - 1)) >>> 63;
        return Double.longBitsToDouble(mb ^ ((mb ^ bb) & -bothZero));
    }

    // ---- float32 (float), NumPy float32 semantics ----

    public static float addFloat(float a, float b) {
        return a + b;
    }

    public static float subFloat(float a, float b) {
        return a - b;
    }

    public static float mulFloat(float a, float b) {
        return a * b;
    }

    public static float divFloat(float a, float b) {
        return a / b;
    }

    public static float negFloat(float a) {
        return -a;
    }

    public static float absFloat(float a) {
        return Math.abs(a);
    }

    /** Correctly rounded: the double square root of a float rounds to the float square root. */
    public static float sqrtFloat(float a) {
        return (float) Math.sqrt(a);
    }

    // float32 math is computed in double and rounded once, as the interpreter has always done
    public static float expFloat(float a) {
        return (float) Math.exp(a);
    }

    public static float logFloat(float a) {
        return (float) Math.log(a);
    }

    public static float sinFloat(float a) {
        return (float) Math.sin(a);
    }

    public static float cosFloat(float a) {
        return (float) Math.cos(a);
    }

    public static float floorFloat(float a) {
        return (float) Math.floor(a);
    }

    /** NumPy's {@code npy_floor_dividef}. */
    public static float floorDivFloat(float a, float b) {
        if (b == 0.0f) {
            return a / b;
        }
        float mod = a % b;
        float div = (a - mod) / b;
        if (mod != 0.0f && ((b < 0) != (mod < 0))) {
            div -= 1.0f;
        }
        if (div != 0.0f) {
            float floordiv = (float) Math.floor(div);
            if (div - floordiv > 0.5f) {
                floordiv += 1.0f;
            }
            return floordiv;
        }
        return Math.copySign(0.0f, a / b);
    }

    /** NumPy's {@code npy_remainderf}. */
    public static float modFloat(float a, float b) {
        if (b == 0.0f) {
            return a % b;
        }
        float mod = a % b;
        if (mod != 0.0f) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0f, b);
        }
        return mod;
    }

    /** NumPy computes float32 power through the C powf; the double pow rounded once agrees except in rare ties. */
    public static float powFloat(float a, float b) {
        return (float) Math.pow(a, b);
    }

    public static float maximumFloat(float a, float b) {
        return a > b || a != a ? a : b;
    }

    public static float minimumFloat(float a, float b) {
        return a < b || a != a ? a : b;
    }

    public static float maximumFloatBranchFree(float a, float b) {
        return zeroTieTakesSecond(Math.max(a, b), b);
    }

    public static float minimumFloatBranchFree(float a, float b) {
        return zeroTieTakesSecond(Math.min(a, b), b);
    }

    /** The float32 form of {@link #zeroTieTakesSecond(double, double)}. */
    private static float zeroTieTakesSecond(float m, float b) {
        int mb = Float.floatToRawIntBits(m);
        int bb = Float.floatToRawIntBits(b);
        int bothZero = (((mb & Integer.MAX_VALUE) - 1) & ((bb & Integer.MAX_VALUE) - 1)) >>> 31;
        return Float.intBitsToFloat(mb ^ ((mb ^ bb) & -bothZero));
    }

    // ---- conversions ----

    /** {@code int(x)} of a float: truncation; NaN and infinities are errors as in Python. */
    public static long doubleToLong(double d) {
        if (d != d) {
            throw VeclError.value("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw VeclError.overflow("cannot convert float infinity to integer");
        }
        if (d >= 0x1p63 || d < -0x1p63) {
            throw VeclError.overflow("Python int too large to convert to C long");
        }
        return (long) d;
    }

    /** Python's {@code float(int)}: round to nearest (Java's long-to-double conversion). */
    public static double longToDouble(long v) {
        return v;
    }

    public static float longToFloat(long v) {
        return v;
    }

    public static float doubleToFloat(double d) {
        return (float) d;
    }

    public static double floatToDouble(float f) {
        return f;
    }

    /** Integer minimum/maximum (NumPy's on int64). */
    public static long minimumLong(long a, long b) {
        return a < b ? a : b;
    }

    public static long maximumLong(long a, long b) {
        return a > b ? a : b;
    }

    /** The value an int32 array holds for a wider integer result: the low 32 bits, sign-extended. */
    public static long wrapInt32(long v) {
        return (int) v;
    }

    /** Storing into an int32 array keeps the low 32 bits (NumPy's wrapping cast). */
    public static int longToInt32(long v) {
        return (int) v;
    }
}
