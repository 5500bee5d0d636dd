package dev.vecl.trace.opt;

import static dev.vecl.trace.opt.PassAssert.assertPass;
import static dev.vecl.trace.opt.PassAssert.assertUnchanged;

import org.junit.jupiter.api.Test;

class ConstFoldTest {
    private final Pass pass = new ConstFold();

    @Test
    void foldsIntArithmeticWithPythonSemantics() {
        assertPass(pass, """
                [i0: int]
                i1 = int_add(2, 3)
                i2 = int_floordiv(-7, 2)
                i3 = int_mod(-7, 2)
                i4 = int_mul(i1, i2)
                i5 = int_add(i4, i3)
                i6 = int_add(i0, i5)
                i7 = int_add(9223372036854775807, 1)
                finish(i6, i7) [f@1: r0=i6]
                """, """
                [i0: int]
                i6 = int_add(i0, -19)
                finish(i6, -9223372036854775808) [f@1: r0=i6]
                """);
    }

    @Test
    void foldsFloatAndF32AndComparisons() {
        assertPass(pass, """
                [f0: float]
                f1 = float_add(0.1, 0.2)
                f2 = float_truediv(1.0, 0.0)
                f3 = float_mod(-7.0, 10.0)
                s4 = f32_add(0.1f, 0.2f)
                s5 = cast_float_to_f32(0.1)
                b6 = float_lt(nan, 1.0)
                f7 = float_minimum(nan, 1.0)
                i8 = cast_float_to_int(-2.7)
                finish(f1, f2, f3, s4, s5, b6, f7, i8) [f@1:]
                """, """
                [f0: float]
                finish(0.30000000000000004, inf, 3.0, 0.3f, 0.1f, False, nan, -2) [f@1:]
                """);
    }

    @Test
    void keepsOperationsThatRaise() {
        // 7 // 0, int(nan), a negative shift and 2 ** -1 as an int power raise at run time: never folded
        assertUnchanged(pass, """
                [i0: int]
                i1 = int_floordiv(7, 0) [f@1: r0=i0]
                i2 = int_mod(i0, 0) [f@2: r0=i0]
                i3 = cast_float_to_int(nan) [f@3: r0=i0]
                i4 = int_lshift(1, -1) [f@4: r0=i0]
                i5 = int_pow(2, -1) [f@5: r0=i0]
                f6 = int_truediv(1, 0) [f@6: r0=i0]
                finish(i1, i2, i3, i4, i5, f6) [f@7:]
                """);
    }

    @Test
    void removesGuardsThatHoldAndKeepsThoseThatFail() {
        assertPass(pass, """
                [i0: int]
                b1 = int_lt(1, 2)
                guard_true(b1) [f@1:]
                b2 = int_gt(1, 2)
                guard_true(b2) [f@2:]
                guard_value(3, 3) [f@3:]
                guard_index(2, 3) [f@4:]
                guard_index(3, 3) [f@5:]
                guard_false(False) [f@6:]
                finish() [f@7:]
                """, """
                [i0: int]
                guard_true(False) [f@2:]
                guard_index(3, 3) [f@5:]
                finish() [f@7:]
                """);
    }

    @Test
    void appliesOnlyExactIdentities() {
        // x + 0.0 is not x (for x = -0.0); x * 1.0 is
        assertPass(pass, """
                [i0: int, f1: float]
                i2 = int_add(i0, 0)
                i3 = int_mul(1, i2)
                i4 = int_sub(i3, i3)
                f5 = float_add(f1, 0.0)
                f6 = float_mul(f5, 1.0)
                b7 = int_le(i0, i0)
                finish(i3, i4, f6, b7) [f@1:]
                """, """
                [i0: int, f1: float]
                f5 = float_add(f1, 0.0)
                finish(i0, 0, f5, True) [f@1:]
                """);
    }

    @Test
    void aLabelVariableThatBecomesConstantGetsACopy() {
        // in the loop i3 changes every iteration: it stays a variable even though it starts as 3
        assertPass(pass, """
                [p0: ref]
                i1 = int_add(1, 2)
                label(p0, i1) [f@0: r0=p0 r1=i1]
                i2 = int_add(i1, 1)
                jump(p0, i2)
                """, """
                [p0: ref]
                i1 = same_as(3)
                label(p0, i1) [f@0: r0=p0 r1=i1]
                i2 = int_add(i1, 1)
                jump(p0, i2)
                """);
    }
}
