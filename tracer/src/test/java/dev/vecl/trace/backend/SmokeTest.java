package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;

class SmokeTest {
    @Test
    void w2() {
        try (Graal g = Graal.enter()) {
            System.out.println("impl " + g.implementation());
            Trace t = Pipeline.standard().apply(TraceText.parse(BackendTraces.W2));
            System.out.println(t);
            long t0 = System.nanoTime();
            CompiledTrace c = new TraceCompiler().compile(t);
            System.out.println("compiled " + c.isCompiled() + " in " + (System.nanoTime() - t0) / 1e6 + " ms");
            int n = 1000;
            VArray a = new VArray(DType.FLOAT64, new double[n], 0, 1, n);
            VArray b = new VArray(DType.FLOAT64, new double[n], 0, 1, n);
            VArray cc = new VArray(DType.FLOAT64, new double[n], 0, 1, n);
            for (int i = 0; i < n; i++) {
                ((double[]) b.storage)[i] = i;
                ((double[]) cc.storage)[i] = 1;
            }
            TraceExit e = c.run(a, b, cc, 0L, (long) n);
            System.out.println(e);
            assertEquals(3.14 + 7, ((double[]) a.storage)[7]);
            System.out.println("compiled after " + c.isCompiled());
            for (int rep = 0; rep < 5; rep++) {
                long s = System.nanoTime();
                for (int k = 0; k < 10000; k++) {
                    c.run(a, b, cc, 0L, (long) n);
                }
                System.out.println((System.nanoTime() - s) / 1e7 / n + " ns/elem");
            }
            assertTrue(c.isCompiled());
        }
    }
}
