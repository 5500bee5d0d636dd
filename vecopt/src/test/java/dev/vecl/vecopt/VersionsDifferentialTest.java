package dev.vecl.vecopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vecl.runtime.DType;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.opt.Pipeline;
import dev.vecl.vecopt.widen.Widen;

/**
 * The widened trace with its scalar version, on the reference interpreter, against the scalar trace
 * alone and the recorded trace alone, on random inputs (lengths 0..67 around multiples of the lane
 * count, views with offsets and strides, overlapping views, NaN, infinities, -0.0): same memory and
 * the same final state, every time. The vector ops are the IR's definition here (VectorOps, lane by
 * lane through Eval); BackendVectorTest holds the Vector API nodes to the same answers.
 */
class VersionsDifferentialTest {

    @ParameterizedTest
    @CsvSource({"W2, FLOAT64", "W4, FLOAT32", "INT_SUM, INT64", "SCALE_OFFSET, FLOAT64", "INT_MAP, INT64", "MINMAX, FLOAT64", "RANGE_SUM, INT64", "FILL32, FLOAT32", "CMP32, FLOAT32", "MASKS64, FLOAT64", "LONG_CHAIN, FLOAT64", "SELECT64, FLOAT64"})
    void widenedLoopAgreesWithScalarLoop(String loop, String dtype) throws Exception {
        String text = (String) Loops.class.getField(loop).get(null);
        Trace recorded = TraceText.parse(text);
        int[] regs = Loops.inputRegisters(recorded);
        Trace scalar = Pipeline.standard().apply(recorded);
        Widen.Result w = Widen.apply(scalar, regs);
        assertTrue(w.vectorized(), w.reason());
        TraceInterpreter ti = new TraceInterpreter(Map.of());
        VecOpt.Versions versions = new VecOpt.Versions(ti, w, regs);
        int vectorGroupsRan = 0;
        for (long seed = 0; seed < 400; seed++) {
            DType d = DType.valueOf(dtype);
            Harness.Inputs a = Harness.inputs(recorded, d, seed);
            String expected = Harness.outcome(recorded, regs, ti.run(recorded, a.values(), Integer.MAX_VALUE), a, Map.of());
            Harness.Inputs b = Harness.inputs(recorded, d, seed);
            assertEquals(expected, Harness.outcome(recorded, regs, ti.run(scalar, b.values(), Integer.MAX_VALUE), b, Map.of()), "scalar, seed " + seed);
            Harness.Inputs c = Harness.inputs(recorded, d, seed);
            int[] groups = {0};
            TraceInterpreter.Exit e = versions.run(c.values());
            assertEquals(expected, Harness.outcome(recorded, regs, e, c, Map.of()), "widened, seed " + seed);
            // did the vector loop itself run? (its label reached twice means a full group ran)
            TraceInterpreter.Exit probe = ti.run(w.vector(), Harness.inputs(recorded, d, seed).values(), 1);
            if (probe.kind() == TraceInterpreter.ExitKind.LIMIT) {
                vectorGroupsRan++;
            }
        }
        System.out.println(loop + ": vector groups ran in " + vectorGroupsRan + " of 400 runs");
        assertTrue(vectorGroupsRan > 15, "only " + vectorGroupsRan + " runs reached a second vector group");
    }
}
