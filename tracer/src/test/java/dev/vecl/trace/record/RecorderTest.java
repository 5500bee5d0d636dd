package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Traces of small real programs, as recorded and as optimized, and their programs' output through the reference executor. */
class RecorderTest {
    static final String W2 = """
                    def w2(a, b, c, n):
                        for i in range(n):
                            a[i] = b[i] + c[i] * 3.14
                    n = 200
                    a = zeros(n)
                    b = linspace(0.0, 1.0, n)
                    c = linspace(1.0, 2.0, n)
                    w2(a, b, c, n)
                    print(a[7], a[199], sum(a))
                    """;

    /** Runs in trace mode with the reference executor and checks the output against the interpreter's. */
    static JitRun same(String program, int threshold) {
        String off = JitRun.run(program, "off", "none", threshold).output;
        JitRun r = JitRun.run(program, "trace", "reference", threshold);
        assertEquals(off, r.output, () -> "trace mode differs; jit log:\n" + r.log);
        return r;
    }

    @Test
    void w2Recorded() {
        JitRun r = same(W2, 50);
        System.out.println(r.trace("loop w2@", "recorded"));
        System.out.println(r.trace("loop w2@", "optimized"));
        assertTrue(r.log.contains("# event exit trace="), r.log);
    }
}
