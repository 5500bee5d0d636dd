package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;

/** Traces really become Graal machine code, stay compiled through many exits, and long traces compile. */
class CompilationTest {
    @RegisterExtension
    static final Graal.PerClass GRAAL = new Graal.PerClass();

    @Test
    void tracesAreGraalCompiledOnCreation() {
        assertNotEquals("Interpreted", GRAAL.implementation(), "Truffle fell back to the interpreter: no Graal compiler");
        assertEquals("GraalVM CE", GRAAL.implementation());
        assertTrue(CompiledTrace.compilationAvailable(), "cannot request compilation from the optimizing runtime");
        CompiledTrace c = new TraceCompiler().compile(Pipeline.standard().apply(TraceText.parse(BackendTraces.SUM)));
        assertTrue(c.isCompiled(), "trace not compiled right after creation");
        assertEquals(1, c.compilations());
        assertTrue(c.compileNanos() > 0);
        VArray a = new VArray(DType.FLOAT64, new double[] {1, 2, 3, 4}, 0, 1, 4);
        TraceExit e = c.run(a, 0L, 4L, 0.5);
        assertEquals(10.5, e.values[0][3]);
        assertTrue(c.isCompiled());
    }

    @Test
    void uncompiledWithoutRequest() {
        CompiledTrace c = new TraceCompiler().requestCompilation(false).compile(TraceText.parse(BackendTraces.DIVIDE));
        assertTrue(!c.isCompiled());
        assertEquals(TraceExit.Kind.GUARD, c.run(0L, 3L, 1L, 0L).kind());
    }

    /** Every exit is a compiled path: thousands of exits at different guards never invalidate the code. */
    @Test
    void exitsDoNotDeoptimize() {
        Trace t = Pipeline.standard().apply(TraceText.parse(BackendTraces.BRANCH));
        CompiledTrace c = new TraceCompiler().compile(t);
        Random r = new Random(9);
        Map<Integer, Integer> seen = new java.util.TreeMap<>();
        for (int k = 0; k < 20_000; k++) {
            int n = 1 + r.nextInt(20);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = i;
            }
            if (k % 2 == 0) {
                s[r.nextInt(n)] = 1e9;
            }
            Object a = k % 97 == 0 ? new VArray(DType.INT64, new long[n], 0, 1, n) : new VArray(DType.FLOAT64, s, 0, 1, n);
            TraceExit e = c.run(a, 0L, (long) n + (k % 13 == 0 ? 1 : 0), 100.0, 0.0);
            seen.merge(e.opIndex(), 1, Integer::sum);
        }
        assertTrue(seen.size() >= 4, "exits seen: " + seen);
        assertTrue(c.isCompiled(), "exits invalidated the trace");
        assertEquals(1, c.compilations());
        int counted = 0;
        for (ExitSite s : c.exits()) {
            counted += s.failures();
        }
        assertEquals(20_000, counted, "per-exit failure counters");
    }

    /** A 20,000-operation loop body compiles (exploded in chunks below Graal's loop-explosion limit). */
    @Test
    void twentyThousandOperations() {
        StringBuilder sb = new StringBuilder("[i0: int, i1: int, f2: float]\n");
        sb.append("label(i0, i1, f2) [big@0: r0=i0 r1=i1 r2=f2]\n");
        sb.append("b3 = int_lt(i0, i1)\nguard_true(b3) [big@0: r0=i0 r1=i1 r2=f2]\n");
        String acc = "f2";
        int v = 4;
        int ops = 4;
        while (ops < 20_000) {
            String x = "f" + v++;
            if (v % 3 == 0) {
                sb.append(x).append(" = float_mul(").append(acc).append(", 0.999)\n");
            } else {
                sb.append(x).append(" = float_add(").append(acc).append(", 0.5)\n");
            }
            acc = x;
            ops++;
            if (v % 500 == 0) {
                String b = "b" + v++;
                sb.append(b).append(" = float_lt(").append(acc).append(", 1.0E300)\n");
                sb.append("guard_true(").append(b).append(") [big@1: r0=i0 r1=i1 r2=").append(acc).append("]\n");
                ops += 2;
            }
        }
        String i = "i" + v;
        sb.append(i).append(" = int_add(i0, 1)\njump(").append(i).append(", i1, ").append(acc).append(")\n");
        Trace t = TraceText.parse(sb.toString());
        assertTrue(t.size() >= 20_000, "size " + t.size());
        CompiledTrace c = new TraceCompiler().compile(t);
        assertTrue(c.isCompiled(), "20,000-op trace not compiled");
        System.out.printf("CompilationTest: %d-op trace compiled in %.0f ms%n", t.size(), c.compileNanos() / 1e6);
        TraceExit e = c.run(0L, 3L, 1.0);
        TraceInterpreter.Exit ref = new TraceInterpreter(Map.<String, Function<Object[], Object>>of()).run(t, new Object[] {0L, 3L, 1.0}, 10);
        assertEquals(ref.frames(), e.frames());
        assertTrue(c.isCompiled());
    }
}
