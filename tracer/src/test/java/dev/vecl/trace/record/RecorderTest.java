package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

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

    @Test
    void debugW2() {
        JitRun r = JitRun.run(W2, "trace", "reference", 50);
        System.out.println(r.output);
        System.out.println(r.log);
        assertEquals(JitRun.run(W2, "off", "none", 50).output, r.output);
    }
}
