package dev.vecl.trace.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;

/** Linking a recorded bridge to its parent's optimized label: the short preamble, in text form. */
class BridgesTest {

    /** for i in range(n): if i < 90000: s = s + a[i] else: ... — peeled, with a hoisted bounds check. */
    static final String PARENT = """
            [p0: ref, f1: float, i2: int, i3: int, i4: int]
            guard_value(i4, 1) [main@64: r0=p0 r2=f1 r3=i2 r4=i3 r5=i4]
            b5 = int_lt(i2, i3)
            guard_true(b5) [main@64: r0=p0 r2=f1 r3=i2 r4=i3 r5=1]
            i6 = int_add(i2, 1)
            b7 = int_lt(i2, 90000)
            guard_true(b7) [main@77: r0=p0 r1=i2 r2=f1 r3=i6 r4=i3 r5=1 r6=b7]
            guard_class(p0, cls=array.float64) [main@80: r0=p0 r1=i2 r2=f1 r3=i6 r4=i3 r5=1]
            i8 = arraylen(p0)
            guard_index(i2, i8) [main@80: r0=p0 r1=i2 r2=f1 r3=i6 r4=i3 r5=1]
            p9 = array_storage(p0)
            i10 = array_offset(p0)
            i11 = array_stride(p0)
            i12 = int_mul(i2, i11)
            i13 = int_add(i10, i12)
            f14 = getarrayitem_f64(p9, i13)
            f15 = float_add(f1, f14)
            b16 = int_le(i3, i8)
            guard_true(b16) [main@62: r0=p0 r2=f15 r3=i6 r4=i3 r5=1]
            label(f15, i6, p0, i3, p9, i10, i11) [main@62: r0=p0 r2=f15 r3=i6 r4=i3 r5=1]
            b17 = int_lt(i6, i3)
            guard_true(b17) [main@64: r0=p0 r2=f15 r3=i6 r4=i3 r5=1]
            i18 = int_add(i6, 1)
            b19 = int_lt(i6, 90000)
            guard_true(b19) [main@77: r0=p0 r1=i6 r2=f15 r3=i18 r4=i3 r5=1 r6=b19]
            i20 = int_mul(i6, i11)
            i21 = int_add(i10, i20)
            f22 = getarrayitem_f64(p9, i21)
            f23 = float_add(f15, f22)
            jump(f23, i18, p0, i3, p9, i10, i11)
            """;

    /** Input registers of the parent, in input order. */
    static final int[] REGS = {0, 2, 3, 4, 5};

    /** The else branch, recorded from the guard on b7, back at the header. */
    static final String ELSE = """
            [p0: ref, i1: int, f2: float, i3: int, i4: int, b5: bool]
            guard_false(b5) [main@77: r0=p0 r1=i1 r2=f2 r3=i3 r4=i4 r5=1 r6=b5]
            f6 = float_sub(f2, 1.0)
            jump(p0, f6, i3, i4, 1)
            """;

    @Test
    void shortPreambleRecomputesInvariantsAndRechecksHoistedGuards() {
        Trace linked = Bridges.linkToLabel(TraceText.parse(ELSE), TraceText.parse(PARENT), REGS);
        assertEquals("""
                [p0: ref, i1: int, f2: float, i3: int, i4: int, b5: bool]
                guard_false(b5) [main@77: r0=p0 r1=i1 r2=f2 r3=i3 r4=i4 r5=1 r6=b5]
                f6 = float_sub(f2, 1.0)
                guard_class(p0, cls=array.float64) [main@62: r0=p0 r2=f6 r3=i3 r4=i4 r5=1]
                i7 = arraylen(p0)
                p8 = array_storage(p0)
                i9 = array_offset(p0)
                i10 = array_stride(p0)
                b11 = int_le(i4, i7)
                guard_true(b11) [main@62: r0=p0 r2=f6 r3=i3 r4=i4 r5=1]
                jump(f6, i3, p0, i4, p8, i9, i10)
                """, TraceText.print(linked));
    }

    /** A register the loop specialised to a constant: a bridge with a varying value checks it at the header. */
    @Test
    void constantRegisterIsGuarded() {
        String bridge = """
                [p0: ref, i1: int, f2: float, i3: int, i4: int, b5: bool, i6: int]
                guard_false(b5) [main@77: r0=p0 r1=i1 r2=f2 r3=i3 r4=i4 r5=i6 r6=b5]
                jump(p0, f2, i3, i4, i6)
                """;
        Trace linked = Bridges.linkToLabel(TraceText.parse(bridge), TraceText.parse(PARENT), REGS);
        Op g = linked.ops.get(1);
        assertEquals(OpCode.GUARD_VALUE, g.opcode);
        assertEquals("i6", TraceText.print(linked).lines().filter(l -> l.startsWith("guard_value")).findFirst().orElseThrow().substring(12, 14));
        assertEquals(62, g.snapshot.frames().get(0).pc(), "leaves with the header state");
    }

    /** The loop holds two registers as one value; a bridge giving them different values cannot use the short preamble. */
    @Test
    void aliasedRegistersFallBackToTheWholePreamble() {
        String parent = """
                [i0: int, i1: int]
                b2 = int_lt(i0, 100)
                guard_true(b2) [f@2: r0=i0 r1=i1]
                i3 = int_add(i0, 1)
                label(i3) [f@0: r0=i3 r1=i3]
                b4 = int_lt(i3, 100)
                guard_true(b4) [f@2: r0=i3 r1=i3]
                i5 = int_add(i3, 1)
                jump(i5)
                """;
        String bridge = """
                [i0: int, i1: int]
                jump(i0, i1)
                """;
        Trace p = TraceText.parse(parent);
        Op jump = TraceText.parse(bridge).last();
        assertNull(Bridges.shortPreamble(jump, p, new int[]{0, 1}));
        Trace linked = Bridges.linkToLabel(TraceText.parse(bridge), p, new int[]{0, 1});
        assertEquals("""
                [i0: int, i1: int]
                b2 = int_lt(i0, 100)
                guard_true(b2) [f@2: r0=i0 r1=i1]
                i3 = int_add(i0, 1)
                jump(i3)
                """, TraceText.print(linked));
    }

    /** A guard the loop body dropped because the preamble checked an invariant load (a list length) is re-checked. */
    @Test
    void invariantGuardOnALoadIsRechecked() {
        String parent = """
                [p0: ref, i1: int]
                guard_class(p0, cls=list) [f@4: r0=p0 r1=i1]
                i2 = list_len(p0)
                b3 = int_lt(i1, i2)
                guard_true(b3) [f@4: r0=p0 r1=i1]
                b4 = int_lt(i2, 400)
                guard_true(b4) [f@9: r0=p0 r1=i1]
                i5 = int_add(i1, 1)
                label(i5, p0, i2) [f@2: r0=p0 r1=i5]
                b6 = int_lt(i5, i2)
                guard_true(b6) [f@4: r0=p0 r1=i5]
                i7 = int_add(i5, 1)
                jump(i7, p0, i2)
                """;
        String bridge = """
                [p0: ref, i1: int, p2: ref]
                list_append(p0, p2)
                i3 = int_add(i1, 1)
                jump(p0, i3)
                """;
        Trace linked = Bridges.linkToLabel(TraceText.parse(bridge), TraceText.parse(parent), new int[]{0, 1});
        assertEquals("""
                [p0: ref, i1: int, p2: ref]
                list_append(p0, p2)
                i3 = int_add(i1, 1)
                guard_class(p0, cls=list) [f@2: r0=p0 r1=i3]
                i4 = list_len(p0)
                b5 = int_lt(i4, 400)
                guard_true(b5) [f@2: r0=p0 r1=i3]
                jump(i3, p0, i4)
                """, TraceText.print(linked));
    }

    /** For the reference executor: the linked bridge then a copy of the parent's loop, whose ops map back to the parent's. */
    @Test
    void withLoopIsOneLoopTrace() {
        Trace parent = TraceText.parse(PARENT);
        Trace linked = Bridges.linkToLabel(TraceText.parse(ELSE), parent, REGS);
        Map<Op, Op> origin = new IdentityHashMap<>();
        Trace loop = Bridges.withLoop(linked, parent, origin);
        assertTrue(loop.isLoop());
        List<Op> body = parent.body();
        assertEquals(body.size(), origin.size());
        for (Op copy : origin.keySet()) {
            assertTrue(body.contains(origin.get(copy)));
            assertEquals(origin.get(copy).opcode, copy.opcode);
        }
    }
}
