package dev.vecl.trace.backend;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleToLongFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

import com.oracle.truffle.api.frame.VirtualFrame;

import dev.vecl.runtime.VeclError;

/**
 * Scalar operations. Each node holds its operation as a method reference in a final field (a
 * compile-time constant for Graal, which inlines the {@link dev.vecl.runtime.Arith} method behind
 * it), reads typed operands and writes a typed static slot.
 */
final class ScalarNodes {
    private ScalarNodes() {
    }

    interface FloatBinary {
        float apply(float a, float b);
    }

    interface FloatUnary {
        float apply(float a);
    }

    interface LongCompare {
        boolean test(long a, long b);
    }

    interface DoubleCompare {
        boolean test(double a, double b);
    }

    interface FloatCompare {
        boolean test(float a, float b);
    }

    interface BoolBinary {
        boolean apply(boolean a, boolean b);
    }

    interface LongLongToDouble {
        double apply(long a, long b);
    }

    interface LongToFloat {
        float apply(long a);
    }

    interface DoubleToFloat {
        float apply(double a);
    }

    interface FloatToDouble {
        double apply(float a);
    }

    /**
     * An operation writing slot {@code dst}. With a {@code raise} exit, a VecL error (or the Java
     * exceptions Arith uses for invalid arguments) leaves the trace through the operation's snapshot,
     * as the reference interpreter does; the interpreter re-executes the instruction and raises.
     */
    abstract static class Compute extends OpNode {
        final int dst;
        @Child Exit raise;

        Compute(int dst, Exit raise) {
            this.dst = dst;
            this.raise = raise;
        }

        abstract void run(VirtualFrame f);

        @Override
        final Object execute(VirtualFrame f) {
            if (raise == null) {
                run(f);
                return null;
            }
            try {
                run(f);
                return null;
            } catch (VeclError | ArithmeticException | IllegalArgumentException e) {
                throw raise.take(f);
            }
        }
    }

    abstract static class Binary extends Compute {
        @Child Arg a;
        @Child Arg b;

        Binary(int dst, Arg a, Arg b, Exit raise) {
            super(dst, raise);
            this.a = a;
            this.b = b;
        }
    }

    abstract static class Unary extends Compute {
        @Child Arg a;

        Unary(int dst, Arg a, Exit raise) {
            super(dst, raise);
            this.a = a;
        }
    }

    static final class IntBin extends Binary {
        final LongBinaryOperator fn;

        IntBin(int dst, Arg a, Arg b, LongBinaryOperator fn, Exit raise) {
            super(dst, a, b, raise);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setLongStatic(dst, fn.applyAsLong(a.i(f), b.i(f)));
        }
    }

    static final class IntUn extends Unary {
        final LongUnaryOperator fn;

        IntUn(int dst, Arg a, LongUnaryOperator fn, Exit raise) {
            super(dst, a, raise);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setLongStatic(dst, fn.applyAsLong(a.i(f)));
        }
    }

    static final class IntCmp extends Binary {
        final LongCompare fn;

        IntCmp(int dst, Arg a, Arg b, LongCompare fn) {
            super(dst, a, b, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, fn.test(a.i(f), b.i(f)));
        }
    }

    static final class IntTrueDiv extends Binary {
        final LongLongToDouble fn;

        IntTrueDiv(int dst, Arg a, Arg b, LongLongToDouble fn, Exit raise) {
            super(dst, a, b, raise);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setDoubleStatic(dst, fn.apply(a.i(f), b.i(f)));
        }
    }

    static final class FloatBin extends Binary {
        final DoubleBinaryOperator fn;

        FloatBin(int dst, Arg a, Arg b, DoubleBinaryOperator fn) {
            super(dst, a, b, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setDoubleStatic(dst, fn.applyAsDouble(a.f(f), b.f(f)));
        }
    }

    static final class FloatUn extends Unary {
        final DoubleUnaryOperator fn;

        FloatUn(int dst, Arg a, DoubleUnaryOperator fn) {
            super(dst, a, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setDoubleStatic(dst, fn.applyAsDouble(a.f(f)));
        }
    }

    static final class FloatCmp extends Binary {
        final DoubleCompare fn;

        FloatCmp(int dst, Arg a, Arg b, DoubleCompare fn) {
            super(dst, a, b, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, fn.test(a.f(f), b.f(f)));
        }
    }

    static final class F32Bin extends Binary {
        final FloatBinary fn;

        F32Bin(int dst, Arg a, Arg b, FloatBinary fn) {
            super(dst, a, b, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setFloatStatic(dst, fn.apply(a.s(f), b.s(f)));
        }
    }

    static final class F32Un extends Unary {
        final FloatUnary fn;

        F32Un(int dst, Arg a, FloatUnary fn) {
            super(dst, a, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setFloatStatic(dst, fn.apply(a.s(f)));
        }
    }

    static final class F32Cmp extends Binary {
        final FloatCompare fn;

        F32Cmp(int dst, Arg a, Arg b, FloatCompare fn) {
            super(dst, a, b, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, fn.test(a.s(f), b.s(f)));
        }
    }

    static final class BoolBin extends Binary {
        final BoolBinary fn;

        BoolBin(int dst, Arg a, Arg b, BoolBinary fn) {
            super(dst, a, b, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, fn.apply(a.b(f), b.b(f)));
        }
    }

    static final class BoolNot extends Unary {
        BoolNot(int dst, Arg a) {
            super(dst, a, null);
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, !a.b(f));
        }
    }

    static final class IntToFloat extends Unary {
        final LongToDoubleFunction fn;

        IntToFloat(int dst, Arg a, LongToDoubleFunction fn) {
            super(dst, a, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setDoubleStatic(dst, fn.applyAsDouble(a.i(f)));
        }
    }

    static final class FloatToInt extends Unary {
        final DoubleToLongFunction fn;

        FloatToInt(int dst, Arg a, DoubleToLongFunction fn, Exit raise) {
            super(dst, a, raise);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setLongStatic(dst, fn.applyAsLong(a.f(f)));
        }
    }

    static final class IntToF32 extends Unary {
        final LongToFloat fn;

        IntToF32(int dst, Arg a, LongToFloat fn) {
            super(dst, a, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setFloatStatic(dst, fn.apply(a.i(f)));
        }
    }

    static final class FloatToF32 extends Unary {
        final DoubleToFloat fn;

        FloatToF32(int dst, Arg a, DoubleToFloat fn) {
            super(dst, a, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setFloatStatic(dst, fn.apply(a.f(f)));
        }
    }

    static final class F32ToFloat extends Unary {
        final FloatToDouble fn;

        F32ToFloat(int dst, Arg a, FloatToDouble fn) {
            super(dst, a, null);
            this.fn = fn;
        }

        @Override
        void run(VirtualFrame f) {
            f.setDoubleStatic(dst, fn.apply(a.s(f)));
        }
    }

    static final class BoolToInt extends Unary {
        BoolToInt(int dst, Arg a) {
            super(dst, a, null);
        }

        @Override
        void run(VirtualFrame f) {
            f.setLongStatic(dst, a.b(f) ? 1L : 0L);
        }
    }

    /** same_as and the pure box/unbox operations: a typed copy (boxing allocates, unboxing casts). */
    static final class Copy extends Compute {
        @Child Arg a;
        @Child SlotWrite to;
        final boolean box;

        Copy(SlotWrite to, Arg a, boolean box) {
            super(to.slot, null);
            this.a = a;
            this.to = to;
            this.box = box;
        }

        @Override
        void run(VirtualFrame f) {
            if (box) {
                to.putBoxed(f, a.boxed(f));
            } else {
                to.move(f, a);
            }
        }
    }

    /** {@code c ? x : y}, any scalar type. */
    static final class Select extends Compute {
        @Child Arg c;
        @Child Arg x;
        @Child Arg y;
        @Child SlotWrite to;

        Select(SlotWrite to, Arg c, Arg x, Arg y) {
            super(to.slot, null);
            this.c = c;
            this.x = x;
            this.y = y;
            this.to = to;
        }

        @Override
        void run(VirtualFrame f) {
            to.move(f, c.b(f) ? x : y);
        }
    }

    /** unbox_*: the reference is known (guard_class) to be the boxed scalar. */
    static final class Unbox extends Compute {
        @Child Arg a;
        @Child SlotWrite to;

        Unbox(SlotWrite to, Arg a) {
            super(to.slot, null);
            this.a = a;
            this.to = to;
        }

        @Override
        void run(VirtualFrame f) {
            to.putBoxed(f, a.p(f));
        }
    }
}
