package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.ir.Value;

/** Bridges: a failing guard continues in an attached trace, which leaves or jumps back to the loop. */
class BridgeTest {
    @RegisterExtension
    static final Graal.PerClass GRAAL = new Graal.PerClass();

    /** The else branch of {@link BackendTraces#BRANCH} (s = s - x), back to the loop's label. */
    static final String ELSE_BRIDGE = """
            [p0: ref, i1: int, i2: int, f3: float, f4: float, f5: float]
            f6 = float_sub(f4, f5)
            i7 = int_add(i1, 1)
            jump(p0, i7, i2, f3, f6)
            """;

    /** The else branch leaving to the interpreter after the subtraction. */
    static final String ELSE_FINISH = """
            [p0: ref, i1: int, i2: int, f3: float, f4: float, f5: float]
            f6 = float_sub(f4, f5)
            finish() [g@9: r0=p0 r1=i1 r2=i2 r3=f3 r4=f6]
            """;

    @Test
    void bridgeJumpsBackIntoTheLoop() {
        Trace parent = TraceText.parse(BackendTraces.BRANCH);
        TraceCompiler tc = new TraceCompiler();
        CompiledTrace c = tc.compile(parent);
        int branchGuard = branchGuard(parent);
        List<Value> ins = c.bridgeInputs(branchGuard);
        assertEquals(6, ins.size());

        double[] s = {1, 5, 2, 7, 3, 9, 0.5};
        VArray a = new VArray(DType.FLOAT64, s, 0, 1, s.length);
        TraceExit before = c.run(a, 0L, (long) s.length, 4.0, 0.0);
        assertEquals(branchGuard, before.opIndex());

        CompiledTrace bridge = tc.compile(TraceText.parse(ELSE_BRIDGE));
        c.attachBridge(branchGuard, bridge);
        assertTrue(c.isCompiled(), "parent not recompiled after attaching");
        assertEquals(2, c.compilations());
        for (int k = 0; k < 1000; k++) {
            TraceExit e = c.run(a, 0L, (long) s.length, 4.0, 0.0);
            assertEquals(TraceExit.Kind.GUARD, e.kind());
            assertSame(parent.ops.get(2), e.op(), "should leave by the loop's exit test");
            double expect = 1 - 5 + 2 - 7 + 3 - 9 + 0.5;
            assertEquals(expect, e.values[0][4]);
        }
        assertTrue(c.isCompiled(), "bridged exits invalidated the parent");
        assertEquals(2, c.compilations());
        assertTrue(c.exit(branchGuard).failures() >= 3000, "bridge entries are counted");
        assertThrows(IllegalArgumentException.class, () -> c.attachBridge(branchGuard, bridge));
    }

    /**
     * for i in range(n): for j in range(m): s = s + a[i * m + j] — nested loops the LuaJIT way:
     * the inner loop's trace is the root; the exit of its loop test gets a bridge holding the rest
     * of the outer loop (i += 1, the outer test, j = 0) that jumps back into the inner loop. The
     * whole nest then runs as compiled code and leaves by the outer loop's test.
     * Registers: r0=a r1=i r2=n r3=j r4=m r5=s; outer header pc 10, inner header pc 20.
     */
    static final String INNER = """
            [p0: ref, i1: int, i2: int, i3: int, i4: int, f5: float]
            label(p0, i1, i2, i3, i4, f5) [f@20: r0=p0 r1=i1 r2=i2 r3=i3 r4=i4 r5=f5]
            b6 = int_lt(i3, i4)
            guard_true(b6) [f@20: r0=p0 r1=i1 r2=i2 r3=i3 r4=i4 r5=f5]
            i7 = int_mul(i1, i4)
            i8 = int_add(i7, i3)
            guard_class(p0, cls=array.float64) [f@22: r0=p0 r1=i1 r2=i2 r3=i3 r4=i4 r5=f5]
            i9 = arraylen(p0)
            guard_index(i8, i9) [f@22: r0=p0 r1=i1 r2=i2 r3=i3 r4=i4 r5=f5]
            p10 = array_storage(p0)
            i11 = array_offset(p0)
            i12 = array_stride(p0)
            i13 = int_mul(i8, i12)
            i14 = int_add(i11, i13)
            f15 = getarrayitem_f64(p10, i14)
            f16 = float_add(f5, f15)
            i17 = int_add(i3, 1)
            jump(p0, i1, i2, i17, i4, f16)
            """;

    static final String OUTER_REST = """
            [p0: ref, i1: int, i2: int, i3: int, i4: int, f5: float]
            i6 = int_add(i1, 1)
            b7 = int_lt(i6, i2)
            guard_true(b7) [f@10: r0=p0 r1=i6 r2=i2 r3=i3 r4=i4 r5=f5]
            jump(p0, i6, i2, 0, i4, f5)
            """;

    @Test
    void nestedLoopsRunAsLinkedTraces() {
        Trace inner = TraceText.parse(INNER);
        TraceCompiler tc = new TraceCompiler();
        CompiledTrace c = tc.compile(inner);
        int innerExit = 2;
        c.attachBridge(innerExit, tc.compile(TraceText.parse(OUTER_REST)));
        int n = 7;
        int m = 5;
        double[] s = new double[n * m];
        double expect = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = k * 0.5 + 1;
        }
        for (int k = 0; k < s.length; k++) {
            expect += s[k];
        }
        VArray a = new VArray(DType.FLOAT64, s, 0, 1, s.length);
        for (int rep = 0; rep < 100; rep++) {
            TraceExit e = c.run(a, 0L, (long) n, 0L, (long) m, 0.0);
            assertEquals(TraceExit.Kind.GUARD, e.kind());
            assertEquals(10, e.frames().get(0).pc(), "leaves by the outer loop's test");
            assertEquals((long) n, e.values[0][1]);
            assertEquals((long) m, e.values[0][3]);
            assertEquals(expect, e.values[0][5]);
        }
        assertTrue(c.isCompiled());
        assertEquals(2, c.compilations());
    }

    @Test
    void bridgeExitsPropagate() {
        Trace parent = TraceText.parse(BackendTraces.BRANCH);
        TraceCompiler tc = new TraceCompiler();
        CompiledTrace c = tc.compile(parent);
        CompiledTrace bridge = tc.compile(TraceText.parse(ELSE_FINISH));
        c.attachBridge(branchGuard(parent), bridge);
        double[] s = {1, 2, 8, 3};
        VArray a = new VArray(DType.FLOAT64, s, 0, 1, s.length);
        TraceExit e = c.run(a, 0L, 4L, 4.0, 0.0);
        assertEquals(TraceExit.Kind.FINISH, e.kind());
        assertSame(bridge, e.trace());
        assertEquals(9, e.frames().get(0).pc());
        assertEquals(3.0 - 8.0, e.values[0][4]);
        assertEquals(2L, e.values[0][1]);
    }

    @Test
    void bridgeInputsMustMatch() {
        Trace parent = TraceText.parse(BackendTraces.BRANCH);
        TraceCompiler tc = new TraceCompiler();
        CompiledTrace c = tc.compile(parent);
        CompiledTrace wrong = tc.compile(TraceText.parse(BackendTraces.SUM));
        assertThrows(IllegalArgumentException.class, () -> c.attachBridge(branchGuard(parent), wrong));
    }

    private static int branchGuard(Trace t) {
        for (int k = t.ops.size() - 1; k >= 0; k--) {
            Op op = t.ops.get(k);
            if (op.opcode == OpCode.GUARD_TRUE) {
                return k;
            }
        }
        throw new AssertionError();
    }
}
