package dev.vecl.trace.backend;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Type;

/**
 * Reads one operand of an operation: a typed static frame slot or a constant. Each subclass
 * answers the accessor of its own type only; the compiler picks the accessor from the IR type,
 * so the others are never called.
 */
abstract class Arg extends Node {

    long i(VirtualFrame f) {
        throw new IllegalStateException("not an int operand");
    }

    double f(VirtualFrame f) {
        throw new IllegalStateException("not a float operand");
    }

    float s(VirtualFrame f) {
        throw new IllegalStateException("not an f32 operand");
    }

    boolean b(VirtualFrame f) {
        throw new IllegalStateException("not a bool operand");
    }

    Object p(VirtualFrame f) {
        throw new IllegalStateException("not a ref operand");
    }

    /** A vector operand, read with its exact class (VectorNodes.VecSlot; STACK.md trap 2). */
    Object v(VirtualFrame f) {
        throw new IllegalStateException("not a vector operand");
    }

    /** The value boxed as the interpreter holds it (Long, Double, Float, Boolean, or the reference). */
    abstract Object boxed(VirtualFrame f);

    /** Each operand {@link #boxed}, in a new array with {@code extra} more (null) elements at its end: a call's arguments. */
    @com.oracle.truffle.api.nodes.ExplodeLoop
    static Object[] boxAll(Arg[] args, VirtualFrame f, int extra) {
        Object[] a = new Object[args.length + extra];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].boxed(f);
        }
        return a;
    }

    /** At a guard exit: saves the slot's value, unboxed, at its slot's index in the trace's exit buffer (constants need nothing). */
    void spill(VirtualFrame f, ExitBuffer b) {
    }

    /** After the exit: the value saved by {@link #spill}, boxed as the interpreter holds it. */
    Object unspill(ExitBuffer b) {
        return boxed(null);
    }

    /**
     * After the exit: the bits {@link #spill} saved for an int, float, f32 or bool value (the
     * buffer's encoding: the long, the raw double bits, the raw float bits, 1 or 0); a constant's
     * own bits.
     */
    long unspillBits(ExitBuffer b) {
        throw new IllegalStateException("not a primitive operand");
    }

    /** An operand read from a slot. */
    interface Slot {
        int slot();
    }

    static Arg slot(Type t, int slot) {
        return switch (t) {
            case INT -> new IntSlot(slot);
            case FLOAT -> new FloatSlot(slot);
            case F32 -> new F32Slot(slot);
            case BOOL -> new BoolSlot(slot);
            case REF -> new RefSlot(slot);
            case VEC_F64, VEC_F32, VEC_I64, MASK_F64, MASK_F32, MASK_I64 -> VectorNodes.slot(t, slot);
            default -> throw new IllegalArgumentException("no slot of type " + t);
        };
    }

    static Arg constant(Const c) {
        return switch (c) {
            case Const.Int k -> new IntConst(k.value());
            case Const.Float64 k -> new FloatConst(k.value());
            case Const.Float32 k -> new F32Const(k.value());
            case Const.Bool k -> new BoolConst(k.value());
            case Const.Ref k -> new RefConst(k.object());
        };
    }

    static final class IntSlot extends Arg implements Slot {
        final int slot;

        @Override
        public int slot() {
            return slot;
        }

        IntSlot(int slot) {
            this.slot = slot;
        }

        @Override
        long i(VirtualFrame f) {
            return f.getLongStatic(slot);
        }

        @Override
        void spill(VirtualFrame f, ExitBuffer b) {
            b.prims[slot] = f.getLongStatic(slot);
        }

        @Override
        Object unspill(ExitBuffer b) {
            return b.prims[slot];
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return b.prims[slot];
        }

        @Override
        Object boxed(VirtualFrame f) {
            return f.getLongStatic(slot);
        }
    }

    static final class FloatSlot extends Arg implements Slot {
        final int slot;

        @Override
        public int slot() {
            return slot;
        }

        FloatSlot(int slot) {
            this.slot = slot;
        }

        @Override
        double f(VirtualFrame f) {
            return f.getDoubleStatic(slot);
        }

        @Override
        void spill(VirtualFrame f, ExitBuffer b) {
            b.prims[slot] = Double.doubleToRawLongBits(f.getDoubleStatic(slot));
        }

        @Override
        Object unspill(ExitBuffer b) {
            return Double.longBitsToDouble(b.prims[slot]);
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return b.prims[slot];
        }

        @Override
        Object boxed(VirtualFrame f) {
            return f.getDoubleStatic(slot);
        }
    }

    static final class F32Slot extends Arg implements Slot {
        final int slot;

        @Override
        public int slot() {
            return slot;
        }

        F32Slot(int slot) {
            this.slot = slot;
        }

        @Override
        float s(VirtualFrame f) {
            return f.getFloatStatic(slot);
        }

        @Override
        void spill(VirtualFrame f, ExitBuffer b) {
            b.prims[slot] = Float.floatToRawIntBits(f.getFloatStatic(slot));
        }

        @Override
        Object unspill(ExitBuffer b) {
            return Float.intBitsToFloat((int) b.prims[slot]);
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return b.prims[slot];
        }

        @Override
        Object boxed(VirtualFrame f) {
            return f.getFloatStatic(slot);
        }
    }

    static final class BoolSlot extends Arg implements Slot {
        final int slot;

        @Override
        public int slot() {
            return slot;
        }

        BoolSlot(int slot) {
            this.slot = slot;
        }

        @Override
        boolean b(VirtualFrame f) {
            return f.getBooleanStatic(slot);
        }

        @Override
        void spill(VirtualFrame f, ExitBuffer b) {
            b.prims[slot] = f.getBooleanStatic(slot) ? 1 : 0;
        }

        @Override
        Object unspill(ExitBuffer b) {
            return b.prims[slot] != 0;
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return b.prims[slot];
        }

        @Override
        Object boxed(VirtualFrame f) {
            return f.getBooleanStatic(slot);
        }
    }

    static final class RefSlot extends Arg implements Slot {
        final int slot;

        @Override
        public int slot() {
            return slot;
        }

        RefSlot(int slot) {
            this.slot = slot;
        }

        @Override
        Object p(VirtualFrame f) {
            return f.getObjectStatic(slot);
        }

        @Override
        void spill(VirtualFrame f, ExitBuffer b) {
            b.refs[slot] = f.getObjectStatic(slot);
        }

        @Override
        Object unspill(ExitBuffer b) {
            return b.refs[slot];
        }

        @Override
        Object boxed(VirtualFrame f) {
            return f.getObjectStatic(slot);
        }
    }

    static final class IntConst extends Arg {
        final long v;

        IntConst(long v) {
            this.v = v;
        }

        @Override
        long i(VirtualFrame f) {
            return v;
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return v;
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v;
        }
    }

    static final class FloatConst extends Arg {
        final double v;

        FloatConst(double v) {
            this.v = v;
        }

        @Override
        double f(VirtualFrame f) {
            return v;
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return Double.doubleToRawLongBits(v);
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v;
        }
    }

    static final class F32Const extends Arg {
        final float v;

        F32Const(float v) {
            this.v = v;
        }

        @Override
        float s(VirtualFrame f) {
            return v;
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return Float.floatToRawIntBits(v);
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v;
        }
    }

    static final class BoolConst extends Arg {
        final boolean v;

        BoolConst(boolean v) {
            this.v = v;
        }

        @Override
        boolean b(VirtualFrame f) {
            return v;
        }

        @Override
        long unspillBits(ExitBuffer b) {
            return v ? 1 : 0;
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v;
        }
    }

    static final class RefConst extends Arg {
        final Object v;

        RefConst(Object v) {
            this.v = v;
        }

        @Override
        Object p(VirtualFrame f) {
            return v;
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v;
        }
    }
}
