package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;

/**
 * Compiled traces against the reference {@link TraceInterpreter}: recorder-shaped loops, optimized
 * by the standard pipeline, on random inputs that make guards fail at chosen iterations (bounds,
 * dtypes, strides, branches, zero divisors). The exit (operation, kind), the frames to rebuild and
 * all memory must be the same. Each trace runs both as Graal-compiled code and in Truffle's
 * interpreter (before compilation).
 */
class BackendDifferentialTest {
    private static final TraceInterpreter REFERENCE = new TraceInterpreter(Map.<String, Function<Object[], Object>>of());
    @RegisterExtension
    static final Graal.PerClass GRAAL = new Graal.PerClass();

    @Test
    void w2MapOverViews() {
        Random r = new Random(2);
        Map<String, Integer> exits = check(BackendTraces.W2, 300, () -> {
            VArray b = f64(r, r.nextInt(40));
            VArray c = r.nextInt(10) == 0 ? f64(r, b.length + 1) : f64(r, b.length);
            VArray a = r.nextInt(8) == 0 ? b : r.nextInt(12) == 0 ? i64(b.length) : f64(r, b.length);
            long n = b.length + (r.nextInt(6) == 0 ? r.nextInt(3) + 1 : -r.nextInt(3));
            return new Object[] {a, b, c, (long) r.nextInt(2), n};
        });
        assertTrue(exits.getOrDefault("GUARD guard_true", 0) > 100, exits.toString());
        assertTrue(exits.size() > 2, "too few kinds of exits: " + exits);
    }

    @Test
    void w2Contiguous() {
        Random r = new Random(3);
        Map<String, Integer> exits = check(BackendTraces.W2_CONTIGUOUS, 200, () -> {
            int n = r.nextInt(30);
            VArray b = r.nextInt(6) == 0 ? f64(r, n) : contiguous(r, n);
            return new Object[] {contiguous(r, n), b, contiguous(r, n), 0L, (long) n};
        });
        assertTrue(exits.size() > 1, exits.toString());
    }

    @Test
    void floatSum() {
        Random r = new Random(4);
        check(BackendTraces.SUM, 200, () -> {
            VArray a = f64(r, r.nextInt(50));
            return new Object[] {a, 0L, (long) a.length + (r.nextInt(8) == 0 ? 2 : 0), r.nextDouble()};
        });
    }

    @Test
    void intDivisionThatMayRaise() {
        Random r = new Random(5);
        Map<String, Integer> exits = check(BackendTraces.DIVIDE, 300,
                () -> new Object[] {(long) r.nextInt(3) - 1, (long) r.nextInt(12), (long) r.nextInt(7) - 3, (long) r.nextInt(5)});
        assertTrue(exits.keySet().stream().anyMatch(k -> k.startsWith("RAISE")), exits.toString());
    }

    @Test
    void lateFlippingBranch() {
        Random r = new Random(6);
        Map<String, Integer> exits = check(BackendTraces.BRANCH, 300, () -> {
            VArray a = f64(r, 1 + r.nextInt(60));
            double t = 1000;
            if (r.nextInt(3) > 0) {
                // the branch flips at iteration k, late in the loop
                int k = a.length - 1 - r.nextInt(Math.max(1, a.length / 10));
                ((double[]) a.storage)[a.physical(k)] = t + 1;
            }
            return new Object[] {a, 0L, (long) a.length, t, 0.0};
        });
        assertTrue(exits.getOrDefault("GUARD guard_true", 0) > 100, exits.toString());
    }

    @Test
    void float32Loop() {
        Random r = new Random(7);
        Map<String, Integer> exits = check(BackendTraces.F32, 200, () -> {
            int n = r.nextInt(40);
            VArray x = r.nextInt(8) == 0 ? f32View(r, n) : f32(r, n);
            VArray c = r.nextInt(10) == 0 ? f64(r, n) : f32(r, n);
            return new Object[] {x, c, 0L, (long) n};
        });
        assertTrue(exits.size() > 2, exits.toString());
    }

    // ---------------------------------------------------------------- harness

    /** Runs {@code runs} random inputs through the reference and the compiled trace; returns exit counts by kind and opcode. */
    static Map<String, Integer> check(String text, int runs, Supplier<Object[]> inputs) {
        Trace t = Pipeline.standard().apply(TraceText.parse(text));
        CompiledTrace interpreted = new TraceCompiler().requestCompilation(false).compile(t);
        CompiledTrace compiled = new TraceCompiler().compile(t);
        assertTrue(compiled.isCompiled(), "not compiled");
        Map<String, Integer> kinds = new HashMap<>();
        for (int run = 0; run < runs; run++) {
            Object[] in = inputs.get();
            String expect = compare(t, in, run < 20 ? interpreted : compiled, kinds);
            assertTrue(expect != null);
        }
        assertTrue(compiled.isCompiled(), "compiled code was invalidated by exits");
        return kinds;
    }

    private static String compare(Trace t, Object[] inputs, CompiledTrace c, Map<String, Integer> kinds) {
        Object[] in1 = TraceState.deepCopy(inputs);
        Object[] in2 = TraceState.deepCopy(inputs);
        TraceInterpreter.Exit ref = REFERENCE.run(t, in1, 1_000_000);
        TraceExit got = c.run(in2);
        String s1 = ref.kind() + " " + TraceState.of(ref.frames(), in1);
        String s2 = got.kind() + " " + TraceState.of(got.frames(), in2);
        assertEquals(s1, s2, "exit state differs\n" + TraceText.print(t));
        assertSame(ref.op(), got.op(), "exit at another operation");
        kinds.merge(got.kind() + " " + got.op().opcode.text, 1, Integer::sum);
        return s2;
    }

    static VArray f64(Random r, int n) {
        int stride = r.nextInt(3) == 0 ? 2 + r.nextInt(2) : 1;
        int offset = r.nextInt(3);
        double[] s = new double[offset + n * stride + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(10) == 0 ? -1.5 : r.nextInt(200) * 0.25;
        }
        return new VArray(DType.FLOAT64, s, offset, stride, n);
    }

    static VArray contiguous(Random r, int n) {
        double[] s = new double[n + 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextGaussian();
        }
        return new VArray(DType.FLOAT64, s, r.nextInt(2), 1, n);
    }

    static VArray f32(Random r, int n) {
        float[] s = new float[n + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) r.nextGaussian() * 100;
        }
        return new VArray(DType.FLOAT32, s, r.nextInt(2), 1, n);
    }

    static VArray f32View(Random r, int n) {
        float[] s = new float[2 * n + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) r.nextGaussian();
        }
        return new VArray(DType.FLOAT32, s, 1, 2, n);
    }

    static VArray i64(int n) {
        return new VArray(DType.INT64, new long[n], 0, 1, n);
    }
}
