package dev.vecl.trace.backend;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.trace.ir.RefKind;

/** The guards: each checks its condition and, when it fails, takes its {@link Exit}. */
final class GuardNodes {
    private GuardNodes() {
    }

    /**
     * The probability we tell Graal that a guard fails. Low, so the trace's fast path is laid out
     * straight, but the failing side is a compiled path (not a deoptimization).
     */
    static final double FAIL_PROBABILITY = 0.001;

    abstract static class Guard extends OpNode {
        @Child Exit exit;

        Guard(Exit exit) {
            this.exit = exit;
        }

        abstract boolean holds(VirtualFrame f);

        @Override
        final Object execute(VirtualFrame f) {
            if (CompilerDirectives.injectBranchProbability(FAIL_PROBABILITY, !holds(f))) {
                throw exit.take(f);
            }
            return null;
        }
    }

    static final class True extends Guard {
        @Child Arg a;
        final boolean expect;

        True(Arg a, boolean expect, Exit exit) {
            super(exit);
            this.a = a;
            this.expect = expect;
        }

        @Override
        boolean holds(VirtualFrame f) {
            return a.b(f) == expect;
        }
    }

    static final class Index extends Guard {
        @Child Arg i;
        @Child Arg n;

        Index(Arg i, Arg n, Exit exit) {
            super(exit);
            this.i = i;
            this.n = n;
        }

        @Override
        boolean holds(VirtualFrame f) {
            long x = i.i(f);
            return x >= 0 && x < n.i(f);
        }
    }

    static final class Null extends Guard {
        @Child Arg a;
        final boolean expectNull;

        Null(Arg a, boolean expectNull, Exit exit) {
            super(exit);
            this.a = a;
            this.expectNull = expectNull;
        }

        @Override
        boolean holds(VirtualFrame f) {
            return (a.p(f) == null) == expectNull;
        }
    }

    /** guard_value on an int (and bool, as 0/1) */
    static final class IntValue extends Guard {
        @Child Arg a;
        final long v;

        IntValue(Arg a, long v, Exit exit) {
            super(exit);
            this.a = a;
            this.v = v;
        }

        @Override
        boolean holds(VirtualFrame f) {
            return a.i(f) == v;
        }
    }

    static final class BoolValue extends Guard {
        @Child Arg a;
        final boolean v;

        BoolValue(Arg a, boolean v, Exit exit) {
            super(exit);
            this.a = a;
            this.v = v;
        }

        @Override
        boolean holds(VirtualFrame f) {
            return a.b(f) == v;
        }
    }

    /** Floats compare bitwise (as Double.equals: every NaN equals NaN, 0.0 differs from -0.0). */
    static final class FloatValue extends Guard {
        @Child Arg a;
        final long bits;

        FloatValue(Arg a, double v, Exit exit) {
            super(exit);
            this.a = a;
            this.bits = Double.doubleToLongBits(v);
        }

        @Override
        boolean holds(VirtualFrame f) {
            return Double.doubleToLongBits(a.f(f)) == bits;
        }
    }

    static final class F32Value extends Guard {
        @Child Arg a;
        final int bits;

        F32Value(Arg a, float v, Exit exit) {
            super(exit);
            this.a = a;
            this.bits = Float.floatToIntBits(v);
        }

        @Override
        boolean holds(VirtualFrame f) {
            return Float.floatToIntBits(a.s(f)) == bits;
        }
    }

    static final class RefValue extends Guard {
        @Child Arg a;
        final Object v;

        RefValue(Arg a, Object v, Exit exit) {
            super(exit);
            this.a = a;
            this.v = v;
        }

        @Override
        boolean holds(VirtualFrame f) {
            return a.p(f) == v;
        }
    }

    /** guard_class for the kinds that are one exact Java class (boxed scalars, strings, lists). */
    static final class ExactClass extends Guard {
        @Child Arg a;
        final Class<?> cls;

        ExactClass(Arg a, Class<?> cls, Exit exit) {
            super(exit);
            this.a = a;
            this.cls = cls;
        }

        @Override
        boolean holds(VirtualFrame f) {
            Object o = a.p(f);
            return o != null && o.getClass() == cls;
        }
    }

    /** guard_class for an array kind: a VArray of one dtype. */
    static final class ArrayClass extends Guard {
        @Child Arg a;
        final DType dtype;

        ArrayClass(Arg a, DType dtype, Exit exit) {
            super(exit);
            this.a = a;
            this.dtype = dtype;
        }

        @Override
        boolean holds(VirtualFrame f) {
            Object o = a.p(f);
            return o != null && o.getClass() == VArray.class && ((VArray) o).dtype == dtype;
        }
    }

    /** guard_class for the remaining kinds, through the IR's own classification. */
    static final class OtherClass extends Guard {
        @Child Arg a;
        final RefKind kind;

        OtherClass(Arg a, RefKind kind, Exit exit) {
            super(exit);
            this.a = a;
            this.kind = kind;
        }

        @Override
        boolean holds(VirtualFrame f) {
            return kindOf(a.p(f)) == kind;
        }

        @TruffleBoundary
        private static RefKind kindOf(Object o) {
            return RefKind.of(o);
        }
    }

    static Guard classGuard(Arg a, RefKind kind, Exit exit) {
        return switch (kind) {
            case INT -> new ExactClass(a, Long.class, exit);
            case FLOAT -> new ExactClass(a, Double.class, exit);
            case F32 -> new ExactClass(a, Float.class, exit);
            case BOOL -> new ExactClass(a, Boolean.class, exit);
            case STR -> new ExactClass(a, String.class, exit);
            case LIST -> new ExactClass(a, VList.class, exit);
            case ARRAY_FLOAT64 -> new ArrayClass(a, DType.FLOAT64, exit);
            case ARRAY_FLOAT32 -> new ArrayClass(a, DType.FLOAT32, exit);
            case ARRAY_INT64 -> new ArrayClass(a, DType.INT64, exit);
            case ARRAY_INT32 -> new ArrayClass(a, DType.INT32, exit);
            case ARRAY_BOOL -> new ArrayClass(a, DType.BOOL, exit);
            default -> new OtherClass(a, kind, exit);
        };
    }
}
