package dev.vecl.trace.backend;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.frame.VirtualFrame;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.VectorWidth;

/**
 * Vector operations (VecOpt's output) as Vector API calls, following docs/STACK.md: species are
 * static finals (compile-time constants); every vector slot read goes through
 * {@code castExact(..., species.vectorType())}, so partial evaluation sees the exact class and the
 * calls are inlined and expanded to SIMD however long the trace is; vector slots are zeroed with a
 * zero vector, never null (a null reaching a vector phi stops Graal's expansion). Lane-wise ops have
 * their scalar op's semantics in each lane (VectorOps.scalarOf); the differential tests hold them
 * to the scalar nodes' answers. Vector values are kept in Object static slots.
 */
final class VectorNodes {
    private VectorNodes() {
    }

    // one register of VectorWidth.BITS; static finals, so Graal sees constant species
    static final VectorShape SHAPE = VectorShape.forBitSize(Math.max(64, VectorWidth.BITS));
    static final VectorSpecies<Double> S_F64 = DoubleVector.SPECIES_PREFERRED.withShape(SHAPE);
    @SuppressWarnings("unchecked") static final Class<? extends DoubleVector> C_F64 = (Class<? extends DoubleVector>) S_F64.vectorType();

    static final VectorSpecies<Float> S_F32 = FloatVector.SPECIES_PREFERRED.withShape(SHAPE);
    @SuppressWarnings("unchecked") static final Class<? extends FloatVector> C_F32 = (Class<? extends FloatVector>) S_F32.vectorType();

    static final VectorSpecies<Long> S_I64 = LongVector.SPECIES_PREFERRED.withShape(SHAPE);
    @SuppressWarnings("unchecked") static final Class<? extends LongVector> C_I64 = (Class<? extends LongVector>) S_I64.vectorType();

    // mask classes (one per species): mask slots are read with castExact too
    static final Class<?> M_F64 = S_F64.maskAll(false).getClass();
    static final Class<?> M_F32 = S_F32.maskAll(false).getClass();
    static final Class<?> M_I64 = S_I64.maskAll(false).getClass();

    static final int L_F64 = S_F64.length();
    static final int L_F32 = S_F32.length();
    static final int L_I64 = S_I64.length();

    static {
        warmUp();
    }

    /**
     * Runs every Vector API operation the nodes use once, here in Java. Each operation finds its
     * implementation in a lazily filled {@code @Stable} cache ({@code ImplCache}); an entry that is
     * still null when a trace is partially evaluated (a vector trace is compiled before it first
     * runs) cannot be constant-folded, and every use became a load, a null check and a type check
     * inside the compiled loop (two per group in W2, about 8 instructions of ~40).
     */
    private static void warmUp() {
        double[] d = new double[S_F64.length()];
        float[] s = new float[S_F32.length()];
        long[] l = new long[S_I64.length()];
        DoubleVector x = DoubleVector.fromArray(S_F64, d, 0);
        DoubleVector y = DoubleVector.broadcast(S_F64, 1.0);
        x = y.blend(x, x.lt(y).or(x.compare(VectorOperators.NE, x)));
        x = y.blend(x, x.compare(VectorOperators.GT, y).or(x.compare(VectorOperators.NE, x)));
        x.add(y).sub(y).mul(y).div(y).neg().abs().sqrt().intoArray(d, 0);
        FloatVector u = FloatVector.fromArray(S_F32, s, 0);
        FloatVector w = FloatVector.broadcast(S_F32, 1f);
        u = w.blend(u, u.lt(w).or(u.compare(VectorOperators.NE, u)));
        u = w.blend(u, u.compare(VectorOperators.GT, w).or(u.compare(VectorOperators.NE, u)));
        u.add(w).sub(w).mul(w).div(w).neg().abs().sqrt().intoArray(s, 0);
        LongVector m = LongVector.fromArray(S_I64, l, 0);
        LongVector k = LongVector.broadcast(S_I64, 1L);
        LongVector r = m.add(k).sub(k).mul(k).neg().abs().and(k).or(k).lanewise(VectorOperators.XOR, k);
        r.intoArray(l, 0);
        l[0] += r.reduceLanes(VectorOperators.ADD) + r.reduceLanes(VectorOperators.MUL);
        boolean[] b = new boolean[S_F32.length()];
        for (VectorSpecies<?> sp : new VectorSpecies<?>[] {S_F64, S_F32, S_I64}) {
            warmUpMasks(sp, b);
        }
        DoubleVector.zero(S_F64).intoArray(d, 0);
        FloatVector.zero(S_F32).intoArray(s, 0);
        LongVector.zero(S_I64).intoArray(l, 0);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void warmUpMasks(VectorSpecies sp, boolean[] b) {
        Vector x = sp.zero();
        Vector y = sp.broadcast(1);
        VectorMask m = VectorMask.fromArray(sp, b, 0);
        for (VectorOperators.Comparison c : new VectorOperators.Comparison[] {VectorOperators.LT, VectorOperators.LE, VectorOperators.GT,
                        VectorOperators.GE, VectorOperators.EQ, VectorOperators.NE}) {
            m = m.or(x.compare(c, y));
        }
        m = m.and(sp.maskAll(true)).xor(sp.maskAll(false)).not().eq(m);
        m.intoArray(b, 0);
        x.blend(y, m).compare(VectorOperators.EQ, y).intoArray(b, 0);
    }

    static VectorOperators.Comparison comparison(OpCode c) {
        return switch (c) {
            case VEC_LT -> VectorOperators.LT;
            case VEC_LE -> VectorOperators.LE;
            case VEC_GT -> VectorOperators.GT;
            case VEC_GE -> VectorOperators.GE;
            case VEC_EQ -> VectorOperators.EQ;
            case VEC_NE -> VectorOperators.NE;
            default -> throw new IllegalArgumentException(c.text);
        };
    }

    static VectorSpecies<?> species(Type t) {
        return switch (t) {
            case VEC_F64, MASK_F64 -> S_F64;
            case VEC_F32, MASK_F32 -> S_F32;
            case VEC_I64, MASK_I64 -> S_I64;
            default -> throw new IllegalArgumentException(t.text);
        };
    }

    static Class<?> maskClass(Type t) {
        return switch (t) {
            case MASK_F64 -> M_F64;
            case MASK_F32 -> M_F32;
            case MASK_I64 -> M_I64;
            default -> throw new IllegalArgumentException(t.text);
        };
    }

    // lane-wise kinds (int constants: a switch on a final int field folds in partial evaluation)
    static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, MIN = 4, MAX = 5, NEG = 6, ABS = 7, SQRT = 8, AND = 9, OR = 10, XOR = 11, NOT = 12, EQ = 13;

    static int kind(OpCode c) {
        return switch (c) {
            case VEC_ADD -> ADD;
            case VEC_SUB -> SUB;
            case VEC_MUL -> MUL;
            case VEC_TRUEDIV -> DIV;
            case VEC_MINIMUM -> MIN;
            case VEC_MAXIMUM -> MAX;
            case VEC_NEG -> NEG;
            case VEC_ABS -> ABS;
            case VEC_SQRT -> SQRT;
            case VEC_AND -> AND;
            case VEC_OR -> OR;
            case VEC_XOR -> XOR;
            case VEC_NOT -> NOT;
            case VEC_EQ -> EQ;
            default -> throw new IllegalArgumentException(c.text);
        };
    }

    static Arg slot(Type t, int slot) {
        return switch (t) {
            case VEC_F64 -> new SlotF64(slot);
            case VEC_F32 -> new SlotF32(slot);
            case VEC_I64 -> new SlotI64(slot);
            case MASK_F64, MASK_F32, MASK_I64 -> new MaskSlot(slot, maskClass(t));
            default -> throw new IllegalArgumentException(t.text);
        };
    }

    static SlotWrite write(Type t, int slot) {
        return switch (t) {
            case VEC_F64 -> new WriteF64(slot);
            case VEC_F32 -> new WriteF32(slot);
            case VEC_I64 -> new WriteI64(slot);
            case MASK_F64, MASK_F32, MASK_I64 -> new MaskWrite(slot, species(t), maskClass(t));
            default -> throw new IllegalArgumentException(t.text);
        };
    }

    /** The node of a vector op; {@code d} is its result slot (-1 for stores), {@code a} its operands. */
    static OpNode node(Op op, int d, Arg[] a) {
        OpCode c = op.opcode;
        Type t = op.hasResult() ? op.type() : op.arg(2).type();
        return switch (c) {
            case VEC_LOAD_F64 -> new LoadF64(d, a[0], a[1]);
            case VEC_LOAD_F32 -> new LoadF32(d, a[0], a[1]);
            case VEC_LOAD_I64 -> new LoadI64(d, a[0], a[1]);
            case VEC_STORE_F64 -> new StoreF64(a[0], a[1], a[2]);
            case VEC_STORE_F32 -> new StoreF32(a[0], a[1], a[2]);
            case VEC_STORE_I64 -> new StoreI64(a[0], a[1], a[2]);
            case VEC_SPLAT_F64 -> new SplatF64(d, a[0]);
            case VEC_SPLAT_F32 -> new SplatF32(d, a[0]);
            case VEC_SPLAT_I64 -> new SplatI64(d, a[0]);
            case VEC_REDUCE_ADD_I64 -> new ReduceI64(d, a[0], ADD);
            case VEC_REDUCE_MUL_I64 -> new ReduceI64(d, a[0], MUL);
            case VEC_REDUCE_MIN_I64 -> new ReduceI64(d, a[0], MIN);
            case VEC_REDUCE_MAX_I64 -> new ReduceI64(d, a[0], MAX);
            case VEC_LOAD_MF64, VEC_LOAD_MF32, VEC_LOAD_MI64 -> new LoadMask(d, species(op.type()), a[0], a[1]);
            case VEC_STORE_BOOL -> new StoreMask(a[0], a[1], a[2]);
            case VEC_SPLAT_MF64, VEC_SPLAT_MF32, VEC_SPLAT_MI64 -> new SplatMask(d, species(op.type()), a[0]);
            case VEC_LT, VEC_LE, VEC_GT, VEC_GE, VEC_EQ, VEC_NE -> op.arg(0).type().isMask() ? new MaskLane(d, kind(c), a[0], a[1]) : new Compare(d, comparison(c), a[0], a[1]);
            case VEC_SELECT -> new Select(d, a[0], a[1], a[2]);
            case VEC_AND, VEC_OR, VEC_XOR, VEC_NOT -> t.isMask() ? new MaskLane(d, kind(c), a[0], a.length > 1 ? a[1] : a[0]) : lane(t, d, kind(c), a);
            default -> lane(t, d, kind(c), a);
        };
    }

    static OpNode lane(Type t, int d, int kind, Arg[] a) {
        return switch (t) {
            case VEC_F64 -> new LaneF64(d, kind, a[0], a.length > 1 ? a[1] : a[0]);
            case VEC_F32 -> new LaneF32(d, kind, a[0], a.length > 1 ? a[1] : a[0]);
            case VEC_I64 -> new LaneI64(d, kind, a[0], a.length > 1 ? a[1] : a[0]);
            default -> throw new IllegalArgumentException("no lane-wise vector node on " + t);
        };
    }

    static final class SlotF64 extends Arg implements Arg.Slot {
        final int slot;

        SlotF64(int slot) {
            this.slot = slot;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        Object v(VirtualFrame f) {
            return CompilerDirectives.castExact(f.getObjectStatic(slot), C_F64);
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v(f);
        }
    }

    static final class WriteF64 extends SlotWrite {
        WriteF64(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setObjectStatic(slot, CompilerDirectives.castExact(v, C_F64));
        }

        @Override
        void zero(VirtualFrame f) {
            f.setObjectStatic(slot, DoubleVector.zero(S_F64));
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setObjectStatic(slot, from.v(f));
        }
    }

    static DoubleVector vF64(Arg a, VirtualFrame f) {
        return (DoubleVector) a.v(f);
    }

    static final class LoadF64 extends OpNode {
        final int dst;
        @Child Arg storage;
        @Child Arg index;

        LoadF64(int dst, Arg storage, Arg index) {
            this.dst = dst;
            this.storage = storage;
            this.index = index;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, RawVectors.loadF64(CompilerDirectives.castExact(storage.p(f), double[].class), index.i(f)));
            return null;
        }
    }

    static final class StoreF64 extends OpNode {
        @Child Arg storage;
        @Child Arg index;
        @Child Arg value;

        StoreF64(Arg storage, Arg index, Arg value) {
            this.storage = storage;
            this.index = index;
            this.value = value;
        }

        @Override
        Object execute(VirtualFrame f) {
            RawVectors.storeF64(CompilerDirectives.castExact(storage.p(f), double[].class), index.i(f), vF64(value, f));
            return null;
        }
    }

    static final class SplatF64 extends OpNode {
        final int dst;
        @Child Arg a;

        SplatF64(int dst, Arg a) {
            this.dst = dst;
            this.a = a;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, DoubleVector.broadcast(S_F64, a.f(f)));
            return null;
        }
    }

    static final class LaneF64 extends OpNode {
        final int dst;
        final int kind;
        @Child Arg a;
        @Child Arg b;

        LaneF64(int dst, int kind, Arg a, Arg b) {
            this.dst = dst;
            this.kind = kind;
            this.a = a;
            this.b = b;
        }

        @Override
        Object execute(VirtualFrame f) {
            DoubleVector x = vF64(a, f);
            DoubleVector y = vF64(b, f);
            DoubleVector r = switch (kind) {
                case ADD -> x.add(y);
                case SUB -> x.sub(y);
                case MUL -> x.mul(y);
                case DIV -> x.div(y);
                // NumPy's minimum/maximum as Arith writes them (x < y || x != x ? x : y): two compares and a blend,
                // 1.45x faster on Prospero than lanewise MIN/MAX (Java's NaN and -0.0 rules) plus a blend on ties
                case MIN -> y.blend(x, x.lt(y).or(x.compare(VectorOperators.NE, x)));
                case MAX -> y.blend(x, x.compare(VectorOperators.GT, y).or(x.compare(VectorOperators.NE, x)));
                case NEG -> x.neg();
                case ABS -> x.abs();
                case SQRT -> x.sqrt();
                default -> throw CompilerDirectives.shouldNotReachHere();
            };
            f.setObjectStatic(dst, r);
            return null;
        }
    }

    static final class SlotF32 extends Arg implements Arg.Slot {
        final int slot;

        SlotF32(int slot) {
            this.slot = slot;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        Object v(VirtualFrame f) {
            return CompilerDirectives.castExact(f.getObjectStatic(slot), C_F32);
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v(f);
        }
    }

    static final class WriteF32 extends SlotWrite {
        WriteF32(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setObjectStatic(slot, CompilerDirectives.castExact(v, C_F32));
        }

        @Override
        void zero(VirtualFrame f) {
            f.setObjectStatic(slot, FloatVector.zero(S_F32));
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setObjectStatic(slot, from.v(f));
        }
    }

    static FloatVector vF32(Arg a, VirtualFrame f) {
        return (FloatVector) a.v(f);
    }

    static final class LoadF32 extends OpNode {
        final int dst;
        @Child Arg storage;
        @Child Arg index;

        LoadF32(int dst, Arg storage, Arg index) {
            this.dst = dst;
            this.storage = storage;
            this.index = index;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, RawVectors.loadF32(CompilerDirectives.castExact(storage.p(f), float[].class), index.i(f)));
            return null;
        }
    }

    static final class StoreF32 extends OpNode {
        @Child Arg storage;
        @Child Arg index;
        @Child Arg value;

        StoreF32(Arg storage, Arg index, Arg value) {
            this.storage = storage;
            this.index = index;
            this.value = value;
        }

        @Override
        Object execute(VirtualFrame f) {
            RawVectors.storeF32(CompilerDirectives.castExact(storage.p(f), float[].class), index.i(f), vF32(value, f));
            return null;
        }
    }

    static final class SplatF32 extends OpNode {
        final int dst;
        @Child Arg a;

        SplatF32(int dst, Arg a) {
            this.dst = dst;
            this.a = a;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, FloatVector.broadcast(S_F32, a.s(f)));
            return null;
        }
    }

    static final class LaneF32 extends OpNode {
        final int dst;
        final int kind;
        @Child Arg a;
        @Child Arg b;

        LaneF32(int dst, int kind, Arg a, Arg b) {
            this.dst = dst;
            this.kind = kind;
            this.a = a;
            this.b = b;
        }

        @Override
        Object execute(VirtualFrame f) {
            FloatVector x = vF32(a, f);
            FloatVector y = vF32(b, f);
            FloatVector r = switch (kind) {
                case ADD -> x.add(y);
                case SUB -> x.sub(y);
                case MUL -> x.mul(y);
                case DIV -> x.div(y);
                // NumPy's minimum/maximum as Arith writes them (x < y || x != x ? x : y): two compares and a blend,
                // 1.45x faster on Prospero than lanewise MIN/MAX (Java's NaN and -0.0 rules) plus a blend on ties
                case MIN -> y.blend(x, x.lt(y).or(x.compare(VectorOperators.NE, x)));
                case MAX -> y.blend(x, x.compare(VectorOperators.GT, y).or(x.compare(VectorOperators.NE, x)));
                case NEG -> x.neg();
                case ABS -> x.abs();
                case SQRT -> x.sqrt();
                default -> throw CompilerDirectives.shouldNotReachHere();
            };
            f.setObjectStatic(dst, r);
            return null;
        }
    }

    static final class SlotI64 extends Arg implements Arg.Slot {
        final int slot;

        SlotI64(int slot) {
            this.slot = slot;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        Object v(VirtualFrame f) {
            return CompilerDirectives.castExact(f.getObjectStatic(slot), C_I64);
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v(f);
        }
    }

    static final class WriteI64 extends SlotWrite {
        WriteI64(int slot) {
            super(slot);
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setObjectStatic(slot, CompilerDirectives.castExact(v, C_I64));
        }

        @Override
        void zero(VirtualFrame f) {
            f.setObjectStatic(slot, LongVector.zero(S_I64));
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setObjectStatic(slot, from.v(f));
        }
    }

    static LongVector vI64(Arg a, VirtualFrame f) {
        return (LongVector) a.v(f);
    }

    static final class LoadI64 extends OpNode {
        final int dst;
        @Child Arg storage;
        @Child Arg index;

        LoadI64(int dst, Arg storage, Arg index) {
            this.dst = dst;
            this.storage = storage;
            this.index = index;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, RawVectors.loadI64(CompilerDirectives.castExact(storage.p(f), long[].class), index.i(f)));
            return null;
        }
    }

    static final class StoreI64 extends OpNode {
        @Child Arg storage;
        @Child Arg index;
        @Child Arg value;

        StoreI64(Arg storage, Arg index, Arg value) {
            this.storage = storage;
            this.index = index;
            this.value = value;
        }

        @Override
        Object execute(VirtualFrame f) {
            RawVectors.storeI64(CompilerDirectives.castExact(storage.p(f), long[].class), index.i(f), vI64(value, f));
            return null;
        }
    }

    static final class SplatI64 extends OpNode {
        final int dst;
        @Child Arg a;

        SplatI64(int dst, Arg a) {
            this.dst = dst;
            this.a = a;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, LongVector.broadcast(S_I64, a.i(f)));
            return null;
        }
    }

    static final class LaneI64 extends OpNode {
        final int dst;
        final int kind;
        @Child Arg a;
        @Child Arg b;

        LaneI64(int dst, int kind, Arg a, Arg b) {
            this.dst = dst;
            this.kind = kind;
            this.a = a;
            this.b = b;
        }

        @Override
        Object execute(VirtualFrame f) {
            LongVector x = vI64(a, f);
            LongVector y = vI64(b, f);
            LongVector r = switch (kind) {
                case ADD -> x.add(y);
                case SUB -> x.sub(y);
                case MUL -> x.mul(y);
                case NEG -> x.neg();
                case ABS -> x.abs();
                case AND -> x.and(y);
                case OR -> x.or(y);
                case XOR -> x.lanewise(VectorOperators.XOR, y);
                // a compare and a blend, as for floats: AVX2 has no 64-bit min/max instruction
                case MIN -> y.blend(x, x.lt(y));
                case MAX -> y.blend(x, x.compare(VectorOperators.GT, y));
                default -> throw CompilerDirectives.shouldNotReachHere();
            };
            f.setObjectStatic(dst, r);
            return null;
        }
    }

    /**
     * The lanes folded by one operation. Sums and products use the Vector API's reduction; min and
     * max fold lane by lane (only exits and the loop's end fold, so the lane loop costs nothing that
     * matters, and it needs no 64-bit min instruction, which AVX2 lacks).
     */
    static final class ReduceI64 extends OpNode {
        final int dst;
        final int kind;
        @Child Arg a;

        ReduceI64(int dst, Arg a, int kind) {
            this.dst = dst;
            this.a = a;
            this.kind = kind;
        }

        @Override
        @com.oracle.truffle.api.nodes.ExplodeLoop
        Object execute(VirtualFrame f) {
            LongVector x = vI64(a, f);
            long s;
            switch (kind) {
                case ADD -> s = x.reduceLanes(VectorOperators.ADD);
                case MUL -> s = x.reduceLanes(VectorOperators.MUL);
                case MIN, MAX -> {
                    s = x.lane(0);
                    for (int j = 1; j < L_I64; j++) {
                        s = kind == MIN ? dev.vecl.runtime.Arith.minimumLong(s, x.lane(j)) : dev.vecl.runtime.Arith.maximumLong(s, x.lane(j));
                    }
                }
                default -> throw CompilerDirectives.shouldNotReachHere();
            }
            f.setLongStatic(dst, s);
            return null;
        }
    }

    // ---- masks: one node class for all mask types; the class to cast to and the species are final fields (PE constants)

    static final class MaskSlot extends Arg implements Arg.Slot {
        final int slot;
        final Class<?> cls;

        MaskSlot(int slot, Class<?> cls) {
            this.slot = slot;
            this.cls = cls;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        Object v(VirtualFrame f) {
            return CompilerDirectives.castExact(f.getObjectStatic(slot), cls);
        }

        @Override
        Object boxed(VirtualFrame f) {
            return v(f);
        }
    }

    static final class MaskWrite extends SlotWrite {
        final VectorSpecies<?> species;
        final Class<?> cls;

        MaskWrite(int slot, VectorSpecies<?> species, Class<?> cls) {
            super(slot);
            this.species = species;
            this.cls = cls;
        }

        @Override
        void putBoxed(VirtualFrame f, Object v) {
            f.setObjectStatic(slot, CompilerDirectives.castExact(v, cls));
        }

        @Override
        void zero(VirtualFrame f) {
            f.setObjectStatic(slot, species.maskAll(false));
        }

        @Override
        void move(VirtualFrame f, Arg from) {
            f.setObjectStatic(slot, from.v(f));
        }
    }

    static VectorMask<?> mask(Arg a, VirtualFrame f) {
        return (VectorMask<?>) a.v(f);
    }

    /** A vector comparison: Java's lane-wise answers, which are Python's (NaN is unordered, -0.0 == 0.0). */
    static final class Compare extends OpNode {
        final int dst;
        final VectorOperators.Comparison cmp;
        @Child Arg a;
        @Child Arg b;

        Compare(int dst, VectorOperators.Comparison cmp, Arg a, Arg b) {
            this.dst = dst;
            this.cmp = cmp;
            this.a = a;
            this.b = b;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object execute(VirtualFrame f) {
            Vector x = (Vector) a.v(f);
            f.setObjectStatic(dst, x.compare(cmp, (Vector) b.v(f)));
            return null;
        }
    }

    static final class MaskLane extends OpNode {
        final int dst;
        final int kind;
        @Child Arg a;
        @Child Arg b;

        MaskLane(int dst, int kind, Arg a, Arg b) {
            this.dst = dst;
            this.kind = kind;
            this.a = a;
            this.b = b;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object execute(VirtualFrame f) {
            VectorMask x = mask(a, f);
            VectorMask y = mask(b, f);
            VectorMask r = switch (kind) {
                case AND -> x.and(y);
                case OR -> x.or(y);
                case XOR -> x.xor(y);
                case NOT -> x.not();
                case EQ -> x.eq(y);
                default -> throw CompilerDirectives.shouldNotReachHere();
            };
            f.setObjectStatic(dst, r);
            return null;
        }
    }

    /** Lanes of x where the mask is set, else of y ({@code y.blend(x, m)}). */
    static final class Select extends OpNode {
        final int dst;
        @Child Arg m;
        @Child Arg x;
        @Child Arg y;

        Select(int dst, Arg m, Arg x, Arg y) {
            this.dst = dst;
            this.m = m;
            this.x = x;
            this.y = y;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object execute(VirtualFrame f) {
            Vector v = (Vector) y.v(f);
            f.setObjectStatic(dst, v.blend((Vector) x.v(f), (VectorMask) mask(m, f)));
            return null;
        }
    }

    static final class LoadMask extends OpNode {
        final int dst;
        final VectorSpecies<?> species;
        @Child Arg storage;
        @Child Arg index;

        LoadMask(int dst, VectorSpecies<?> species, Arg storage, Arg index) {
            this.dst = dst;
            this.species = species;
            this.storage = storage;
            this.index = index;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, VectorMask.fromArray(species, CompilerDirectives.castExact(storage.p(f), boolean[].class), (int) index.i(f)));
            return null;
        }
    }

    static final class StoreMask extends OpNode {
        @Child Arg storage;
        @Child Arg index;
        @Child Arg value;

        StoreMask(Arg storage, Arg index, Arg value) {
            this.storage = storage;
            this.index = index;
            this.value = value;
        }

        @Override
        Object execute(VirtualFrame f) {
            mask(value, f).intoArray(CompilerDirectives.castExact(storage.p(f), boolean[].class), (int) index.i(f));
            return null;
        }
    }

    static final class SplatMask extends OpNode {
        final int dst;
        final VectorSpecies<?> species;
        @Child Arg a;

        SplatMask(int dst, VectorSpecies<?> species, Arg a) {
            this.dst = dst;
            this.species = species;
            this.a = a;
        }

        @Override
        Object execute(VirtualFrame f) {
            f.setObjectStatic(dst, species.maskAll(a.b(f)));
            return null;
        }
    }
}
