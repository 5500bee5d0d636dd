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
     * Int sum: partials in a vector, folded at each group's start for the exits' snapshots (r3);
     * the exit test holds for lanes 0 and 7; the view's stride is checked once to be 1; every
     * exit after the preamble resumes at the loop header (main@10), where the scalar version
     * continues, except the exit test for lane 0 (op 24): the version would fail that test at once,
     * so it exits to the interpreter directly (the loop's normal end calls no version).
     */
    @Test
    void intSum() {
        assertWidened(Loops.INT_SUM, INT_SUM_WIDENED);
        Widen.Result r = Loops.widen(Loops.INT_SUM);
        assertEquals(java.util.List.of(15, 17, 26), java.util.List.copyOf(r.versionExits().keySet()));
    }

    static final String INT_SUM_WIDENED = """
            [p0: ref, i1: int, i2: int, i3: int]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int64) [main@14: r0=p0 r1=i1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i1, i5) [main@14: r0=p0 r1=i1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i1, i8)
            i10 = int_add(i7, i9)
            i11 = getarrayitem_i64(p6, i10)
            i12 = int_add(i3, i11)
            i13 = int_add(i1, 1)
            b14 = int_le(i2, i5)
            guard_true(b14) [main@10: r0=p0 r1=i13 r2=i2 r3=i12]
            guard_value(i8, 1) [main@10: r0=p0 r1=i13 r2=i2 r3=i12]
            b15 = int_le(i2, 9223372036854775800)
            guard_true(b15) [main@10: r0=p0 r1=i13 r2=i2 r3=i12]
            v16 = vec_splat_i64(0)
            label(i13, p0, i2, p6, i7, i8, v16, i12) [main@10: r0=p0 r1=i13 r2=i2 r3=i12]
            i17 = vec_reduce_add_i64(v16)
            i18 = int_add(i12, i17)
            i19 = int_add(i13, 7)
            b20 = int_lt(i13, i2)
            guard_true(b20) [main@10: r0=p0 r1=i13 r2=i2 r3=i18]
            b21 = int_lt(i19, i2)
            guard_true(b21) [main@10: r0=p0 r1=i13 r2=i2 r3=i18]
            i22 = int_add(i7, i13)
            v23 = vec_load_i64(p6, i22)
            v24 = vec_add(v16, v23)
            i25 = int_add(i13, 8)
            jump(i25, p0, i2, p6, i7, i8, v24, i12)
            """;

    @Test
    void w2() {
        assertWidened(Loops.W2, W2_WIDENED);
    }

    static final String W2_WIDENED = """
            [p0: ref, p1: ref, p2: ref, i3: int, i4: int, f5: float]
            b6 = int_lt(i3, i4)
            guard_true(b6) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i7 = arraylen(p0)
            guard_index(i3, i7) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p8 = array_storage(p0)
            i9 = array_offset(p0)
            i10 = array_stride(p0)
            i11 = int_mul(i3, i10)
            i12 = int_add(i9, i11)
            f13 = getarrayitem_f64(p8, i12)
            guard_class(p1, cls=array.float64) [main@16: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f13]
            i14 = arraylen(p1)
            guard_index(i3, i14) [main@16: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f13]
            p15 = array_storage(p1)
            i16 = array_offset(p1)
            i17 = array_stride(p1)
            i18 = int_mul(i3, i17)
            i19 = int_add(i16, i18)
            f20 = getarrayitem_f64(p15, i19)
            f21 = float_mul(f20, f5)
            f22 = float_add(f13, f21)
            guard_class(p2, cls=array.float64) [main@20: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f22]
            i23 = arraylen(p2)
            guard_index(i3, i23) [main@20: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f22]
            p24 = array_storage(p2)
            i25 = array_offset(p2)
            i26 = array_stride(p2)
            i27 = int_mul(i3, i26)
            i28 = int_add(i25, i27)
            setarrayitem_f64(p24, i28, f22)
            i29 = int_add(i3, 1)
            b30 = int_le(i4, i7)
            guard_true(b30) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            b31 = int_le(i4, i14)
            guard_true(b31) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            b32 = int_le(i4, i23)
            guard_true(b32) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            guard_value(i10, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            guard_value(i17, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            guard_value(i26, 1) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            b33 = int_le(i4, 9223372036854775800)
            guard_true(b33) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            i34 = int_sub(i25, i9)
            b35 = int_eq(i34, 0)
            b36 = int_ge(i34, 8)
            b37 = int_le(i34, -8)
            b38 = bool_or(b36, b37)
            b39 = bool_or(b35, b38)
            b40 = ref_eq(p8, p24)
            b41 = bool_not(b40)
            b42 = bool_or(b41, b39)
            guard_true(b42) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            i43 = int_sub(i25, i16)
            b44 = int_eq(i43, 0)
            b45 = int_ge(i43, 8)
            b46 = int_le(i43, -8)
            b47 = bool_or(b45, b46)
            b48 = bool_or(b44, b47)
            b49 = ref_eq(p15, p24)
            b50 = bool_not(b49)
            b51 = bool_or(b50, b48)
            guard_true(b51) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            v52 = vec_splat_f64(f5)
            label(i29, p0, p1, p2, i4, f5, p8, i9, i10, p15, i16, i17, p24, i25, i26, v52) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            i53 = int_add(i29, 7)
            b54 = int_lt(i29, i4)
            guard_true(b54) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            b55 = int_lt(i53, i4)
            guard_true(b55) [main@10: r0=p0 r1=p1 r2=p2 r3=i29 r4=i4 r5=f5]
            i56 = int_add(i9, i29)
            i57 = int_add(i16, i29)
            i58 = int_add(i25, i29)
            v59 = vec_load_f64(p8, i56)
            v60 = vec_load_f64(p15, i57)
            v61 = vec_mul(v60, v52)
            v62 = vec_add(v59, v61)
            vec_store_f64(p24, i58, v62)
            i63 = int_add(i29, 8)
            jump(i63, p0, p1, p2, i4, f5, p8, i9, i10, p15, i16, i17, p24, i25, i26, v52)
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

    /** {@code if a[i] > 0: ...}: a guard on loaded data would need masks. */
    @Test
    void dataDependentGuardIsRefused() {
        String t = Loops.W4.replace("s12 = f32_mul(s11, 0.5f)", "b60 = f32_gt(s11, 0.0f)\nguard_true(b60) [main@15: r0=p0 r1=p1 r2=i2 r3=i3]\ns12 = f32_mul(s11, 0.5f)");
        assertRefused(t, "unsupported op f32_gt");
    }

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
