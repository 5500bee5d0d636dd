package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class GuardStrengthenTest {
    private final Pass pass = new GuardStrengthen();

    @Test
    void twoBoundsChecksOnIAndIPlusOneBecomeOneAtTheFirst() {
        // a[i] = 1.0; x = a[i + 1]: the combined check fails at the first access, with its snapshot
        // (before the store), so the interpreter redoes the store and raises at a[i + 1] itself
        assertPass(pass, """
                [p0: ref, p1: ref, i2: int]
                i3 = arraylen(p0)
                guard_index(i2, i3) [f@1: r0=p0 r2=i2]
                setarrayitem_f64(p1, i2, 1.0)
                i4 = int_add(i2, 1)
                guard_index(i4, i3) [f@2: r0=p0 r2=i2]
                f5 = getarrayitem_f64(p1, i4)
                finish(f5) [f@3:]
                """, """
                [p0: ref, p1: ref, i2: int]
                i3 = arraylen(p0)
                i6 = int_sub(i3, 1)
                guard_index(i2, i6) [f@1: r0=p0 r2=i2]
                setarrayitem_f64(p1, i2, 1.0)
                i4 = int_add(i2, 1)
                f5 = getarrayitem_f64(p1, i4)
                finish(f5) [f@3:]
                """);
    }

    @Test
    void lowestOffsetGivesTheLowerBound() {
        // a[i] + a[i - 1] + a[i + 1]: one guard 0 <= i - 1 < n - 2
        assertPass(pass, """
                [p0: ref, i1: int]
                i2 = arraylen(p0)
                guard_index(i1, i2) [f@1:]
                i3 = int_sub(i1, 1)
                guard_index(i3, i2) [f@2:]
                i4 = int_add(i1, 1)
                guard_index(i4, i2) [f@3:]
                finish(i3, i4) [f@4:]
                """, """
                [p0: ref, i1: int]
                i2 = arraylen(p0)
                i5 = int_add(i1, -1)
                i6 = int_sub(i2, 2)
                guard_index(i5, i6) [f@1:]
                i3 = int_sub(i1, 1)
                i4 = int_add(i1, 1)
                finish(i3, i4) [f@4:]
                """);
    }

    @Test
    void constantLengthsFold() {
        assertPass(pass, """
                [i0: int]
                guard_index(i0, 10) [f@1:]
                i1 = int_add(i0, 3)
                guard_index(i1, 10) [f@2:]
                finish(i1) [f@3:]
                """, """
                [i0: int]
                guard_index(i0, 7) [f@1:]
                i1 = int_add(i0, 3)
                finish(i1) [f@3:]
                """);
    }

    @Test
    void notWhenTheLimitIsNotALength() {
        // i2 could be near Long.MIN_VALUE: i2 - 1 would wrap
        assertUnchanged(pass, """
                [i0: int, i2: int]
                guard_index(i0, i2) [f@1:]
                i3 = int_add(i0, 1)
                guard_index(i3, i2) [f@2:]
                finish() [f@3:]
                """);
    }

    @Test
    void notAcrossTheLabelNorAcrossDifferentBases() {
        assertUnchanged(pass, """
                [p0: ref, i1: int, i2: int]
                i3 = arraylen(p0)
                guard_index(i1, i3) [f@1:]
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1]
                i4 = int_add(i1, 1)
                guard_index(i4, i3) [f@2:]
                guard_index(i2, i3) [f@3:]
                jump(p0, i4, i2, i3)
                """);
    }
}
