package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.oracle.truffle.api.nodes.NodeUtil;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.ir.Value;

/**
 * Loop versions (VecOpt's scalar fallback): every exit attached to the version continues there
 * with that exit's values, through the one call in the trace's root, and the version's own exit
 * is what the caller sees.
 */
class VersionTest {
    @RegisterExtension
    static final Graal.PerClass GRAAL = new Graal.PerClass();

    /**
     * s = s + a[i], two elements per iteration (the shape of a widened loop): the preamble checks
     * the array (class, contiguous, starting at 0, long enough) and the loop leaves when fewer
     * than two elements are left. Every guard resumes at the loop header with r0=a r1=i r2=n r3=s.
     */
    static final String PAIRS = """
            [p0: ref, i1: int, i2: int, f3: float]
            guard_class(p0, cls=array.float64) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            i4 = arraylen(p0)
            b5 = int_le(i2, i4)
            guard_true(b5) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            guard_value(i7, 0) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            i8 = array_stride(p0)
            guard_value(i8, 1) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            b9 = int_ge(i1, 0)
            guard_true(b9) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            label(p0, i1, i2, f3, p6) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            i10 = int_add(i1, 1)
            b11 = int_lt(i10, i2)
            guard_true(b11) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            f12 = getarrayitem_f64(p6, i1)
            f13 = getarrayitem_f64(p6, i10)
            f14 = float_add(f3, f12)
            f15 = float_add(f14, f13)
            i16 = int_add(i1, 2)
            jump(p0, i16, i2, f15, p6)
            """;

    @Test
    void everyVersionExitContinuesInTheVersionThroughOneCall() {
        Trace pairs = TraceText.parse(PAIRS);
        Trace sum = TraceText.parse(BackendTraces.SUM);
        // the version is compiled when first taken, the parent when the version is attached
        CompiledTrace version = new TraceCompiler().compileLater().compile(sum);
        CompiledTrace c = new TraceCompiler().compile(pairs);
        Map<Integer, List<Value>> exits = new LinkedHashMap<>();
        List<Value> registers = List.of(pairs.inputs.get(0), pairs.inputs.get(1), pairs.inputs.get(2), pairs.inputs.get(3));
        for (int k = 0; k < pairs.ops.size(); k++) {
            if (pairs.ops.get(k).opcode.isGuard()) {
                exits.put(k, registers);
            }
        }
        assertEquals(6, exits.size());
        c.attachVersion(exits, version);

        List<Exit.Version> attached = new ArrayList<>();
        NodeUtil.forEachChild(c.root(), n -> collect(n, attached));
        assertEquals(exits.size(), attached.size(), "every attached guard exits into the version");
        assertNotNull(c.root().versionCall, "the root holds the version's call");
        assertTrue(c.isCompiled());
        assertThrows(IllegalStateException.class, () -> c.attachVersion(Map.of(), version), "a trace has one version");

        Op versionLoopTest = sum.ops.get(2);
        for (int n = 0; n <= 9; n++) {
            double[] data = new double[n + 3];
            for (int j = 0; j < data.length; j++) {
                data[j] = 1.0 / (j + 1) + (j % 3 == 0 ? 1e16 : 0); // order-sensitive sums
            }
            // contiguous from 0 (the pairs loop, then the version for an odd tail), a view at an
            // offset (the preamble's offset guard fails), a strided view (the stride guard fails)
            VArray contiguous = new VArray(DType.FLOAT64, data, 0, 1, n);
            VArray atOffset = new VArray(DType.FLOAT64, data, 1, 1, n);
            VArray strided = new VArray(DType.FLOAT64, data, 0, 1, data.length).view(0, 2, (data.length + 1) / 2);
            for (VArray a : new VArray[] {contiguous, atOffset, strided}) {
                for (long start = 0; start <= 2; start++) {
                    double expect = 0.5;
                    for (long i = start; i < a.length; i++) {
                        expect += (double) a.getItem(i);
                    }
                    TraceExit e = c.run(a, start, (long) a.length, 0.5);
                    assertSame(versionLoopTest, e.op(), "n=" + n + ": the version's loop test ends the loop");
                    assertEquals(expect, (double) e.values[0][3], "n=" + n + " start=" + start + " offset=" + a.offset + " stride=" + a.stride);
                    assertEquals(Math.max(start, a.length), e.values[0][1], "the index where the loop ended");
                }
            }
        }
    }

    private static boolean collect(com.oracle.truffle.api.nodes.Node n, List<Exit.Version> out) {
        if (n instanceof Exit.Version v) {
            out.add(v);
        }
        NodeUtil.forEachChild(n, m -> collect(m, out));
        return true;
    }
}
