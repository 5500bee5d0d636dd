package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class CommonSubexprTest {
    private final Pass pass = new CommonSubexpr();

    @Test
    void reusesPureOperationsAndImmutableFieldLoads() {
        assertPass(pass, """
                [p0: ref, i1: int]
                i2 = int_add(i1, 1)
                i3 = int_add(i1, 1)
                i4 = arraylen(p0)
                i5 = arraylen(p0)
                p6 = array_storage(p0)
                p7 = array_storage(p0)
                f8 = call_pure_f(i2, fn=sqrt_int) [f@0:]
                f9 = call_pure_f(i3, fn=sqrt_int) [f@0:]
                f10 = call_pure_f(i3, fn=other) [f@0:]
                finish(i3, i5, p7, f9, f10) [f@1:]
                """, """
                [p0: ref, i1: int]
                i2 = int_add(i1, 1)
                i4 = arraylen(p0)
                p6 = array_storage(p0)
                f8 = call_pure_f(i2, fn=sqrt_int) [f@0:]
                f10 = call_pure_f(i2, fn=other) [f@0:]
                finish(i2, i4, p6, f8, f10) [f@1:]
                """);
    }

    @Test
    void reusesARaisingOperationBecauseTheFirstWouldHaveRaised() {
        assertPass(pass, """
                [i0: int, i1: int]
                i2 = int_floordiv(i0, i1) [f@1: r0=i0 r1=i1]
                i3 = int_floordiv(i0, i1) [f@2: r0=i0 r1=i1]
                finish(i2, i3) [f@3:]
                """, """
                [i0: int, i1: int]
                i2 = int_floordiv(i0, i1) [f@1: r0=i0 r1=i1]
                finish(i2, i2) [f@3:]
                """);
    }

    @Test
    void reusesLoadsNotSeparatedByAnAliasingStore() {
        // stores to another dtype or to a provably different index do not alias
        assertPass(pass, """
                [p0: ref, p1: ref, i2: int, f3: float]
                f4 = getarrayitem_f64(p0, i2)
                setarrayitem_i64(p1, i2, 7)
                i5 = int_add(i2, 1)
                setarrayitem_f64(p0, i5, f3)
                f6 = getarrayitem_f64(p0, i2)
                finish(f4, f6) [f@1:]
                """, """
                [p0: ref, p1: ref, i2: int, f3: float]
                f4 = getarrayitem_f64(p0, i2)
                setarrayitem_i64(p1, i2, 7)
                i5 = int_add(i2, 1)
                setarrayitem_f64(p0, i5, f3)
                finish(f4, f4) [f@1:]
                """);
    }

    @Test
    void doesNotReuseALoadAcrossAStoreThatMayAlias() {
        // p1 may be the same storage as p0, and i3 may equal i2
        assertUnchanged(pass, """
                [p0: ref, p1: ref, i2: int, i3: int, f4: float]
                f5 = getarrayitem_f64(p0, i2)
                setarrayitem_f64(p1, i2, f4)
                f6 = getarrayitem_f64(p0, i2)
                setarrayitem_f64(p0, i3, f4)
                f7 = getarrayitem_f64(p0, i2)
                finish(f5, f6, f7) [f@1:]
                """);
    }

    @Test
    void forwardsStoredValuesExceptTruncatingOnes() {
        assertPass(pass, """
                [p0: ref, i1: int, f2: float, i3: int]
                setarrayitem_f64(p0, i1, f2)
                f4 = getarrayitem_f64(p0, i1)
                setarrayitem_i32(p0, i1, i3)
                i5 = getarrayitem_i32(p0, i1)
                finish(f4, i5) [f@1:]
                """, """
                [p0: ref, i1: int, f2: float, i3: int]
                setarrayitem_f64(p0, i1, f2)
                setarrayitem_i32(p0, i1, i3)
                i5 = getarrayitem_i32(p0, i1)
                finish(f2, i5) [f@1:]
                """);
    }

    @Test
    void callsWithEffectsForgetMemoryButNotPureValues() {
        assertPass(pass, """
                [p0: ref, i1: int]
                i2 = list_len(p0)
                i3 = arraylen(p0)
                call_n(p0, fn=mutate) [f@1: r0=p0]
                i4 = list_len(p0)
                i5 = arraylen(p0)
                finish(i2, i3, i4, i5) [f@2:]
                """, """
                [p0: ref, i1: int]
                i2 = list_len(p0)
                i3 = arraylen(p0)
                call_n(p0, fn=mutate) [f@1: r0=p0]
                i4 = list_len(p0)
                finish(i2, i3, i4, i3) [f@2:]
                """);
    }

    @Test
    void listStoresInvalidateOnlyWhatTheyChange() {
        assertPass(pass, """
                [p0: ref, p1: ref, i2: int]
                i3 = list_len(p0)
                p4 = list_getitem(p0, i2)
                list_setitem(p1, 0, p4)
                i5 = list_len(p0)
                p6 = list_getitem(p0, i2)
                list_append(p1, p6)
                i7 = list_len(p0)
                finish(i3, i5, i7) [f@1:]
                """, """
                [p0: ref, p1: ref, i2: int]
                i3 = list_len(p0)
                p4 = list_getitem(p0, i2)
                list_setitem(p1, 0, p4)
                p6 = list_getitem(p0, i2)
                list_append(p1, p6)
                i7 = list_len(p0)
                finish(i3, i3, i7) [f@1:]
                """);
    }

    @Test
    void doesNotReuseAcrossTheLabel() {
        assertUnchanged(pass, """
                [p0: ref, i1: int]
                i2 = arraylen(p0)
                label(p0, i1, i2) [f@0: r0=p0 r1=i1]
                i3 = arraylen(p0)
                b4 = int_lt(i1, i3)
                guard_true(b4) [f@1: r0=p0 r1=i1]
                i5 = int_add(i1, 1)
                jump(p0, i5, i2)
                """);
    }
}
