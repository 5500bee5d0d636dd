package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class LoopPeelTest {
    private final Pass pass = new LoopPeel();

    @Test
    void invariantWorkAndGuardsRunOnceInThePreamble() {
        // a[i] = a[i] * 2.0 while i < m: the class guard, the length and the storage are computed once;
        // the loop carries them as label variables after the carried counter
        assertPass(pass, """
                [p0: ref, i1: int, i2: int]
                label(p0, i1, i2) [f@0: r0=p0 r1=i1 r2=i2]
                guard_class(p0, cls=array.float64) [f@1: r0=p0 r1=i1 r2=i2]
                b3 = int_lt(i1, i2)
                guard_true(b3) [f@2: r0=p0 r1=i1 r2=i2]
                i4 = arraylen(p0)
                guard_index(i1, i4) [f@3: r0=p0 r1=i1 r2=i2]
                p5 = array_storage(p0)
                f6 = getarrayitem_f64(p5, i1)
                f7 = float_mul(f6, 2.0)
                setarrayitem_f64(p5, i1, f7)
                i8 = int_add(i1, 1)
                jump(p0, i8, i2)
                """, """
                [p0: ref, i1: int, i2: int]
                guard_class(p0, cls=array.float64) [f@1: r0=p0 r1=i1 r2=i2]
                b3 = int_lt(i1, i2)
                guard_true(b3) [f@2: r0=p0 r1=i1 r2=i2]
                i4 = arraylen(p0)
                guard_index(i1, i4) [f@3: r0=p0 r1=i1 r2=i2]
                p5 = array_storage(p0)
                f6 = getarrayitem_f64(p5, i1)
                f7 = float_mul(f6, 2.0)
                setarrayitem_f64(p5, i1, f7)
                i8 = int_add(i1, 1)
                label(i8, p0, i2, i4, p5) [f@0: r0=p0 r1=i8 r2=i2]
                b9 = int_lt(i8, i2)
                guard_true(b9) [f@2: r0=p0 r1=i8 r2=i2]
                guard_index(i8, i4) [f@3: r0=p0 r1=i8 r2=i2]
                f10 = getarrayitem_f64(p5, i8)
                f11 = float_mul(f10, 2.0)
                setarrayitem_f64(p5, i8, f11)
                i12 = int_add(i8, 1)
                jump(i12, p0, i2, i4, p5)
                """);
    }

    @Test
    void loadsAndEffectfulCallsAreNotTreatedAsInvariant() {
        // a[0] is read every iteration (the loop stores into a); the call runs every iteration
        assertPass(pass, """
                [p0: ref, i1: int]
                label(p0, i1) [f@0: r0=p0 r1=i1]
                f2 = getarrayitem_f64(p0, 0)
                setarrayitem_f64(p0, i1, f2)
                call_n(p0, fn=tick) [f@1: r0=p0 r1=i1]
                i3 = int_add(i1, 1)
                jump(p0, i3)
                """, """
                [p0: ref, i1: int]
                f2 = getarrayitem_f64(p0, 0)
                setarrayitem_f64(p0, i1, f2)
                call_n(p0, fn=tick) [f@1: r0=p0 r1=i1]
                i3 = int_add(i1, 1)
                label(i3, p0) [f@0: r0=p0 r1=i3]
                f4 = getarrayitem_f64(p0, 0)
                setarrayitem_f64(p0, i3, f4)
                call_n(p0, fn=tick) [f@1: r0=p0 r1=i3]
                i5 = int_add(i3, 1)
                jump(i5, p0)
                """);
    }

    @Test
    void loadsOfMemoryTheLoopNeverWritesAreInvariant() {
        // coefficients read from a float64 array while the loop writes only int64 and list items:
        // c[0] and len(lst) are read once; lst[0] may change (list_setitem), so it is read every time
        assertPass(pass, """
                [p0: ref, p1: ref, p2: ref, i3: int]
                label(p0, p1, p2, i3) [f@0: r0=p0 r1=p1 r2=p2 r3=i3]
                f4 = getarrayitem_f64(p0, 0)
                i5 = list_len(p2)
                b6 = int_lt(i3, i5)
                guard_true(b6) [f@1: r0=p0 r1=p1 r2=p2 r3=i3]
                p7 = list_getitem(p2, 0)
                list_setitem(p2, i3, p7)
                i8 = cast_float_to_int(f4) [f@2: r0=p0 r1=p1 r2=p2 r3=i3]
                setarrayitem_i64(p1, i3, i8)
                i9 = int_add(i3, 1)
                jump(p0, p1, p2, i9)
                """, """
                [p0: ref, p1: ref, p2: ref, i3: int]
                f4 = getarrayitem_f64(p0, 0)
                i5 = list_len(p2)
                b6 = int_lt(i3, i5)
                guard_true(b6) [f@1: r0=p0 r1=p1 r2=p2 r3=i3]
                p7 = list_getitem(p2, 0)
                list_setitem(p2, i3, p7)
                i8 = cast_float_to_int(f4) [f@2: r0=p0 r1=p1 r2=p2 r3=i3]
                setarrayitem_i64(p1, i3, i8)
                i9 = int_add(i3, 1)
                label(i9, p0, p1, p2, i5, i8) [f@0: r0=p0 r1=p1 r2=p2 r3=i9]
                b10 = int_lt(i9, i5)
                guard_true(b10) [f@1: r0=p0 r1=p1 r2=p2 r3=i9]
                p11 = list_getitem(p2, 0)
                list_setitem(p2, i9, p11)
                setarrayitem_i64(p1, i9, i8)
                i12 = int_add(i9, 1)
                jump(i12, p0, p1, p2, i5, i8)
                """);
    }

    @Test
    void aGuardOnAChangingValueStaysInTheLoop() {
        // x = x * 2; guard x < 1000: depends on the carried x, so it is not proved by the preamble
        assertPass(pass, """
                [i0: int]
                label(i0) [f@0: r0=i0]
                i1 = int_mul(i0, 2)
                b2 = int_lt(i1, 1000)
                guard_true(b2) [f@1: r0=i0]
                jump(i1)
                """, """
                [i0: int]
                i1 = int_mul(i0, 2)
                b2 = int_lt(i1, 1000)
                guard_true(b2) [f@1: r0=i0]
                label(i1) [f@0: r0=i1]
                i3 = int_mul(i1, 2)
                b4 = int_lt(i3, 1000)
                guard_true(b4) [f@1: r0=i1]
                jump(i3)
                """);
    }

    @Test
    void swappedVariables() {
        // a, b = b, a + b: the preamble's values become the variables, in jump order
        assertPass(pass, """
                [i0: int, i1: int]
                label(i0, i1) [f@0: r0=i0 r1=i1]
                i2 = int_add(i0, i1)
                jump(i1, i2)
                """, """
                [i0: int, i1: int]
                i2 = int_add(i0, i1)
                label(i1, i2) [f@0: r0=i1 r1=i2]
                i3 = int_add(i1, i2)
                jump(i2, i3)
                """);
    }

    @Test
    void equalCarriedValuesGetSeparateVariables() {
        // both variables start equal but are different variables in the loop
        assertPass(pass, """
                [i0: int, i1: int]
                label(i0, i1) [f@0: r0=i0 r1=i1]
                i2 = int_add(i0, 1)
                i3 = int_mul(i1, 3)
                guard_index(i3, 100) [f@1: r0=i0 r1=i1]
                jump(i2, i2)
                """, """
                [i0: int, i1: int]
                i2 = int_add(i0, 1)
                i3 = int_mul(i1, 3)
                guard_index(i3, 100) [f@1: r0=i0 r1=i1]
                i4 = same_as(i2)
                label(i2, i4) [f@0: r0=i2 r1=i4]
                i5 = int_add(i2, 1)
                i6 = int_mul(i4, 3)
                guard_index(i6, 100) [f@1: r0=i2 r1=i4]
                jump(i5, i5)
                """);
    }

    @Test
    void raisingOperationOnInvariantsIsReusedOnVariantsKept() {
        // k // d cannot raise in the loop if it did not in the preamble; i // d must stay
        assertPass(pass, """
                [i0: int, i1: int, i2: int]
                label(i0, i1, i2) [f@0: r0=i0 r1=i1 r2=i2]
                i3 = int_floordiv(i1, i2) [f@1: r0=i0 r1=i1 r2=i2]
                i4 = int_floordiv(i0, i2) [f@2: r0=i0 r1=i1 r2=i2]
                i5 = int_add(i0, i3)
                i6 = int_add(i5, i4)
                jump(i6, i1, i2)
                """, """
                [i0: int, i1: int, i2: int]
                i3 = int_floordiv(i1, i2) [f@1: r0=i0 r1=i1 r2=i2]
                i4 = int_floordiv(i0, i2) [f@2: r0=i0 r1=i1 r2=i2]
                i5 = int_add(i0, i3)
                i6 = int_add(i5, i4)
                label(i6, i1, i2, i3) [f@0: r0=i6 r1=i1 r2=i2]
                i7 = int_floordiv(i6, i2) [f@2: r0=i6 r1=i1 r2=i2]
                i8 = int_add(i6, i3)
                i9 = int_add(i8, i7)
                jump(i9, i1, i2, i3)
                """);
    }

    @Test
    void constantCarriedValue() {
        assertPass(pass, """
                [i0: int, i1: int]
                label(i0, i1) [f@0: r0=i0 r1=i1]
                i2 = int_add(i0, i1)
                jump(i2, 0)
                """, """
                [i0: int, i1: int]
                i2 = int_add(i0, i1)
                label(i2) [f@0: r0=i2 r1=0]
                i3 = int_add(i2, 0)
                jump(i3)
                """);
    }

    @Test
    void onlyFreshLoopsArePeeled() {
        assertUnchanged(pass, """
                [i0: int]
                i1 = int_add(i0, 1)
                label(i1) [f@0: r0=i1]
                i2 = int_add(i1, 1)
                jump(i2)
                """);
        assertUnchanged(pass, """
                [i0: int]
                i1 = int_add(i0, 1)
                finish(i1) [f@0: r0=i1]
                """);
    }
}
