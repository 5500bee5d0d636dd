package dev.vecl.trace.backend;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;

/**
 * Not a test: prints ns per element of compiled traces (W2 at n=1000, a float sum at n=1e6) and
 * compile times, minimum of repeated runs (the machine is shared and noisy). Run with the
 * surefire JVM flags; see docs/tracer.md, "Backend".
 */
public final class BackendBench {
    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (Graal g = Graal.enter()) {
            System.out.println("engine: " + g.implementation());
            String which = args.length > 1 ? args[1] : "w2,sum,java";
            if (which.contains("w2")) {
                w2(reps, "W2 (any stride)", BackendTraces.W2);
                w2(reps, "W2 (contiguous)", BackendTraces.W2_CONTIGUOUS);
            }
            if (which.contains("sum")) {
                sum(reps);
            }
            if (which.contains("java")) {
                javaReference(reps);
            }
        }
    }

    static Trace optimized(String text) {
        return Pipeline.standard().apply(TraceText.parse(text));
    }

    static void w2(int reps, String what, String text) {
        Trace t = optimized(text);
        CompiledTrace c = new TraceCompiler().compile(t);
        System.out.printf("%s trace: %d ops, compiled=%s in %.1f ms%n", what, t.size(), c.isCompiled(), c.compileNanos() / 1e6);
        int n = Integer.getInteger("bench.n", 1000);
        VArray a = f64(n, 0);
        VArray b = f64(n, 1);
        VArray cc = f64(n, 2);
        int calls = 20_000_000 / n;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            for (int k = 0; k < calls; k++) {
                c.run(a, b, cc, 0L, (long) n);
            }
            double ns = (System.nanoTime() - s) / (double) calls / n;
            best = Math.min(best, ns);
        }
        System.out.printf("%s n=%d: %.3f ns/element (min of %d x %d calls), still compiled=%s%n", what, n, best, reps, calls, c.isCompiled());
    }

    static void sum(int reps) {
        Trace t = optimized(BackendTraces.SUM);
        CompiledTrace c = new TraceCompiler().requestCompilation(!Boolean.getBoolean("bench.interp")).compile(t);
        System.out.printf("sum trace: %d ops, compiled=%s in %.1f ms%n", t.size(), c.isCompiled(), c.compileNanos() / 1e6);
        int n = 1_000_000;
        VArray a = f64(n, 3);
        double best = Double.MAX_VALUE;
        Object result = null;
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            TraceExit e = c.run(a, 0L, (long) n, 0.0);
            double ns = (System.nanoTime() - s) / (double) n;
            best = Math.min(best, ns);
            result = e.values[0][3];
        }
        System.out.printf("sum n=%d: %.3f ns/element (min of %d), result %s, still compiled=%s%n", n, best, reps, result, c.isCompiled());
    }

    /** The same loops in plain Java (C2), to calibrate against the machine's current load. */
    static void javaReference(int reps) {
        int n = 1000;
        double[] a = new double[n];
        double[] b = (double[]) f64(n, 1).storage;
        double[] c = (double[]) f64(n, 2).storage;
        double best = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            for (int k = 0; k < 20_000; k++) {
                w2Java(a, b, c, n);
            }
            best = Math.min(best, (System.nanoTime() - s) / 20_000.0 / n);
        }
        System.out.printf("Java W2 n=%d: %.3f ns/element%n", n, best);
        double[] big = (double[]) f64(1_000_000, 3).storage;
        best = Double.MAX_VALUE;
        double sum = 0;
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            sum = sumJava(big);
            best = Math.min(best, (System.nanoTime() - s) / 1e6);
        }
        System.out.printf("Java sum n=1e6: %.3f ns/element (%s)%n", best, sum);
    }

    static void w2Java(double[] a, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            a[i] = b[i] + c[i] * 3.14;
        }
    }

    static double sumJava(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    static VArray f64(int n, int seed) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = (i * 31 + seed * 7) % 97 * 0.25;
        }
        return new VArray(DType.FLOAT64, s, 0, 1, n);
    }
}
