package dev.vecl.interp;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;

/** Developer tool: the smallest thread stack on which depth-998 VecL recursion works, before and after warm-up. */
public final class DevStack {
    static boolean ok(long stack) throws Exception {
        boolean[] r = {false};
        Thread t = new Thread(null, () -> {
            try (Context c = Context.newBuilder("vecl").option("vecl.Jit", "off").build()) {
                c.eval("vecl", "def depth(n):\n    if n == 0:\n        return 0\n    return 1 + depth(n - 1)\nx = depth(998)\n");
                r[0] = true;
            } catch (PolyglotException e) {
                r[0] = false;
            }
        }, "probe", stack);
        t.start();
        t.join();
        return r[0];
    }

    static long search() throws Exception {
        long lo = 64 << 10;
        long hi = 16 << 20;
        while (hi - lo > 16 << 10) {
            long mid = (lo + hi) / 2;
            if (ok(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("cold: " + search() / 1024 + " KB");
        try (Context c = Context.newBuilder("vecl").option("vecl.Jit", "off").build()) {
            c.eval("vecl", """
                            def fib(n):
                                if n < 2:
                                    return n
                                return fib(n - 1) + fib(n - 2)
                            def depth(n):
                                if n == 0:
                                    return 0
                                return 1 + depth(n - 1)
                            a = arange(10) * 1.0
                            t = 0.0
                            for k in range(30000):
                                t += sum(a + a * 2.0)
                                if k % 100 == 0:
                                    depth(500)
                            fib(25)
                            """);
        }
        System.out.println("warm: " + search() / 1024 + " KB");
    }
}
