package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class DeadCodeTest {
    private final Pass pass = new DeadCode();

    @Test
    void removesUnusedPureOperationsAndLoads() {
        assertPass(pass, """
                [p0: ref, i1: int]
                i2 = int_add(i1, 1)
                i3 = int_mul(i2, 2)
                f4 = getarrayitem_f64(p0, i1)
                i5 = int_floordiv(i1, 2)
                i6 = int_sub(i1, 1)
                finish(i6) [f@1:]
                """, """
                [p0: ref, i1: int]
                i6 = int_sub(i1, 1)
                finish(i6) [f@1:]
                """);
    }

    @Test
    void keepsEffectsGuardsRaisingOperationsAndSnapshotValues() {
        // i2 may raise (divisor unknown); i4 is only in a snapshot; the store and the call have effects
        assertUnchanged(pass, """
                [p0: ref, i1: int, f2: float]
                i3 = int_floordiv(7, i1) [f@1: r1=i1]
                i4 = int_add(i1, 1)
                b5 = int_lt(i1, 10)
                guard_true(b5) [f@2: r1=i4]
                setarrayitem_f64(p0, i1, f2)
                call_n(p0, fn=sort) [f@3: r0=p0]
                finish() [f@4:]
                """);
    }

    @Test
    void dropsLoopVariablesOnlyPassedBackUnchanged() {
        // i3 is an invariant nothing in the loop needs any more; i1 is needed by the snapshot
        assertPass(pass, """
                [p0: ref, i1: int, i2: int]
                i3 = arraylen(p0)
                label(p0, i1, i2, i3) [f@0: r0=p0 r1=i1]
                i4 = int_add(i2, 1)
                b5 = int_lt(i4, 100)
                guard_true(b5) [f@1: r0=p0 r1=i1]
                jump(p0, i1, i4, i3)
                """, """
                [p0: ref, i1: int, i2: int]
                label(p0, i1, i2) [f@0: r0=p0 r1=i1]
                i4 = int_add(i2, 1)
                b5 = int_lt(i4, 100)
                guard_true(b5) [f@1: r0=p0 r1=i1]
                jump(p0, i1, i4)
                """);
    }
}
