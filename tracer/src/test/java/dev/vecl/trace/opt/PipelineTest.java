package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vecl.trace.ir.TraceText;

class PipelineTest {

    /** What a recorder gives for {@code for i in range(m): b[i] = a[i] * 2.5} over float64 arrays. */
    private static final String MAP_LOOP = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i2, i8)
            i10 = int_add(i7, i9)
            f11 = getarrayitem_f64(p6, i10)
            f12 = float_mul(f11, 2.5)
            guard_class(p1, cls=array.float64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
            i13 = arraylen(p1)
            guard_index(i2, i13) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
            p14 = array_storage(p1)
            i15 = array_offset(p1)
            i16 = array_stride(p1)
            i17 = int_mul(i2, i16)
            i18 = int_add(i15, i17)
            setarrayitem_f64(p14, i18, f12)
            i19 = int_add(i2, 1)
            jump(p0, p1, i19, i3)
            """;

    /**
     * The preamble runs iteration one with all its guards; the hoisted range checks on i + 1 are
     * implied by the preamble's own (0 <= i < len implies 0 <= i + 1 < len + 1), so only "m <= len"
     * remains for each array; the loop has no guard but its exit test.
     */
    @Test
    void mapLoopKeepsOnlyTheWorkOfOneElementInTheLoop() {
        assertPass(Pipeline.standard(), MAP_LOOP, """
                [p0: ref, p1: ref, i2: int, i3: int]
                b4 = int_lt(i2, i3)
                guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
                guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
                i5 = arraylen(p0)
                guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
                p6 = array_storage(p0)
                i7 = array_offset(p0)
                i8 = array_stride(p0)
                i9 = int_mul(i2, i8)
                i10 = int_add(i7, i9)
                f11 = getarrayitem_f64(p6, i10)
                f12 = float_mul(f11, 2.5)
                guard_class(p1, cls=array.float64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
                i13 = arraylen(p1)
                guard_index(i2, i13) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
                p14 = array_storage(p1)
                i15 = array_offset(p1)
                i16 = array_stride(p1)
                i17 = int_mul(i2, i16)
                i18 = int_add(i15, i17)
                setarrayitem_f64(p14, i18, f12)
                i19 = int_add(i2, 1)
                b20 = int_le(i3, i5)
                guard_true(b20) [main@10: r0=p0 r1=p1 r2=i19 r3=i3]
                b21 = int_le(i3, i13)
                guard_true(b21) [main@10: r0=p0 r1=p1 r2=i19 r3=i3]
                label(i19, p0, p1, i3, p6, i7, i8, p14, i15, i16) [main@10: r0=p0 r1=p1 r2=i19 r3=i3]
                b22 = int_lt(i19, i3)
                guard_true(b22) [main@10: r0=p0 r1=p1 r2=i19 r3=i3]
                i23 = int_mul(i19, i8)
                i24 = int_add(i7, i23)
                f25 = getarrayitem_f64(p6, i24)
                f26 = float_mul(f25, 2.5)
                i27 = int_mul(i19, i16)
                i28 = int_add(i15, i27)
                setarrayitem_f64(p14, i28, f26)
                i29 = int_add(i19, 1)
                jump(i29, p0, p1, i3, p6, i7, i8, p14, i15, i16)
                """);
    }

    /** MAP_LOOP as the recorder gives it for contiguous input arrays: it guards each stride to 1 and indexes with offset + i. */
    private static final String MAP_LOOP_CONTIGUOUS = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            guard_value(i8, 1) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i9 = int_add(i7, i2)
            f10 = getarrayitem_f64(p6, i9)
            f11 = float_mul(f10, 2.5)
            guard_class(p1, cls=array.float64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
            i12 = arraylen(p1)
            guard_index(i2, i12) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
            p13 = array_storage(p1)
            i14 = array_offset(p1)
            i15 = array_stride(p1)
            guard_value(i15, 1) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
            i16 = int_add(i14, i2)
            setarrayitem_f64(p13, i16, f11)
            i17 = int_add(i2, 1)
            jump(p0, p1, i17, i3)
            """;

    /**
     * The stride guards run once, in the preamble (the arrays are loop invariants); the loop's
     * index is offset + i, with no multiply by the stride, and the stride is no loop variable.
     */
    @Test
    void contiguousMapLoopIndexesWithoutMultiply() {
        assertPass(Pipeline.standard(), MAP_LOOP_CONTIGUOUS, """
                [p0: ref, p1: ref, i2: int, i3: int]
                b4 = int_lt(i2, i3)
                guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
                guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
                i5 = arraylen(p0)
                guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
                p6 = array_storage(p0)
                i7 = array_offset(p0)
                i8 = array_stride(p0)
                guard_value(i8, 1) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
                i9 = int_add(i7, i2)
                f10 = getarrayitem_f64(p6, i9)
                f11 = float_mul(f10, 2.5)
                guard_class(p1, cls=array.float64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
                i12 = arraylen(p1)
                guard_index(i2, i12) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
                p13 = array_storage(p1)
                i14 = array_offset(p1)
                i15 = array_stride(p1)
                guard_value(i15, 1) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
                i16 = int_add(i14, i2)
                setarrayitem_f64(p13, i16, f11)
                i17 = int_add(i2, 1)
                b18 = int_le(i3, i5)
                guard_true(b18) [main@10: r0=p0 r1=p1 r2=i17 r3=i3]
                b19 = int_le(i3, i12)
                guard_true(b19) [main@10: r0=p0 r1=p1 r2=i17 r3=i3]
                label(i17, p0, p1, i3, p6, i7, p13, i14) [main@10: r0=p0 r1=p1 r2=i17 r3=i3]
                b20 = int_lt(i17, i3)
                guard_true(b20) [main@10: r0=p0 r1=p1 r2=i17 r3=i3]
                i21 = int_add(i7, i17)
                f22 = getarrayitem_f64(p6, i21)
                f23 = float_mul(f22, 2.5)
                i24 = int_add(i14, i17)
                setarrayitem_f64(p13, i24, f23)
                i25 = int_add(i17, 1)
                jump(i25, p0, p1, i3, p6, i7, p13, i14)
                """);
    }

    @Test
    void observerSeesEveryPassAndTheResultParsesBack() {
        List<String> seen = new ArrayList<>();
        var out = Pipeline.standard().observe((name, t) -> seen.add(name)).apply(TraceText.parse(MAP_LOOP));
        assertEquals(15, seen.size());
        assertEquals("LoopPeel", seen.get(5));
        assertEquals(TraceText.print(out), TraceText.print(TraceText.parse(TraceText.print(out))));
    }
}
