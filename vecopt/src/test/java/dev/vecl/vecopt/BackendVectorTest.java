package dev.vecl.vecopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vecl.runtime.DType;
import dev.vecl.trace.backend.CompiledTrace;
import dev.vecl.trace.backend.TraceCompiler;
import dev.vecl.trace.backend.TraceExit;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;
import dev.vecl.vecopt.widen.Widen;

/**
 * The widened traces lowered to Vector API nodes and compiled by Graal, with the scalar loop
 * attached as their loop version, against the recorded trace on the reference interpreter (random
 * inputs as in VersionsDifferentialTest). The first inputs run in Truffle's node interpreter, the
 * rest as machine code; the vector trace must be compiled (and stay valid) afterwards, which shows
 * the vector loop ran as Graal-compiled code.
 */
class BackendVectorTest {
    static Context context;

    @BeforeAll
    static void enter() {
        context = Context.newBuilder().allowExperimentalOptions(true)
                        .option("engine.BackgroundCompilation", "false")
                        .option("engine.MultiTier", "false")
                        .option("engine.CompilationFailureAction", "Throw")
                        .option("engine.SingleTierCompilationThreshold", "1000000")
                        .option("engine.OSR", "false")
                        .build();
        context.enter();
    }

    @AfterAll
    static void leave() {
        context.leave();
        context.close();
    }

    @ParameterizedTest
    @CsvSource({"W2, FLOAT64,", "W4, FLOAT32,", "INT_SUM, INT64,", "INT_MAP, INT64,", "INT_MIN, INT64,", "INT_MAX, INT64,", "INT_MINMAX_MAP, INT64,", "MINMAX, FLOAT64,", "RANGE_SUM, INT64,", "FILL32, FLOAT32,", "CMP32, FLOAT32,", "MASKS64, FLOAT64,", "LONG_CHAIN, FLOAT64,", "SELECT64, FLOAT64,",
        "LONG_CHAIN, FLOAT64, 0", "LONG_CHAIN, FLOAT64, 100"})
    void compiledVectorLoopAgreesWithTheRecordedLoop(String loop, String dtype, Integer segmentOps) throws Exception {
        assertEquals("GraalVM CE", context.getEngine().getImplementationName());
        String text = (String) Loops.class.getField(loop).get(null);
        Trace recorded = TraceText.parse(text);
        int[] regs = Loops.inputRegisters(recorded);
        Trace scalar = Pipeline.standard().apply(recorded);
        Widen.Result w = Widen.apply(scalar, regs);
        assertTrue(w.vectorized(), w.reason());
        TraceCompiler backend = new TraceCompiler(Map.of(), null);
        if (segmentOps != null) {
            backend.segmentOps(segmentOps);
        }
        CompiledTrace version = backend.requestCompilation(false).compile(scalar, "scalar " + loop);
        CompiledTrace vector = backend.compile(w.vector(), "vector " + loop);
        // the cut of the long body splits it into call targets compiled on their own, unless parts are off
        if (segmentOps != null) {
            assertEquals(segmentOps > 0, vector.parts() > 1, "parts: " + vector.parts());
        }
        TraceInterpreter ti = new TraceInterpreter(Map.of());
        DType d = DType.valueOf(dtype);
        for (long seed = 0; seed < 300; seed++) {
            if (seed == 20) {
                vector.attachVersion(w.versionExits(), version); // compiles the vector trace (the version is called from it)
                version.compileNow();
                assertTrue(vector.isCompiled(), "vector trace (and each part) compiled");
            }
            Harness.Inputs a = Harness.inputs(recorded, d, seed);
            String expected = Harness.outcome(recorded, regs, ti.run(recorded, a.values(), Integer.MAX_VALUE), a, Map.of());
            Harness.Inputs b = Harness.inputs(recorded, d, seed);
            TraceExit e = vector.run(b.values());
            // before the version is attached, its exits resume "the interpreter" (the recorded loop) directly
            TraceInterpreter.Exit x = new TraceInterpreter.Exit(TraceInterpreter.ExitKind.GUARD, e.op(), e.frames(), -1);
            assertEquals(expected, Harness.outcome(recorded, regs, x, b, Map.of()), "seed " + seed);
        }
        assertTrue(vector.isCompiled(), "vector trace still compiled after 280 compiled runs");
        assertEquals(1, vector.compilations(), "one compilation, no deoptimization loop");
    }
}
