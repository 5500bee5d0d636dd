package dev.vecl.interp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/** Developer tool: CPU time per inner-loop iteration of small VecL kernels (robust to a loaded machine). */
public final class DevBench {
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (Context c = Context.newBuilder("vecl").option("vecl.Jit", "off").build()) {
            c.eval("vecl", """
                            def w2(a, b, c, n):
                                for i in range(n):
                                    a[i] = b[i] + c[i] * 3.14
                            def count(n):
                                s = 0
                                i = 0
                                while i < n:
                                    s += i
                                    i += 1
                                return s
                            n = 1000
                            a = zeros(n)
                            b = arange(n) * 1.0
                            c = arange(n) * 2.0
                            """);
            Value b = c.getBindings("vecl");
            String[] kernels = {"w2 (fn)", "count (fn)", "w2 (module)"};
            for (int k = 0; k < kernels.length; k++) {
                double best = Double.MAX_VALUE;
                for (int rep = 0; rep < 8; rep++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    int iters;
                    if (k == 0) {
                        for (int j = 0; j < 300; j++) {
                            b.getMember("w2").execute(b.getMember("a"), b.getMember("b"), b.getMember("c"), 1000);
                        }
                        iters = 300 * 1000;
                    } else if (k == 1) {
                        b.getMember("count").execute(300000);
                        iters = 300000;
                    } else {
                        c.eval("vecl", "for j in range(300):\n    for i in range(n):\n        a[i] = b[i] + c[i] * 3.14\n");
                        iters = 300 * 1000;
                    }
                    long t1 = mx.getCurrentThreadCpuTime();
                    best = Math.min(best, (t1 - t0) / (double) iters);
                }
                System.out.printf("%-12s %.1f ns/iter (cpu, best of 8)%n", kernels[k], best);
            }
        }
    }
}
