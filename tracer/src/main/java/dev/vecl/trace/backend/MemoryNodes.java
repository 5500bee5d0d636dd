package dev.vecl.trace.backend;

import java.util.function.Function;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.ExplodeLoop;

import dev.vecl.runtime.Arith;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.trace.backend.ScalarNodes.Compute;
import dev.vecl.trace.ir.OpCode;

/**
 * Array fields and elements, lists, strings, identity and builtin calls. Storage reads use
 * {@code castExact}, so Graal knows the exact primitive array type without a profile.
 */
final class MemoryNodes {
    private MemoryNodes() {
    }

    static VArray array(Object o) {
        return CompilerDirectives.castExact(o, VArray.class);
    }

    /** arraylen, array_storage, array_offset, array_stride */
    static final class Field extends Compute {
        @Child Arg a;
        final OpCode op;

        Field(int dst, Arg a, OpCode op) {
            super(dst, null);
            this.a = a;
            this.op = op;
        }

        @Override
        void run(VirtualFrame f) {
            VArray v = array(a.p(f));
            if (op == OpCode.ARRAY_STORAGE) {
                f.setObjectStatic(dst, v.storage);
            } else if (op == OpCode.ARRAYLEN) {
                f.setLongStatic(dst, v.length);
            } else if (op == OpCode.ARRAY_OFFSET) {
                f.setLongStatic(dst, v.offset);
            } else {
                f.setLongStatic(dst, v.stride);
            }
        }
    }

    abstract static class Load extends Compute {
        @Child Arg storage;
        @Child Arg index;

        Load(int dst, Arg storage, Arg index) {
            super(dst, null);
            this.storage = storage;
            this.index = index;
        }
    }

    static final class LoadF64 extends Load {
        LoadF64(int dst, Arg s, Arg i) {
            super(dst, s, i);
        }

        @Override
        void run(VirtualFrame f) {
            f.setDoubleStatic(dst, RawArrays.getF64(CompilerDirectives.castExact(storage.p(f), double[].class), index.i(f)));
        }
    }

    static final class LoadF32 extends Load {
        LoadF32(int dst, Arg s, Arg i) {
            super(dst, s, i);
        }

        @Override
        void run(VirtualFrame f) {
            f.setFloatStatic(dst, RawArrays.getF32(CompilerDirectives.castExact(storage.p(f), float[].class), index.i(f)));
        }
    }

    static final class LoadI64 extends Load {
        LoadI64(int dst, Arg s, Arg i) {
            super(dst, s, i);
        }

        @Override
        void run(VirtualFrame f) {
            f.setLongStatic(dst, RawArrays.getI64(CompilerDirectives.castExact(storage.p(f), long[].class), index.i(f)));
        }
    }

    static final class LoadI32 extends Load {
        LoadI32(int dst, Arg s, Arg i) {
            super(dst, s, i);
        }

        @Override
        void run(VirtualFrame f) {
            f.setLongStatic(dst, RawArrays.getI32(CompilerDirectives.castExact(storage.p(f), int[].class), index.i(f)));
        }
    }

    static final class LoadBool extends Load {
        LoadBool(int dst, Arg s, Arg i) {
            super(dst, s, i);
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, RawArrays.getBool(CompilerDirectives.castExact(storage.p(f), boolean[].class), index.i(f)));
        }
    }

    abstract static class Store extends OpNode {
        @Child Arg storage;
        @Child Arg index;
        @Child Arg value;

        Store(Arg storage, Arg index, Arg value) {
            this.storage = storage;
            this.index = index;
            this.value = value;
        }
    }

    static final class StoreF64 extends Store {
        StoreF64(Arg s, Arg i, Arg v) {
            super(s, i, v);
        }

        @Override
        Object execute(VirtualFrame f) {
            RawArrays.putF64(CompilerDirectives.castExact(storage.p(f), double[].class), index.i(f), value.f(f));
            return null;
        }
    }

    static final class StoreF32 extends Store {
        StoreF32(Arg s, Arg i, Arg v) {
            super(s, i, v);
        }

        @Override
        Object execute(VirtualFrame f) {
            RawArrays.putF32(CompilerDirectives.castExact(storage.p(f), float[].class), index.i(f), value.s(f));
            return null;
        }
    }

    static final class StoreI64 extends Store {
        StoreI64(Arg s, Arg i, Arg v) {
            super(s, i, v);
        }

        @Override
        Object execute(VirtualFrame f) {
            RawArrays.putI64(CompilerDirectives.castExact(storage.p(f), long[].class), index.i(f), value.i(f));
            return null;
        }
    }

    static final class StoreI32 extends Store {
        StoreI32(Arg s, Arg i, Arg v) {
            super(s, i, v);
        }

        @Override
        Object execute(VirtualFrame f) {
            RawArrays.putI32(CompilerDirectives.castExact(storage.p(f), int[].class), index.i(f), Arith.longToInt32(value.i(f)));
            return null;
        }
    }

    static final class StoreBool extends Store {
        StoreBool(Arg s, Arg i, Arg v) {
            super(s, i, v);
        }

        @Override
        Object execute(VirtualFrame f) {
            RawArrays.putBool(CompilerDirectives.castExact(storage.p(f), boolean[].class), index.i(f), value.b(f));
            return null;
        }
    }

    static final class RefEq extends Compute {
        @Child Arg a;
        @Child Arg b;

        RefEq(int dst, Arg a, Arg b) {
            super(dst, null);
            this.a = a;
            this.b = b;
        }

        @Override
        void run(VirtualFrame f) {
            f.setBooleanStatic(dst, a.p(f) == b.p(f));
        }
    }

    /** list_len, list_getitem, str_len, str_getitem: behind a boundary (ArrayList and String code). */
    static final class Container extends Compute {
        @Child Arg a;
        @Child Arg index;
        @Child SlotWrite to;
        final OpCode op;

        Container(SlotWrite to, Arg a, Arg index, OpCode op) {
            super(to.slot, null);
            this.a = a;
            this.index = index;
            this.to = to;
            this.op = op;
        }

        @Override
        void run(VirtualFrame f) {
            to.putBoxed(f, read(op, a.p(f), index == null ? 0 : index.i(f)));
        }

        @TruffleBoundary
        static Object read(OpCode op, Object o, long i) {
            switch (op) {
                case LIST_LEN:
                    return (long) ((VList) o).items.size();
                case LIST_GETITEM:
                    return ((VList) o).items.get((int) i);
                case STR_LEN:
                    return (long) ((String) o).codePointCount(0, ((String) o).length());
                case STR_GETITEM: {
                    String s = (String) o;
                    int at = s.offsetByCodePoints(0, (int) i);
                    return new String(Character.toChars(s.codePointAt(at)));
                }
                default:
                    throw new IllegalStateException(op.text);
            }
        }
    }

    /** list_setitem, list_append */
    static final class ListWrite extends OpNode {
        @Child Arg list;
        @Child Arg index;
        @Child Arg value;

        ListWrite(Arg list, Arg index, Arg value) {
            this.list = list;
            this.index = index;
            this.value = value;
        }

        @Override
        Object execute(VirtualFrame f) {
            if (index == null) {
                append((VList) list.p(f), value.p(f));
            } else {
                set((VList) list.p(f), index.i(f), value.p(f));
            }
            return null;
        }

        @TruffleBoundary
        static void append(VList l, Object v) {
            l.items.add(v);
        }

        @TruffleBoundary
        static void set(VList l, long i, Object v) {
            l.items.set((int) i, v);
        }
    }

    /** call_* and call_pure_*: a builtin called on boxed arguments; its errors leave through the snapshot. */
    static final class Call extends Compute {
        @Children final Arg[] args;
        @Child SlotWrite to;
        final Function<Object[], Object> fn;

        Call(SlotWrite to, Arg[] args, Function<Object[], Object> fn, Exit raise) {
            super(to == null ? -1 : to.slot, raise);
            this.args = args;
            this.to = to;
            this.fn = fn;
        }

        @Override
        @ExplodeLoop
        void run(VirtualFrame f) {
            Object[] a = Arg.boxAll(args, f, 0);
            Object r = call(fn, a);
            if (to != null) {
                to.putBoxed(f, r);
            }
        }

        @TruffleBoundary
        static Object call(Function<Object[], Object> fn, Object[] a) {
            return fn.apply(a);
        }
    }
}
