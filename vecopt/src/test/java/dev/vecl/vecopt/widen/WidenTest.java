package dev.vecl.vecopt.widen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.vecopt.Loops;

/**
 * Recorded loop → Pipeline.standard() → Widen: the widened trace, or the refusal and its reason.
 * The texts are for 512-bit vectors: Maven runs this class with {@code -Dvecl.VectorBits=512}.
 */
class WidenTest {

    @org.junit.jupiter.api.BeforeAll
    static void widthOfTheTexts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.vecl.trace.ir.VectorWidth.BITS == 512,
                        "trace texts for 512-bit vectors: run with -Dvecl.VectorBits=512 (vecopt's trace-text-512 execution does)");
    }

    static void assertWidened(String recorded, String expected) {
        Widen.Result r = Loops.widen(recorded);
        assertTrue(r.vectorized(), r.reason());
        assertEquals(expected, TraceText.print(r.vector()));
        // canonical text round-trips (vector types parse)
        Trace again = TraceText.parse(expected);
        assertEquals(expected, TraceText.print(again));
    }

    static void assertRefused(String recorded, String reason) {
        Widen.Result r = Loops.widen(recorded);
        assertFalse(r.vectorized(), "widened although it must not be:\n" + r.vector());
        assertEquals(reason, r.reason());
    }

    /**
     * Int sum: the vector loop starts at iteration 1, after only the preamble's invariant part
     * (array fields and their guards, which now resume at the header in the entry state: nothing
     * has run yet); partials in a vector, folded at each group's start for the exits' snapshots
     * (r3); the exit test holds for lanes 0 and 7; the view's stride is checked once to be 1;
     * every exit resumes at the loop header (main@10), where the scalar version continues, except
     * the exit test for lane 0: the version would fail that test at once, so it exits to
     * the interpreter directly (the loop's normal end calls no version).
     */
    @Test
    void intSum() {
        assertWidened(Loops.INT_SUM, INT_SUM_WIDENED);
        Widen.Result r = Loops.widen(Loops.INT_SUM);
        assertEquals(java.util.List.of(1, 2, 4, 9, 10, 12, 21), java.util.List.copyOf(r.versionExits().keySet()));
    }

    static final String INT_SUM_WIDENED = """
            [p0: ref, i1: int, i2: int, i3: int]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int64) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i1, i5) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            b9 = int_le(i2, i5)
            guard_true(b9) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_value(i8, 1) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            b10 = int_le(i2, 9223372036854775800)
            guard_true(b10) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            v11 = vec_splat_i64(0)
            label(i1, p0, i2, p6, i7, i8, v11, i3) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            i12 = vec_reduce_add_i64(v11)
            i13 = int_add(i3, i12)
            i14 = int_add(i1, 7)
            b15 = int_lt(i1, i2)
            guard_true(b15) [main@10: r0=p0 r1=i1 r2=i2 r3=i13]
            b16 = int_lt(i14, i2)
            guard_true(b16) [main@10: r0=p0 r1=i1 r2=i2 r3=i13]
            i17 = int_add(i7, i1)
            v18 = vec_load_i64(p6, i17)
            v19 = vec_add(v11, v18)
            i20 = int_add(i1, 8)
            jump(i20, p0, i2, p6, i7, i8, v19, i3)
            """;

    /**
     * {@code acc = _minimum(acc, a[i])} over int64 (the prelude's min(a)): a reduction like the sum,
     * with partials at the identity (the largest int64), vec_minimum per group and the fold by
     * int_minimum of the entry value and the lanes' minimum.
     */
    @Test
    void intMinIsAReduction() {
        assertWidened(Loops.INT_MIN, INT_MIN_WIDENED);
        assertWidened(Loops.INT_MAX,
                        INT_MIN_WIDENED.replace("9223372036854775807", "-9223372036854775808").replace("vec_reduce_min_i64", "vec_reduce_max_i64")
                                        .replace("int_minimum", "int_maximum").replace("vec_minimum(v11, v18)", "vec_maximum(v11, v18)"));
    }

    static final String INT_MIN_WIDENED = """
            [p0: ref, i1: int, i2: int, i3: int]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int64) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i1, i5) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            b9 = int_le(i2, i5)
            guard_true(b9) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_value(i8, 1) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            b10 = int_le(i2, 9223372036854775800)
            guard_true(b10) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            v11 = vec_splat_i64(9223372036854775807)
            label(i1, p0, i2, p6, i7, i8, v11, i3) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            i12 = vec_reduce_min_i64(v11)
            i13 = int_minimum(i3, i12)
            i14 = int_add(i1, 7)
            b15 = int_lt(i1, i2)
            guard_true(b15) [main@10: r0=p0 r1=i1 r2=i2 r3=i13]
            b16 = int_lt(i14, i2)
            guard_true(b16) [main@10: r0=p0 r1=i1 r2=i2 r3=i13]
            i17 = int_add(i7, i1)
            v18 = vec_load_i64(p6, i17)
            v19 = vec_minimum(v11, v18)
            i20 = int_add(i1, 8)
            jump(i20, p0, i2, p6, i7, i8, v19, i3)
            """;

    /**
     * Unrolled by two (what small bodies get by default, Widen.UNROLL): one iteration runs two
     * groups one after the other, the second's load 8 elements on; the bounds are checked once,
     * for the last lane of the second group (i + 15); each group has its own partials vector (two
     * dependency chains), added together where the exits fold them; the loop steps by 16. The exits and their snapshots are those of one group.
     */
    @Test
    void intSumUnrolledTwice() {
        Trace rec = TraceText.parse(Loops.INT_SUM);
        Widen.Result r = Widen.apply(dev.vecl.trace.opt.Pipeline.standard().apply(rec), Loops.inputRegisters(rec), 2);
        assertTrue(r.vectorized(), r.reason());
        assertTrue(r.reason().endsWith(" unroll=2"), r.reason());
        assertEquals(INT_SUM_UNROLLED, TraceText.print(r.vector()));
        assertEquals(java.util.List.of(1, 2, 4, 9, 10, 12, 23), java.util.List.copyOf(r.versionExits().keySet()));
    }

    static final String INT_SUM_UNROLLED = """
            [p0: ref, i1: int, i2: int, i3: int]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int64) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i1, i5) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            b9 = int_le(i2, i5)
            guard_true(b9) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_value(i8, 1) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            b10 = int_le(i2, 9223372036854775792)
            guard_true(b10) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            v11 = vec_splat_i64(0)
            v12 = vec_splat_i64(0)
            label(i1, p0, i2, p6, i7, i8, v11, v12, i3) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            v13 = vec_add(v11, v12)
            i14 = vec_reduce_add_i64(v13)
            i15 = int_add(i3, i14)
            i16 = int_add(i1, 15)
            b17 = int_lt(i1, i2)
            guard_true(b17) [main@10: r0=p0 r1=i1 r2=i2 r3=i15]
            b18 = int_lt(i16, i2)
            guard_true(b18) [main@10: r0=p0 r1=i1 r2=i2 r3=i15]
            i19 = int_add(i7, i1)
            v20 = vec_load_i64(p6, i19)
            v21 = vec_add(v11, v20)
            i22 = int_add(i19, 8)
            v23 = vec_load_i64(p6, i22)
            v24 = vec_add(v12, v23)
            i25 = int_add(i1, 16)
            jump(i25, p0, i2, p6, i7, i8, v21, v24, i3)
            """;

    @Test
    void w2() {
        assertWidened(Loops.W2, W2_WIDENED);
    }

    static final String W2_WIDENED = """
            [p0: ref, p1: ref, p2: ref, i3: int, i4: int, f5: float]
            b6 = int_lt(i3, i4)
            guard_true(b6) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_class(p0, cls=array.float64) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i7 = arraylen(p0)
            guard_index(i3, i7) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p8 = array_storage(p0)
            i9 = array_offset(p0)
            i10 = array_stride(p0)
            guard_class(p1, cls=array.float64) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i11 = arraylen(p1)
            guard_index(i3, i11) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p12 = array_storage(p1)
            i13 = array_offset(p1)
            i14 = array_stride(p1)
            guard_class(p2, cls=array.float64) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i15 = arraylen(p2)
            guard_index(i3, i15) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p16 = array_storage(p2)
            i17 = array_offset(p2)
            i18 = array_stride(p2)
            b19 = int_le(i4, i7)
            guard_true(b19) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b20 = int_le(i4, i11)
            guard_true(b20) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b21 = int_le(i4, i15)
            guard_true(b21) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_value(i10, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_value(i14, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_value(i18, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b22 = int_le(i4, 9223372036854775800)
            guard_true(b22) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i23 = int_sub(i17, i9)
            b24 = int_eq(i23, 0)
            b25 = int_ge(i23, 8)
            b26 = int_le(i23, -8)
            b27 = bool_or(b25, b26)
            b28 = bool_or(b24, b27)
            b29 = ref_eq(p8, p16)
            b30 = bool_not(b29)
            b31 = bool_or(b30, b28)
            guard_true(b31) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i32 = int_sub(i17, i13)
            b33 = int_eq(i32, 0)
            b34 = int_ge(i32, 8)
            b35 = int_le(i32, -8)
            b36 = bool_or(b34, b35)
            b37 = bool_or(b33, b36)
            b38 = ref_eq(p12, p16)
            b39 = bool_not(b38)
            b40 = bool_or(b39, b37)
            guard_true(b40) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            v41 = vec_splat_f64(f5)
            label(i3, p0, p1, p2, i4, f5, p8, i9, i10, p12, i13, i14, p16, i17, i18, v41) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i42 = int_add(i3, 7)
            b43 = int_lt(i3, i4)
            guard_true(b43) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b44 = int_lt(i42, i4)
            guard_true(b44) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i45 = int_add(i9, i3)
            i46 = int_add(i13, i3)
            i47 = int_add(i17, i3)
            v48 = vec_load_f64(p8, i45)
            v49 = vec_load_f64(p12, i46)
            v50 = vec_mul(v49, v41)
            v51 = vec_add(v48, v50)
            vec_store_f64(p16, i47, v51)
            i52 = int_add(i3, 8)
            jump(i52, p0, p1, p2, i4, f5, p8, i9, i10, p12, i13, i14, p16, i17, i18, v41)
            """;

    @Test
    void floatSumInProgramOrderIsRefused() {
        assertRefused(Loops.FLOAT_SUM, "float reduction in program order");
    }

    /** {@code a[i + 1] = a[i] * 2}: each iteration reads what the previous one wrote (distance 1 < 8 lanes). */
    @Test
    void loopCarriedDependenceThroughOneViewIsRefused() {
        assertRefused(SHIFT.replace("OFFSET", "1"), "loop-carried dependence (distance 1)");
    }

    /** {@code a[i + 8] = a[i] * 2}: a whole group apart, so widening is safe. */
    @Test
    void dependenceAGroupApartIsWidened() {
        assertTrue(Loops.widen(SHIFT.replace("OFFSET", "8")).vectorized());
    }

    /** {@code a[i] = a[i] * 2}: distance 0, lanes keep program order. */
    @Test
    void sameElementInPlaceIsWidened() {
        assertTrue(Loops.widen(SHIFT.replace("OFFSET", "0")).vectorized());
    }

    static final String SHIFT = """
            [p0: ref, i1: int, i2: int]
            label(p0, i1, i2) [main@10: r0=p0 r1=i1 r2=i2]
            b3 = int_lt(i1, i2)
            guard_true(b3) [main@10: r0=p0 r1=i1 r2=i2]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=i1 r2=i2]
            i4 = arraylen(p0)
            guard_index(i1, i4) [main@14: r0=p0 r1=i1 r2=i2]
            p5 = array_storage(p0)
            i6 = array_offset(p0)
            i7 = array_stride(p0)
            i8 = int_mul(i1, i7)
            i9 = int_add(i6, i8)
            f10 = getarrayitem_f64(p5, i9)
            f11 = float_mul(f10, 2.0)
            i12 = int_add(i1, OFFSET)
            guard_index(i12, i4) [main@18: r0=p0 r1=i1 r2=i2 r3=f11]
            i13 = int_mul(i12, i7)
            i14 = int_add(i6, i13)
            setarrayitem_f64(p5, i14, f11)
            i15 = int_add(i1, 1)
            jump(p0, i15, i2)
            """;

    /** {@code b[2 * i] = ...}: the store is not contiguous. */
    @Test
    void constantStrideTwoIsRefused() {
        String t = Loops.W4.replace("i20 = int_mul(i2, i19)", "i60 = int_mul(i2, 2)\ni20 = int_mul(i60, i19)").replace("guard_index(i2, i16)", "guard_index(i60, i16)");
        t = t.replace("i60 = int_mul(i2, 2)\ni20", "i20").replace("guard_index(i60, i16)", "i60 = int_mul(i2, 2)\nguard_index(i60, i16)");
        assertRefused(t, "index not affine in the induction variable");
    }

    /** {@code if a[i] > 0: ...}: the comparison widens to a mask, but a guard on it would end the group for some lanes only. */
    @Test
    void dataDependentGuardIsRefused() {
        String t = Loops.W4.replace("s12 = f32_mul(s11, 0.5f)", "b60 = f32_gt(s11, 0.0f)\nguard_true(b60) [main@15: r0=p0 r1=p1 r2=i2 r3=i3]\ns12 = f32_mul(s11, 0.5f)");
        assertRefused(t, "data-dependent guard (guard_true)");
    }

    /**
     * A long body: its 100 constants are splatted in the loop, not hoisted (more than the machine
     * has vector registers), and every 256 widened ops the vectors needed later (a[i], the chain's
     * current value) go through a scratch array, so the backend compiles the body in parts.
     */
    @Test
    void longBodyIsCut() {
        Widen.Result r = Loops.widen(Loops.LONG_CHAIN);
        assertTrue(r.vectorized(), r.reason());
        String text = TraceText.print(r.vector());
        String loop = text.substring(text.indexOf("\nlabel("));
        // nothing is hoisted in a body long enough to be cut: the invariant is splatted again after the cut
        assertEquals(2, count(loop, "vec_splat_f64(f5)"), text);
        assertEquals(0, count(text.substring(0, text.indexOf("\nlabel(")), "vec_splat"), text);
        assertTrue(loop.contains("vec_splat_f64(1.03125)"), "constants are splatted in the loop");
        // 402 widened ops: cuts after 256 (and not again); a[i] and the chain value cross it, each in its own slot,
        // both stored before either is loaded (no vector is live in between: the backend may start a part there)
        assertTrue(loop.contains("""
                vec_store_f64($scratch.f64x8, 0, v47)
                vec_store_f64($scratch.f64x8, 8, v352)
                v353 = vec_load_f64($scratch.f64x8, 0)
                v354 = vec_load_f64($scratch.f64x8, 8)
                v355 = vec_splat_f64(f5)
                """), text);
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** where's element step: the comparison's mask blends the two loaded vectors. */
    @Test
    void selectIsABlend() {
        Widen.Result r = Loops.widen(Loops.SELECT64);
        assertTrue(r.vectorized(), r.reason());
        String text = TraceText.print(r.vector());
        assertTrue(text.contains("m50 = vec_lt(v48, v41)\nv51 = vec_select(m50, v48, v49)\nvec_store_f64(p16, i47, v51)"), text);
    }

    /** Masks of float64 and int64 lanes are different Vector API classes: combining them is refused, not converted. */
    @Test
    void masksOfTwoElementTypesAreRefused() {
        assertRefused(Loops.MIXED_MASKS, "masks of different element types combined (mf64x8 with mi64x8)");
    }

    /** A comparison stored into a bool array: the operands' lanes decide the mask type (16 float32 lanes). */
    @Test
    void comparisonIntoBoolArray() {
        assertWidened(Loops.CMP32, CMP32_WIDENED);
    }

    static final String CMP32_WIDENED = """
            [p0: ref, p1: ref, i2: int, i3: int]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float32) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            guard_class(p1, cls=array.bool) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            i9 = arraylen(p1)
            guard_index(i2, i9) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            p10 = array_storage(p1)
            i11 = array_offset(p1)
            i12 = array_stride(p1)
            b13 = int_le(i3, i5)
            guard_true(b13) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b14 = int_le(i3, i9)
            guard_true(b14) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_value(i8, 1) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_value(i12, 1) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b15 = int_le(i3, 9223372036854775792)
            guard_true(b15) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            v16 = vec_splat_f32(0.5f)
            v17 = vec_splat_f32(1.0f)
            label(i2, p0, p1, i3, p6, i7, i8, p10, i11, i12, v16, v17) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            i18 = int_add(i2, 15)
            b19 = int_lt(i2, i3)
            guard_true(b19) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b20 = int_lt(i18, i3)
            guard_true(b20) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            i21 = int_add(i7, i2)
            i22 = int_add(i11, i2)
            v23 = vec_load_f32(p6, i21)
            v24 = vec_mul(v23, v16)
            m25 = vec_lt(v24, v17)
            vec_store_bool(p10, i22, m25)
            i26 = int_add(i2, 16)
            jump(i26, p0, p1, i3, p6, i7, i8, p10, i11, i12, v16, v17)
            """;

    /**
     * Bool loads, and/or/not and a bool store: the bool array's elements take the float64 mask
     * type of the comparison they are combined with; the splat of k is a float64 vector, the two
     * bool views (b read, c written) may share storage, so their distance is checked at entry.
     */
    @Test
    void masksCombined() {
        assertWidened(Loops.MASKS64, MASKS64_WIDENED);
    }

    static final String MASKS64_WIDENED = """
            [p0: ref, p1: ref, p2: ref, i3: int, i4: int, f5: float]
            b6 = int_lt(i3, i4)
            guard_true(b6) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_class(p0, cls=array.float64) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i7 = arraylen(p0)
            guard_index(i3, i7) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p8 = array_storage(p0)
            i9 = array_offset(p0)
            i10 = array_stride(p0)
            guard_class(p1, cls=array.bool) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i11 = arraylen(p1)
            guard_index(i3, i11) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p12 = array_storage(p1)
            i13 = array_offset(p1)
            i14 = array_stride(p1)
            guard_class(p2, cls=array.bool) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i15 = arraylen(p2)
            guard_index(i3, i15) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p16 = array_storage(p2)
            i17 = array_offset(p2)
            i18 = array_stride(p2)
            b19 = int_le(i4, i7)
            guard_true(b19) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b20 = int_le(i4, i11)
            guard_true(b20) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b21 = int_le(i4, i15)
            guard_true(b21) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_value(i10, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_value(i14, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_value(i18, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b22 = int_le(i4, 9223372036854775800)
            guard_true(b22) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i23 = int_sub(i17, i13)
            b24 = int_eq(i23, 0)
            b25 = int_ge(i23, 8)
            b26 = int_le(i23, -8)
            b27 = bool_or(b25, b26)
            b28 = bool_or(b24, b27)
            b29 = ref_eq(p12, p16)
            b30 = bool_not(b29)
            b31 = bool_or(b30, b28)
            guard_true(b31) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            v32 = vec_splat_f64(f5)
            label(i3, p0, p1, p2, i4, f5, p8, i9, i10, p12, i13, i14, p16, i17, i18, v32) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i33 = int_add(i3, 7)
            b34 = int_lt(i3, i4)
            guard_true(b34) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b35 = int_lt(i33, i4)
            guard_true(b35) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i36 = int_add(i9, i3)
            i37 = int_add(i13, i3)
            i38 = int_add(i17, i3)
            v39 = vec_load_f64(p8, i36)
            m40 = vec_load_mf64(p12, i37)
            m41 = vec_lt(v39, v32)
            m42 = vec_and(m41, m40)
            m43 = vec_ne(v39, v39)
            m44 = vec_or(m42, m43)
            m45 = vec_not(m44)
            vec_store_bool(p16, i38, m45)
            i46 = int_add(i3, 8)
            jump(i46, p0, p1, p2, i4, f5, p8, i9, i10, p12, i13, i14, p16, i17, i18, v32)
            """;

    /** A call (here math.sin) has no vector form yet. */
    @Test
    void unsupportedOpIsRefused() {
        String t = Loops.W4.replace("s12 = f32_mul(s11, 0.5f)", "s12 = call_pure_s(s11, fn=sin) [main@15: r0=p0 r1=p1 r2=i2 r3=i3]");
        assertRefused(t, "unsupported op call_pure_s");
    }

    /** Mixed float32 and float64 data would need conversions between 16- and 8-lane groups. */
    @Test
    void mixedLaneCountsAreRefused() {
        String t = Loops.W4.replace("s13 = f32_add(s12, 1.0f)", "f60 = cast_f32_to_float(s12)\ns13 = cast_float_to_f32(f60)");
        assertRefused(t, "unsupported op cast_f32_to_float");
    }

    /** A loop using i as data ({@code b[i] = i * 0.5}) is not widened in this slice (it needs an iota vector). */
    @Test
    void inductionVariableAsDataIsRefused() {
        String t = Loops.W4.replace("s12 = f32_mul(s11, 0.5f)", "s60 = cast_int_to_f32(i2)\ns12 = f32_mul(s60, 0.5f)");
        assertRefused(t, "induction variable used as data (cast_int_to_f32)");
    }
}
