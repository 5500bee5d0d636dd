package dev.vecl.vecopt;

import java.util.Map;

import org.graalvm.polyglot.Context;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.backend.CompiledTrace;
import dev.vecl.trace.backend.TraceCompiler;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;
import dev.vecl.vecopt.widen.Widen;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Not a test: ns per element of the scalar trace, the widened trace (with its scalar version
 * attached) and a hand-written Vector API loop (C2), for W2 (n=1000 f64), W4 (n=44,100 f32) and an
 * int64 sum (n=1e6); minimum of repeated runs. See docs/vecopt.md for the command.
 */
public final class VecBench {
    static final int REPS = Integer.getInteger("bench.reps", 7);

    public static void main(String[] args) {
        Context ctx = Context.newBuilder().allowExperimentalOptions(true).option("engine.BackgroundCompilation", "false")
                        .option("engine.MultiTier", "false").option("engine.CompilationFailureAction", "Throw")
                        .option("engine.SingleTierCompilationThreshold", "1000000").option("engine.OSR", "false").build();
        ctx.enter();
        System.out.println("engine: " + ctx.getEngine().getImplementationName() + ", preferred species bits " + DoubleVector.SPECIES_PREFERRED.vectorBitSize());
        String which = args.length > 0 ? args[0] : "w2,w4,sum";
        if (which.contains("w2")) {
            int n = Integer.getInteger("bench.w2n", 1000);
            VArray a = arr(DType.FLOAT64, n), b = arr(DType.FLOAT64, n), c = arr(DType.FLOAT64, n);
            bench("W2", Loops.W2, n, 20_000_000 / n, new Object[] {a, b, c, 0L, (long) n, 3.14});
            double[] x = (double[]) a.storage, y = (double[]) b.storage, z = (double[]) c.storage;
            java("W2", n, 20_000_000 / n, () -> {
                int i = 0;
                for (; i <= n - 8; i += 8) {
                    DoubleVector.fromArray(DoubleVector.SPECIES_512, x, i)
                                    .add(DoubleVector.fromArray(DoubleVector.SPECIES_512, y, i).mul(3.14)).intoArray(z, i);
                }
                for (; i < n; i++) {
                    z[i] = x[i] + y[i] * 3.14;
                }
            });
        }
        if (which.contains("w4")) {
            int n = 44_100;
            VArray a = arr(DType.FLOAT32, n), b = arr(DType.FLOAT32, n);
            bench("W4", Loops.W4, n, 200, new Object[] {a, b, 0L, (long) n});
            float[] x = (float[]) a.storage, z = (float[]) b.storage;
            java("W4", n, 200, () -> {
                int i = 0;
                for (; i <= n - 16; i += 16) {
                    FloatVector.fromArray(FloatVector.SPECIES_512, x, i).mul(0.5f).add(1f).mul(2f).sub(0.5f).intoArray(z, i);
                }
                for (; i < n; i++) {
                    z[i] = ((x[i] * 0.5f + 1f) * 2f) - 0.5f;
                }
            });
        }
        if (which.contains("sum")) {
            int n = 1_000_000;
            VArray a = arr(DType.INT64, n);
            bench("int sum", Loops.INT_SUM, n, 5, new Object[] {a, 0L, (long) n, 0L});
            long[] x = (long[]) a.storage;
            long[] sink = new long[1];
            java("int sum", n, 5, () -> {
                LongVector acc = LongVector.zero(LongVector.SPECIES_512);
                int i = 0;
                for (; i <= n - 8; i += 8) {
                    acc = acc.add(LongVector.fromArray(LongVector.SPECIES_512, x, i));
                }
                long s = acc.reduceLanes(VectorOperators.ADD);
                for (; i < n; i++) {
                    s += x[i];
                }
                sink[0] = s;
            });
        }
        ctx.leave();
        ctx.close();
    }

    static VArray arr(DType d, int n) {
        VArray a = VArray.allocate(d, n);
        for (int i = 0; i < n; i++) {
            switch (d) {
                case FLOAT64 -> ((double[]) a.storage)[i] = i * 0.25;
                case FLOAT32 -> ((float[]) a.storage)[i] = i * 0.25f;
                default -> ((long[]) a.storage)[i] = i;
            }
        }
        return a;
    }

    static void bench(String what, String text, int n, int calls, Object[] inputs) {
        Trace rec = TraceText.parse(text);
        Trace scalar = Pipeline.standard().apply(rec);
        Widen.Result w = Widen.apply(scalar, Loops.inputRegisters(rec));
        TraceCompiler backend = new TraceCompiler(Map.of(), null);
        CompiledTrace s = backend.compile(scalar, "scalar " + what);
        CompiledTrace version = backend.compile(scalar, "version " + what);
        CompiledTrace v = new TraceCompiler(Map.of(), null).requestCompilation(false).compile(w.vector(), "vector " + what);
        v.attachVersion(w.versionExits(), version);
        System.out.printf("%s: scalar %d ops compiled=%s %.0f ms; vector %d ops compiled=%s %.0f ms%n", what, scalar.size(), s.isCompiled(),
                        s.compileNanos() / 1e6, w.vector().size(), v.isCompiled(), v.compileNanos() / 1e6);
        double ts = time(s, inputs, n, calls);
        double tv = time(v, inputs, n, calls);
        System.out.printf("%s n=%d: scalar trace %.3f ns/elem, vector trace %.3f ns/elem (%.1fx), still compiled %s%n", what, n, ts, tv, ts / tv, v.isCompiled());
    }

    static double time(CompiledTrace c, Object[] inputs, int n, int calls) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPS; r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < calls; k++) {
                c.run(inputs);
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) calls / n);
        }
        return best;
    }

    static void java(String what, int n, int calls, Runnable body) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPS * 3; r++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < calls; k++) {
                body.run();
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) calls / n);
        }
        System.out.printf("%s n=%d: hand-written Vector API (C2) %.3f ns/elem%n", what, n, best);
    }
}
