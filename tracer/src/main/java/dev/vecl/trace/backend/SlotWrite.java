package dev.vecl.trace.backend;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

import dev.vecl.trace.ir.Type;

/** Writes a value into a typed static slot: a boxed one (trace inputs, bridge results) or an operand (jump moves). */
abstract class SlotWrite extends Node {
    final int slot;

    SlotWrite(int slot) {
        this.slot = slot;
    }

    abstract void putBoxed(VirtualFrame f, Object v);

    abstract void move(VirtualFrame f, Arg from);

    /**
     * Writes the zero of the slot's kind: a dead value becomes a constant, so it is no loop phi,
     * and the slot never changes kind (Graal deoptimizes on frame slots merged with mixed kinds).
     */
    abstract void zero(VirtualFrame f);

    static SlotWrite of(Type t, int slot) {
        return switch (t) {
            case INT -> new Int(slot);
            case FLOAT -> new Flt(slot);
            case F32 -> new F32(slot);
            case BOOL -> new Bool(slot);
            case REF -> new Ref(slot);
            case VEC_F64, VEC_F32, VEC_I64, MASK_F64, MASK_F32, MASK_I64 -> VectorNodes.write(t, slot);
            default -> throw new IllegalArgumentException("no slot of type " + t);
        };
    }

    static final class Int extends SlotWrite {
        Int(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setLongStatic(slot, (Long) v);
        }

        @Override
        void zero(VirtualFrame f) {
            f.setLongStatic(slot, 0L);
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setLongStatic(slot, from.i(f));
        }
    }

    static final class Flt extends SlotWrite {
        Flt(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setDoubleStatic(slot, (Double) v);
        }

        @Override
        void zero(VirtualFrame f) {
            f.setDoubleStatic(slot, 0.0);
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setDoubleStatic(slot, from.f(f));
        }
    }

    static final class F32 extends SlotWrite {
        F32(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setFloatStatic(slot, (Float) v);
        }

        @Override
        void zero(VirtualFrame f) {
            f.setFloatStatic(slot, 0f);
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setFloatStatic(slot, from.s(f));
        }
    }

    static final class Bool extends SlotWrite {
        Bool(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setBooleanStatic(slot, (Boolean) v);
        }

        @Override
        void zero(VirtualFrame f) {
            f.setBooleanStatic(slot, false);
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setBooleanStatic(slot, from.b(f));
        }
    }

    static final class Ref extends SlotWrite {
        Ref(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setObjectStatic(slot, v);
        }

        @Override
        void zero(VirtualFrame f) {
            f.setObjectStatic(slot, null);
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setObjectStatic(slot, from.p(f));
        }
    }
}
