package dev.vecl.trace.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The vector part of the IR: text form, verifier rules, and lane-wise reference semantics. */
class VectorIrTest {

    static final String MAP = """
            [p0: ref, p1: ref, i2: int, f3: float]
            v4 = vec_splat_f64(f3)
            v5 = vec_load_f64(p0, i2)
            v6 = vec_minimum(v5, v4)
            v7 = vec_sqrt(v6)
            vec_store_f64(p1, i2, v7)
            v8 = vec_splat_i64(3)
            i9 = vec_reduce_add_i64(v8)
            finish() [main@1: r0=i9]
            """;

    @Test
    void vectorTraceTextRoundTrips() {
        Trace t = TraceVerifier.verify(TraceText.parse(MAP));
        assertEquals(MAP, TraceText.print(t));
        assertEquals(Type.VEC_F64, t.ops.get(2).type());
        assertEquals(VectorWidth.lanes(64), t.ops.get(2).type().lanes());
        Trace h = TraceText.parse("[v0: " + Type.VEC_F32 + ", v1: " + Type.VEC_I64 + "]\nv2 = vec_add(v0, v0)\nfinish() [main@1:]\n");
        assertEquals(Type.VEC_F32, h.inputs.get(0).type());
        assertEquals(Type.VEC_F32, h.ops.get(0).type());
    }

    @Test
    void verifierRejectsIllTypedVectorOps() {
        assertInvalid("[v0: " + Type.VEC_F64 + ", v1: " + Type.VEC_F32 + "]\nv2 = vec_add(v0, v1)\nfinish() [main@1:]\n", "different types");
        assertInvalid("[v0: " + Type.VEC_I64 + "]\nv1 = vec_sqrt(v0)\nfinish() [main@1:]\n", "not defined on " + Type.VEC_I64);
        assertInvalid("[f0: float]\nf1 = vec_neg(f0)\nfinish() [main@1:]\n", "not defined on float");
        assertInvalid("[v0: " + Type.VEC_F64 + "]\nguard_value(v0, 1.0) [main@1:]\nfinish() [main@1:]\n", "");
        assertInvalid("[v0: " + Type.VEC_F64 + "]\nfinish() [main@1: r0=v0]\n", "a vector in a snapshot");
        assertInvalid("[v0: " + Type.VEC_F64 + "]\nf1 = float_add(v0, v0)\nfinish() [main@1:]\n", "argument 0");
    }

    static void assertInvalid(String text, String message) {
        TraceVerifier.Invalid e = assertThrows(TraceVerifier.Invalid.class, () -> TraceVerifier.verify(TraceText.parse(text)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** Each lane is the scalar op (Arith through Eval): NumPy's minimum, NaN first, ties to the second. */
    @Test
    void referenceSemanticsAreLaneWise() {
        Trace t = TraceText.parse(MAP);
        double[] a = {1, Double.NaN, -0.0, 0.0, 9, 4, -1, 16, 99};
        double[] b = new double[9];
        TraceInterpreter.Exit e = new TraceInterpreter(Map.of()).run(t, new Object[] {a, b, 1L, 0.0}, 10);
        int lanes = Type.VEC_F64.lanes(); // 8 with AVX-512, 4 with AVX2: lanes 1..lanes are written
        assertEquals(3L * lanes, e.frames().get(0).registers().get(0));
        double[] expected = new double[9];
        for (int i = 1; i <= lanes; i++) {
            expected[i] = Math.sqrt(dev.vecl.runtime.Arith.minimumDouble(a[i], 0.0));
        }
        assertArrayEquals(expected, b);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(b[2]), "minimum(-0.0, 0.0) is the second");
        assertTrue(Double.isNaN(b[1]));
    }
}
