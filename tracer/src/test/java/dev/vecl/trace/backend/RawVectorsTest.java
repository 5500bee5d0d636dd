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
        // groups at aligned and unaligned indexes, together covering each array (lanes: 8/16 with AVX-512)
        for (int at : positions(d.length, VectorNodes.L_F64)) {
            DoubleVector v = RawVectors.loadF64(d, at);
            assertArrayEquals(java.util.Arrays.copyOfRange(d, at, at + VectorNodes.L_F64), v.toArray());
            RawVectors.storeF64(d2, at, v);
        }
        for (int at : positions(s.length, VectorNodes.L_F32)) {
            FloatVector v = RawVectors.loadF32(s, at);
            assertArrayEquals(java.util.Arrays.copyOfRange(s, at, at + VectorNodes.L_F32), v.toArray());
            RawVectors.storeF32(s2, at, v);
        }
        for (int at : positions(l.length, VectorNodes.L_I64)) {
            LongVector v = RawVectors.loadI64(l, at);
            assertArrayEquals(java.util.Arrays.copyOfRange(l, at, at + VectorNodes.L_I64), v.toArray());
            RawVectors.storeI64(l2, at, v);
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(d, 0, 27), d2);
        assertArrayEquals(java.util.Arrays.copyOfRange(l, 0, 19), l2);
        assertArrayEquals(java.util.Arrays.copyOfRange(s, 0, 40), s2);
    }

    /** 3 (unaligned), then 0, lanes, 2 lanes, ... and the last full group n - lanes. */
    static int[] positions(int n, int lanes) {
        java.util.List<Integer> p = new java.util.ArrayList<>(java.util.List.of(3));
        for (int at = 0; at + lanes <= n; at += lanes) {
            p.add(at);
        }
        p.add(n - lanes);
        return p.stream().mapToInt(Integer::intValue).toArray();
    }
}
