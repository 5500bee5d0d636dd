package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;

/**
 * The unchecked vector loads and stores (compiled traces' vec_load/vec_store). Their compiled
 * form is held to the scalar loops by BackendVectorTest and vecopt's differential tests; here:
 * the project's JVM flags export the intrinsic's package (without them every vector access would
 * silently be the checked one again), and the fallback moves the right lanes at any offset.
 */
/* Stores cover each array with overlapping groups; loads also start at odd offsets. */
class RawVectorsTest {

    @Test
    void theProjectFlagsEnableTheUncheckedPath() {
        assertTrue(RawVectors.RAW, "jdk.internal.vm.vector is not exported to the tracer (--add-exports missing from vecl.jvm.flags?)");
    }

    @Test
    void loadsAndStoresMoveOneGroupAtTheStorageIndex() {
        double[] d = new double[27];
        float[] s = new float[40];
        long[] l = new long[19];
        for (int k = 0; k < d.length; k++) {
            d[k] = k * 0.5;
        }
        for (int k = 0; k < s.length; k++) {
            s[k] = k * 0.25f;
        }
        for (int k = 0; k < l.length; k++) {
            l[k] = k * 3L - 7;
        }
        double[] d2 = new double[27];
        float[] s2 = new float[40];
        long[] l2 = new long[19];
        for (int at : new int[] {3, 0, 8, 16, 19}) {
            DoubleVector v = RawVectors.loadF64(d, at);
            assertArrayEquals(java.util.Arrays.copyOfRange(d, at, at + 8), v.toArray());
            RawVectors.storeF64(d2, at, v);
        }
        for (int at : new int[] {5, 0, 16, 24}) {
            FloatVector v = RawVectors.loadF32(s, at);
            assertArrayEquals(java.util.Arrays.copyOfRange(s, at, at + 16), v.toArray());
            RawVectors.storeF32(s2, at, v);
        }
        for (int at : new int[] {1, 0, 8, 11}) {
            LongVector v = RawVectors.loadI64(l, at);
            assertArrayEquals(java.util.Arrays.copyOfRange(l, at, at + 8), v.toArray());
            RawVectors.storeI64(l2, at, v);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(d, 0, 27), d2);
        assertArrayEquals(java.util.Arrays.copyOfRange(l, 0, 19), l2);
        assertArrayEquals(java.util.Arrays.copyOfRange(s, 0, 40), s2);
    }
}
