package dev.vecl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The branch-free minimum/maximum against NumPy's rule written the plain way: NaN propagates,
 * otherwise the larger (smaller) operand, and on a tie (0.0 against -0.0 included) the second.
 */
class MinMaxTest {
    private static final double[] D = {0.0, -0.0, 1.0, -1.0, 2.5, -2.5, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
        Double.longBitsToDouble(0xfff8000000000001L)};
    private static final float[] F = {0.0f, -0.0f, 1.0f, -1.0f, 2.5f, -2.5f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};

    static double numpyMax(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return a > b ? a : b;
    }

    static double numpyMin(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.NaN;
        }
        return a < b ? a : b;
    }

    @Test
    void float64MatchesNumpyOnEveryPairOfSpecialValues() {
        for (double a : D) {
            for (double b : D) {
                String at = a + ", " + b;
                assertEquals(bits(numpyMax(a, b)), bits(Arith.maximumDouble(a, b)), "maximum(" + at + ")");
                assertEquals(bits(numpyMin(a, b)), bits(Arith.minimumDouble(a, b)), "minimum(" + at + ")");
                assertEquals(bits(numpyMax(a, b)), bits(Arith.maximumDoubleBranchFree(a, b)), "branch-free maximum(" + at + ")");
                assertEquals(bits(numpyMin(a, b)), bits(Arith.minimumDoubleBranchFree(a, b)), "branch-free minimum(" + at + ")");
            }
        }
    }

    @Test
    void float32MatchesNumpyOnEveryPairOfSpecialValues() {
        for (float a : F) {
            for (float b : F) {
                String at = a + ", " + b;
                assertEquals(bits((float) numpyMax(a, b)), bits(Arith.maximumFloat(a, b)), "maximum(" + at + ")");
                assertEquals(bits((float) numpyMin(a, b)), bits(Arith.minimumFloat(a, b)), "minimum(" + at + ")");
                assertEquals(bits((float) numpyMax(a, b)), bits(Arith.maximumFloatBranchFree(a, b)), "branch-free maximum(" + at + ")");
                assertEquals(bits((float) numpyMin(a, b)), bits(Arith.minimumFloatBranchFree(a, b)), "branch-free minimum(" + at + ")");
            }
        }
    }

    @Test
    void signedZeroTiesGiveTheSecondOperand() {
        assertEquals(bits(-0.0), bits(Arith.maximumDouble(0.0, -0.0)));
        assertEquals(bits(0.0), bits(Arith.maximumDouble(-0.0, 0.0)));
        assertEquals(bits(-0.0), bits(Arith.minimumDouble(0.0, -0.0)));
        assertEquals(bits(0.0), bits(Arith.minimumDouble(-0.0, 0.0)));
        assertEquals(bits(-0.0f), bits(Arith.maximumFloat(0.0f, -0.0f)));
        assertEquals(bits(0.0f), bits(Arith.minimumFloat(-0.0f, 0.0f)));
    }

    /** NaNs compare by being NaN (any payload prints as nan); everything else by its bits. */
    private static long bits(double x) {
        return Double.isNaN(x) ? 1L : Double.doubleToRawLongBits(x);
    }

    private static long bits(float x) {
        return Float.isNaN(x) ? 1L : Float.floatToRawIntBits(x);
    }
}
