package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class BoundsHoistTest {
    private final Pass pass = new BoundsHoist();

    @Test
    void hoistsTheBoundsCheckOfACountingLoop() {
        // for i in range(m): s = s + a[i]   (after peeling: n = len(a) and m are loop invariants)
        assertPass(pass, """
                [p0: ref, i1: int, i2: int, f3: float]
                i4 = arraylen(p0)
                p5 = array_storage(p0)
                label(p0, i1, i2, f3, i4, p5) [f@3: r0=p0 r1=i1 r2=i2 r3=f3]
                b6 = int_lt(i1, i2)
                guard_true(b6) [f@4: r0=p0 r1=i1 r2=i2 r3=f3]
                guard_index(i1, i4) [f@6: r0=p0 r1=i1 r2=i2 r3=f3]
                f7 = getarrayitem_f64(p5, i1)
                f8 = float_add(f3, f7)
                i9 = int_add(i1, 1)
                jump(p0, i9, i2, f8, i4, p5)
                """, """
                [p0: ref, i1: int, i2: int, f3: float]
                i4 = arraylen(p0)
                p5 = array_storage(p0)
                i10 = int_add(i4, 1)
                guard_index(i1, i10) [f@3: r0=p0 r1=i1 r2=i2 r3=f3]
                b11 = int_le(i2, i4)
                guard_true(b11) [f@3: r0=p0 r1=i1 r2=i2 r3=f3]
                label(p0, i1, i2, f3, i4, p5) [f@3: r0=p0 r1=i1 r2=i2 r3=f3]
                b6 = int_lt(i1, i2)
                guard_true(b6) [f@4: r0=p0 r1=i1 r2=i2 r3=f3]
                f7 = getarrayitem_f64(p5, i1)
                f8 = float_add(f3, f7)
                i9 = int_add(i1, 1)
                jump(p0, i9, i2, f8, i4, p5)
                """);
    }

    @Test
    void offsetsOnIndexAndExitTest() {
        // while i + 1 < m: x = a[i + 2]  ->  -2 <= i0 <= n - 2  and  m <= n - 1
        assertPass(pass, """
                [p0: ref, i1: int, i2: int]
                i3 = arraylen(p0)
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1 r2=i2]
                i4 = int_add(i1, 1)
                b5 = int_lt(i4, i2)
                guard_true(b5) [f@1: r0=p0 r1=i1 r2=i2]
                i6 = int_add(i1, 2)
                guard_index(i6, i3) [f@2: r0=p0 r1=i1 r2=i2]
                jump(p0, i4, i2, i3)
                """, """
                [p0: ref, i1: int, i2: int]
                i3 = arraylen(p0)
                i7 = int_add(i1, 2)
                i8 = int_add(i3, 1)
                guard_index(i7, i8) [f@0: r0=p0 r1=i1 r2=i2]
                i9 = int_add(i3, -1)
                b10 = int_le(i2, i9)
                guard_true(b10) [f@0: r0=p0 r1=i1 r2=i2]
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1 r2=i2]
                i4 = int_add(i1, 1)
                b5 = int_lt(i4, i2)
                guard_true(b5) [f@1: r0=p0 r1=i1 r2=i2]
                i6 = int_add(i1, 2)
                jump(p0, i4, i2, i3)
                """);
    }

    @Test
    void notWhenTheExitTestComesAfterTheAccess() {
        // the last iteration reads a[i] before testing i < m: the body guard protects that read
        assertUnchanged(pass, """
                [p0: ref, i1: int, i2: int, i3: int]
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1 r2=i2]
                guard_index(i1, i3) [f@1: r0=p0 r1=i1 r2=i2]
                b4 = int_lt(i1, i2)
                guard_true(b4) [f@2: r0=p0 r1=i1 r2=i2]
                i5 = int_add(i1, 1)
                jump(p0, i5, i2, i3)
                """);
    }

    @Test
    void notWhenTheLengthVariesOrIsNotALengthOrTheStepIsNotOne() {
        assertUnchanged(pass, """
                [p0: ref, i1: int, i2: int, i3: int]
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1 r2=i2]
                b4 = int_lt(i1, i2)
                guard_true(b4) [f@1: r0=p0 r1=i1 r2=i2]
                i5 = list_len(p0)
                guard_index(i1, i5) [f@2: r0=p0 r1=i1 r2=i2]
                guard_index(i1, i3) [f@3: r0=p0 r1=i1 r2=i2]
                i6 = int_add(i1, 2)
                jump(p0, i6, i2, i3)
                """);
        assertUnchanged(pass, """
                [p0: ref, i1: int, i2: int]
                i3 = arraylen(p0)
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1 r2=i2]
                b4 = int_lt(i1, i2)
                guard_true(b4) [f@1: r0=p0 r1=i1 r2=i2]
                i5 = list_len(p0)
                guard_index(i1, i5) [f@2: r0=p0 r1=i1 r2=i2]
                i6 = int_add(i1, 1)
                jump(p0, i6, i2, i3)
                """);
    }
}
