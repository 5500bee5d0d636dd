package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class GuardElimTest {
    private final Pass pass = new GuardElim();

    @Test
    void removesTheSameGuardTwice() {
        assertPass(pass, """
                [p0: ref, b1: bool, i2: int]
                guard_true(b1) [f@1:]
                guard_class(p0, cls=array.float64) [f@2:]
                guard_nonnull(p0) [f@3:]
                guard_true(b1) [f@4:]
                guard_class(p0, cls=array.float64) [f@5:]
                guard_index(i2, 10) [f@6:]
                guard_index(i2, 10) [f@7:]
                finish(b1) [f@8: r0=b1]
                """, """
                [p0: ref, b1: bool, i2: int]
                guard_true(b1) [f@1:]
                guard_class(p0, cls=array.float64) [f@2:]
                guard_index(i2, 10) [f@6:]
                finish(True) [f@8: r0=True]
                """);
    }

    @Test
    void removesGuardsImpliedByEarlierComparisons() {
        assertPass(pass, """
                [i0: int, i1: int]
                b2 = int_lt(i0, 10)
                guard_true(b2) [f@1:]
                b3 = int_lt(i0, 20)
                guard_true(b3) [f@2:]
                b4 = int_ge(i0, 0)
                guard_true(b4) [f@3:]
                i5 = arraylen($a)
                b6 = int_lt(i0, i5)
                guard_true(b6) [f@4:]
                guard_index(i0, i5) [f@5:]
                b7 = int_gt(i5, i0)
                guard_false(b7) [f@6:]
                finish() [f@7:]
                """, """
                [i0: int, i1: int]
                b2 = int_lt(i0, 10)
                guard_true(b2) [f@1:]
                b4 = int_ge(i0, 0)
                guard_true(b4) [f@3:]
                i5 = arraylen($a)
                b6 = int_lt(i0, i5)
                guard_true(b6) [f@4:]
                guard_false(True) [f@6:]
                finish() [f@7:]
                """);
    }

    @Test
    void guardValueAndEqualityMakeConstants() {
        assertPass(pass, """
                [i0: int, p1: ref, i2: int]
                guard_value(i0, 5) [f@1:]
                i3 = int_add(i0, 1)
                b4 = int_eq(i2, 7)
                guard_true(b4) [f@2:]
                i5 = int_mul(i2, i3)
                guard_isnull(p1) [f@3:]
                finish(i5, p1) [f@4:]
                """, """
                [i0: int, p1: ref, i2: int]
                guard_value(i0, 5) [f@1:]
                i3 = int_add(5, 1)
                b4 = int_eq(i2, 7)
                guard_true(b4) [f@2:]
                i5 = int_mul(7, i3)
                guard_isnull(p1) [f@3:]
                finish(i5, null) [f@4:]
                """);
    }

    @Test
    void indexGuardImpliedThroughOffsets() {
        // 0 <= i < n implies 0 <= i + 1 < n + 1 (lengths are small: nothing wraps); not 0 <= i + 1 < n
        assertPass(pass, """
                [p0: ref, i1: int]
                i2 = arraylen(p0)
                guard_index(i1, i2) [f@1:]
                i3 = int_add(i1, 1)
                i4 = int_add(i2, 1)
                guard_index(i3, i4) [f@2:]
                guard_index(i3, i2) [f@3:]
                i5 = int_sub(i1, 1)
                guard_index(i5, i2) [f@4:]
                finish() [f@5:]
                """, """
                [p0: ref, i1: int]
                i2 = arraylen(p0)
                guard_index(i1, i2) [f@1:]
                i3 = int_add(i1, 1)
                i4 = int_add(i2, 1)
                guard_index(i3, i2) [f@3:]
                i5 = int_sub(i1, 1)
                guard_index(i5, i2) [f@4:]
                finish() [f@5:]
                """);
    }

    @Test
    void keepsGuardsThatAreNotImplied() {
        // unrelated bounds, another class, an index that may be negative
        assertUnchanged(pass, """
                [p0: ref, i1: int, i2: int, i3: int]
                b4 = int_lt(i1, i2)
                guard_true(b4) [f@1:]
                b5 = int_lt(i1, i3)
                guard_true(b5) [f@2:]
                guard_class(p0, cls=array.float64) [f@3:]
                guard_class(p0, cls=array.float32) [f@4:]
                guard_index(i1, i2) [f@5:]
                finish() [f@6:]
                """);
    }

    @Test
    void knowledgeDoesNotCrossTheLabel() {
        assertUnchanged(pass, """
                [p0: ref, i1: int]
                guard_class(p0, cls=list) [f@0: r0=p0]
                label(p0, i1) [f@1: r0=p0 r1=i1]
                guard_class(p0, cls=list) [f@2: r0=p0 r1=i1]
                i2 = int_add(i1, 1)
                jump(p0, i2)
                """);
    }
}
