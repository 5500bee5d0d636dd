package dev.vecl.vecopt.widen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Eval;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceVerifier;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.Value;
import dev.vecl.trace.ir.VectorOps;
import dev.vecl.vecopt.accum.Reduction;
import dev.vecl.vecopt.cost.Decision;
import dev.vecl.vecopt.deps.Affine;
import dev.vecl.vecopt.deps.MemRef;

/**
 * The direct widening path (docs/vecopt.md): a peeled loop whose iterations are independent apart
 * from the induction variable i (step 1) and recognized reductions becomes
 *
 * <pre>
 * preamble (iteration 1, verbatim)
 * entry checks: symbolic strides are 1, bounds leave room for a group, views do not overlap
 *               within a group, each failing to the scalar loop version at the loop header
 * splats of the loop-invariant operands, reduction partials at their identity
 * label(i, invariants, splats, partials, reduction entry values)
 *   folded reductions (what the interpreter must see at this group's start)
 *   index arithmetic of lane 0; every guard of the body for the whole group (first and last lane)
 *   the body's loads, arithmetic, stores and reduction steps on vectors, in program order
 * jump(i + lanes, ...)
 * </pre>
 *
 * Every guard after the preamble resumes at the loop header with the state of the group's first
 * iteration; the caller continues there in the scalar loop (the original trace), which runs the
 * tail and anything a group could not. Ops are processed in one linear pass, so bodies of
 * thousands of ops widen in linear time.
 */
public final class Widen {
    private Widen() {
    }

    /**
     * @param vector the widened trace, or null when refused
     * @param versionExits for each guard of {@code vector} that resumes at the loop header: the
     *            values (of {@code vector}) to enter the scalar version with, one per its input
     * @param reason why it was refused, or what was done
     */
    public record Result(Trace vector, Trace scalar, Map<Integer, List<Value>> versionExits, String reason, int lanes) {
        public boolean vectorized() {
            return vector != null;
        }
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param t the optimized (peeled) loop trace
     * @param inputRegisters the interpreter register of each input of {@code t} (null: no version exits)
     */
    public static Result apply(Trace t, int[] inputRegisters) {
        return apply(t, inputRegisters, UNROLL);
    }

    /** @param unroll groups per iteration of the vector loop for small bodies ({@link #UNROLL}) */
    public static Result apply(Trace t, int[] inputRegisters, int unroll) {
        try {
            try {
                return new Widen.Run(t, inputRegisters, true, unroll).run();
            } catch (Refused r) {
                if (!r.getMessage().startsWith(INTERNAL)) {
                    throw r;
                }
                // the entry without iteration 1 did not verify: keep the peeled iteration
                Result v = new Widen.Run(t, inputRegisters, false, unroll).run();
                return new Result(v.vector(), v.scalar(), v.versionExits(), v.reason() + " after the peeled iteration (" + r.getMessage() + ")", v.lanes());
            }
        } catch (Refused r) {
            return new Result(null, t, Map.of(), r.getMessage(), 0);
        }
    }

    static final String INTERNAL = "internal: ";

    private static Set<Value> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** A guard of the body, as the group checks it: {@code X < m}, {@code X <= m} or {@code 0 <= X < m} (index). */
    private record Bound(Op guard, Value x, Affine form, OpCode cmp, Value limit) {
    }

    /** At most this many splats are hoisted before the loop when some are constants (AVX-512 has 32 vector registers). */
    static final int HOISTED_SPLATS = 24;

    /** Widened ops between two cuts of a long body (see Run.Cuts). */
    static final int CUT_OPS = Integer.getInteger("vecl.vecopt.cutOps", 256);

    /**
     * Groups per iteration of a small body's vector loop ({@code -Dvecl.vecopt.unroll}). Graal does
     * not unroll the trace's loop, and with 4 or 8 lanes the loop's own test, index updates and
     * safepoint poll are a large share of a one-group iteration (C2 unrolls a Vector API loop 4-8
     * times). The groups of one iteration run one after another, exactly as consecutive
     * iterations would; the bounds are checked once for all of them, so the scalar version runs
     * up to lanes * unroll - 1 tail iterations.
     */
    public static final int UNROLL = Math.max(1, Integer.getInteger("vecl.vecopt.unroll", 2));

    /** Bodies up to this many ops are unrolled (longer ones are not dominated by the loop's overhead). */
    static final int UNROLL_BODY_OPS = 64;

    private static final class Run {
        final Trace t;
        final int[] inputRegisters;
        final Op label;
        final List<Op> body;
        final Op jump;
        int iv;
        Value ivVar;
        final Set<Value> invariant = identitySet();
        final Set<Value> scalarInBody = identitySet();
        final Map<Value, Affine> affine = new IdentityHashMap<>();
        final Map<Value, Type> data = new IdentityHashMap<>();
        /** The vector type each widened store writes. */
        final Map<Op, Type> stored = new IdentityHashMap<>();
        /** Comparisons of the induction variable (bound tests): never data. */
        final Set<Value> boundTests = identitySet();
        final List<MemRef> memRefs = new ArrayList<>();
        final List<Bound> bounds = new ArrayList<>();
        final Set<Op> invariantGuards = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<Reduction> reductions = new ArrayList<>();
        /** Loop variables the jump gives the induction variable's current value (for-range's user variable). */
        final List<Value> lagged = new ArrayList<>();
        final Map<Op, Reduction> updates = new IdentityHashMap<>();
        int vectorOps;
        int lanes;

        /** Whether the vector loop may start at iteration 1, with only the preamble's invariant part before it (see {@link #header}). */
        final boolean fromIterationOne;

        /** Groups per vector iteration (1 for bodies longer than UNROLL_BODY_OPS). */
        final int unroll;

        Run(Trace t, int[] inputRegisters, boolean fromIterationOne, int unroll) {
            this.t = t;
            this.inputRegisters = inputRegisters;
            this.fromIterationOne = fromIterationOne;
            if (!t.isLoop() || t.preamble().isEmpty()) {
                throw new Refused("not a peeled loop");
            }
            this.label = t.label();
            this.jump = t.last();
            List<Op> b = t.body();
            this.body = b.subList(0, b.size() - 1);
            this.unroll = body.size() <= UNROLL_BODY_OPS ? unroll : 1;
        }

        boolean isInv(Value v) {
            return v instanceof Const || invariant.contains(v) || scalarInBody.contains(v);
        }

        /** The affine form of an int value, or null when it is data (or not an int). */
        Affine form(Value v) {
            if (v == ivVar) {
                return Affine.induction();
            }
            Affine a = affine.get(v);
            if (a != null) {
                return a;
            }
            return isInv(v) && v.type() == Type.INT ? Affine.invariant(v) : null;
        }

        boolean dependsOnI(Value v) {
            Affine a = form(v);
            return a != null && a.dependsOnI();
        }

        Result run() {
            findLoopVariables();
            for (Op op : body) {
                classify(op);
            }
            resolveMasks();
            for (Reduction r : reductions) {
                for (Op op : body) {
                    if (op != r.update() && op.args().contains(r.acc())) {
                        throw new Refused("accumulator used in the loop (" + op.opcode.text + ")");
                    }
                }
            }
            lanes = 0;
            List<Type> widths = new ArrayList<>(data.values());
            for (MemRef m : memRefs) {
                widths.add(m.vector()); // a store of an invariant has no data, but its lanes count
            }
            for (Type vt : widths) {
                if (lanes != 0 && vt.lanes() != lanes) {
                    throw new Refused("mixed lane counts (" + vt.element() + " with " + lanes + "-lane values)");
                }
                lanes = vt.lanes();
            }
            if (!reductions.isEmpty() && lanes != 0 && lanes != Type.VEC_I64.lanes()) {
                throw new Refused("mixed lane counts (int reduction)");
            }
            if (lanes == 0) {
                lanes = Type.VEC_I64.lanes();
            }
            if (bounds.isEmpty()) {
                // the group's lanes are known in range only through a bound the loop tests
                throw new Refused("no bound test on the induction variable");
            }
            Decision d = Decision.decide(memRefs.size(), vectorOps, lanes);
            if (!d.vectorize()) {
                throw new Refused(d.reason());
            }
            return build(unroll > 1 ? d.reason() + " unroll=" + unroll : d.reason());
        }

        void findLoopVariables() {
            iv = -1;
            for (int k = 0; k < label.numArgs(); k++) {
                Value l = label.arg(k);
                Value j = jump.arg(k);
                if (j instanceof Op o && !label.args().contains(o) && o.opcode == OpCode.INT_ADD && ((o.arg(0) == l && Const.of(1L).equals(o.arg(1))) || (o.arg(1) == l && Const.of(1L).equals(o.arg(0))))) {
                    if (iv >= 0) {
                        throw new Refused("several induction variables");
                    }
                    iv = k;
                } else if (j == l) {
                    invariant.add(l);
                }
            }
            if (iv < 0) {
                throw new Refused("no induction variable counting up by 1");
            }
            ivVar = label.arg(iv);
            for (int k = 0; k < label.numArgs(); k++) {
                if (k != iv && jump.arg(k) == ivVar) {
                    // the user's loop variable, one behind the range counter: i - 1 at the header
                    lagged.add(label.arg(k));
                    affine.put(label.arg(k), new Affine(-1, Map.of(), 1, null));
                    continue;
                }
                if (k != iv && !invariant.contains(label.arg(k))) {
                    Reduction[] out = new Reduction[1];
                    String why = Reduction.recognize(k, label.arg(k), jump.arg(k), out);
                    if (why != null) {
                        throw new Refused(why);
                    }
                    reductions.add(out[0]);
                    updates.put(out[0].update(), out[0]);
                }
            }
        }

        void classify(Op op) {
            OpCode c = op.opcode;
            if (updates.containsKey(op)) {
                Reduction r = updates.get(op);
                Value x = r.operand();
                if (dependsOnI(x)) {
                    throw new Refused("induction variable used as data (reduction)");
                }
                if (data.containsKey(x) && data.get(x) != Type.VEC_I64) {
                    throw new Refused("reduction of " + data.get(x));
                }
                data.put(op, Type.VEC_I64);
                vectorOps++;
                return;
            }
            boolean allInv = true;
            boolean anyData = false;
            boolean anyI = false;
            for (Value v : op.args()) {
                allInv &= isInv(v);
                anyData |= data.containsKey(v);
                anyI |= dependsOnI(v) || v == ivVar || boundTests.contains(v);
            }
            if (c.isGuard()) {
                guard(op, allInv, anyData);
                return;
            }
            switch (c) {
                case INT_ADD, INT_SUB, INT_MUL:
                    if (anyI) {
                        if (anyData) {
                            throw new Refused("induction variable mixed with data");
                        }
                        Affine a = form(op.arg(0));
                        Affine b = form(op.arg(1));
                        Affine r = c == OpCode.INT_ADD ? Affine.add(a, b, 1)
                                        : c == OpCode.INT_SUB ? Affine.add(a, b, -1)
                                                        : !b.dependsOnI() ? Affine.mul(a, op.arg(1)) : !a.dependsOnI() ? Affine.mul(b, op.arg(0)) : null;
                        if (r == null) {
                            throw new Refused("index not affine in the induction variable");
                        }
                        affine.put(op, r);
                        return;
                    }
                    break;
                case INT_LT, INT_LE, INT_GT, INT_GE, INT_EQ, INT_NE:
                    if (anyI) {
                        if (anyData) {
                            throw new Refused("induction variable mixed with data");
                        }
                        // a bound test: widened by the guard that uses it
                        affine.put(op, Affine.invariant(Const.of(0L)));
                        boundTests.add(op);
                        return;
                    }
                    break;
                case GETARRAYITEM_F64, GETARRAYITEM_F32, GETARRAYITEM_I64, GETARRAYITEM_BOOL: {
                    Type vt = c == OpCode.GETARRAYITEM_BOOL ? Type.BOOL : op.type().vector(); // BOOL: a mask, typed by resolveMasks
                    memRef(op, op.arg(0), op.arg(1), false, vt);
                    data.put(op, vt);
                    vectorOps++;
                    return;
                }
                case SETARRAYITEM_F64, SETARRAYITEM_F32, SETARRAYITEM_I64, SETARRAYITEM_BOOL: {
                    Type vt = c == OpCode.SETARRAYITEM_BOOL ? Type.BOOL : op.arg(2).type().vector();
                    if (dependsOnI(op.arg(2)) || op.arg(2) == ivVar || boundTests.contains(op.arg(2))) {
                        throw new Refused("induction variable used as data (store)");
                    }
                    memRef(op, op.arg(0), op.arg(1), true, vt);
                    stored.put(op, vt);
                    vectorOps++;
                    return;
                }
                case GETARRAYITEM_I32, SETARRAYITEM_I32:
                    throw new Refused("unsupported op " + c.text + " (dtype not widened yet)");
                default:
                    break;
            }
            if (c.isPure() && !c.hasDescr() && !Eval.mayRaise(op) && op.hasResult() && !c.isLoad()) {
                if (allInv) {
                    scalarInBody.add(op);
                    return;
                }
                if (anyI) {
                    throw new Refused("induction variable used as data (" + c.text + ")");
                }
                if (VectorOps.isSelect(c) && op.type().vector() != null) {
                    // where: a blend of the two operands' vectors by the condition's mask (checked in resolveMasks)
                    data.put(op, op.type().vector());
                    vectorOps++;
                    return;
                }
                OpCode v = VectorOps.vectorOf(c);
                Type lane = op.arg(0).type();
                if (v != null && VectorOps.scalarOf(v, lane) == c) {
                    // on bools: a mask, typed by resolveMasks; comparisons give the mask of their operands' type
                    Type vt = lane == Type.BOOL ? Type.BOOL : VectorOps.isCompare(v) ? lane.vector().mask() : lane.vector();
                    data.put(op, vt);
                    vectorOps++;
                    return;
                }
            }
            throw new Refused("unsupported op " + c.text);
        }

        /**
         * Gives bool loads, bool operations and bool stores their mask type. The Vector API has a
         * mask class per element type, so the masks a loop combines must agree: a comparison's is
         * its operands'; a bool array element's is the loop's (float32's when it has 16 lanes,
         * float64's when it works on float64, else int64's).
         */
        void resolveMasks() {
            int l = 0;
            boolean f64 = false;
            for (Type vt : data.values()) {
                if (vt != Type.BOOL) {
                    l = vt.lanes();
                    f64 |= vt == Type.VEC_F64 || vt == Type.MASK_F64;
                }
            }
            for (MemRef m : memRefs) {
                if (m.vector() != Type.BOOL) {
                    l = m.vector().lanes();
                    f64 |= m.vector() == Type.VEC_F64;
                }
            }
            Type def = l == 0 ? (reductions.isEmpty() ? Type.MASK_F32 : Type.MASK_I64)
                            : l == Type.MASK_F32.lanes() && l != Type.MASK_F64.lanes() ? Type.MASK_F32 : f64 ? Type.MASK_F64 : Type.MASK_I64;
            for (Op op : body) {
                if (data.get(op) == Type.BOOL) {
                    Type m = op.opcode.isLoad() ? def : null;
                    for (Value v : op.args()) {
                        Type a = data.get(v);
                        if (a != null && m != null && a != m) {
                            throw new Refused("masks of different element types combined (" + m + " with " + a + ")");
                        }
                        m = a != null ? a : m;
                    }
                    data.put(op, m != null ? m : def);
                } else if (stored.get(op) == Type.BOOL) {
                    Type m = data.get(op.arg(2));
                    stored.put(op, m != null ? m : def);
                }
            }
            for (Op op : body) {
                Type m = VectorOps.isSelect(op.opcode) ? data.get(op.arg(0)) : null;
                if (m != null && data.containsKey(op) && m != data.get(op).mask()) {
                    throw new Refused("masks of different element types combined (" + m + " selects " + data.get(op) + ")");
                }
            }
            for (int k = 0; k < memRefs.size(); k++) {
                MemRef m = memRefs.get(k);
                if (m.vector() == Type.BOOL) {
                    memRefs.set(k, new MemRef(m.op(), m.storage(), m.index(), m.store(), m.store() ? stored.get(m.op()) : data.get(m.op())));
                }
            }
        }

        /** The vector type an operand of {@code op} (whose vector type is {@code vt}) is widened to. */
        static Type operandVector(Type vt, Value v) {
            return v.type() == Type.BOOL ? vt.mask() : v.type().vector();
        }

        void guard(Op op, boolean allInv, boolean anyData) {
            if (allInv) {
                invariantGuards.add(op);
                return;
            }
            if (anyData) {
                throw new Refused("data-dependent guard (" + op.opcode.text + ")");
            }
            if (op.opcode == OpCode.GUARD_INDEX && isInv(op.arg(1))) {
                Affine f = form(op.arg(0));
                bounds.add(new Bound(op, op.arg(0), checkIncreasing(f), OpCode.GUARD_INDEX, op.arg(1)));
                return;
            }
            if ((op.opcode == OpCode.GUARD_TRUE || op.opcode == OpCode.GUARD_FALSE) && op.arg(0) instanceof Op cmp && cmp.opcode.isIntCompare()) {
                Value a = cmp.arg(0);
                Value b = cmp.arg(1);
                OpCode rel = cmp.opcode;
                if (!dependsOnI(a) && a != ivVar) {
                    Value s = a;
                    a = b;
                    b = s;
                    rel = switch (rel) {
                        case INT_LT -> OpCode.INT_GT;
                        case INT_LE -> OpCode.INT_GE;
                        case INT_GT -> OpCode.INT_LT;
                        case INT_GE -> OpCode.INT_LE;
                        default -> rel;
                    };
                }
                if (op.opcode == OpCode.GUARD_FALSE) {
                    rel = switch (rel) {
                        case INT_LT -> OpCode.INT_GE;
                        case INT_LE -> OpCode.INT_GT;
                        case INT_GT -> OpCode.INT_LE;
                        case INT_GE -> OpCode.INT_LT;
                        case INT_EQ -> OpCode.INT_NE;
                        default -> OpCode.INT_EQ;
                    };
                }
                if ((rel == OpCode.INT_LT || rel == OpCode.INT_LE) && isInv(b) && !dependsOnI(b)) {
                    bounds.add(new Bound(op, a, checkIncreasing(form(a)), rel, b));
                    return;
                }
            }
            throw new Refused("guard form not widened (" + op.opcode.text + ")");
        }

        Affine checkIncreasing(Affine f) {
            if (f == null || !(f.symbolicScale() != null || f.scale() > 0)) {
                throw new Refused("bound not increasing with the induction variable");
            }
            return f;
        }

        void memRef(Op op, Value storage, Value index, boolean store, Type vt) {
            if (!isInv(storage) || scalarInBody.contains(storage)) {
                throw new Refused("storage varies in the loop");
            }
            Affine f = form(index);
            if (f == null || !f.dependsOnI()) {
                throw new Refused(f == null ? "index not affine in the induction variable" : "loop-invariant element access in the loop");
            }
            if (f.symbolicScale() == null && f.scale() != 1) {
                throw new Refused("stride " + f.scale() + " (not contiguous)");
            }
            memRefs.add(new MemRef(op, storage, f, store, vt));
        }

        // ------------------------------------------------------------ building the widened trace

        final List<Op> out = new ArrayList<>();
        final Map<Value, Value> sub = new IdentityHashMap<>();
        final Set<Value> usedInBody = identitySet();
        /** Group guards that exit to the interpreter, not to the scalar version (see build). */
        final Set<Value> direct = identitySet();
        /** Strides checked to be 1 at entry (in order, for deterministic output). */
        final List<Value> strides = new ArrayList<>();

        Op emit(Op op) {
            out.add(op);
            return op;
        }

        Op emit(OpCode c, Value... args) {
            return emit(Op.of(c, args));
        }

        Value mapped(Value v) {
            Value m = sub.get(v);
            return m != null ? m : v;
        }

        /** The invariant part of an affine form (i = 0), emitted before the label; its terms must be visible there. */
        Value emitInvariantPart(Affine a) {
            Value acc = Const.of(a.constant());
            for (Map.Entry<Value, Long> e : a.terms().entrySet()) {
                if (scalarInBody.contains(e.getKey())) {
                    throw new Refused("index term computed in the loop");
                }
                Value term = e.getValue() == 1 ? e.getKey() : emit(OpCode.INT_MUL, e.getKey(), Const.of(e.getValue()));
                acc = acc instanceof Const.Int z && z.value() == 0 ? term : emit(OpCode.INT_ADD, acc, term);
            }
            return acc;
        }

        Value preambleVisible(Value v, String what) {
            if (scalarInBody.contains(v)) {
                throw new Refused(what + " computed in the loop");
            }
            return v;
        }

        /**
         * The part of the preamble the vector loop needs when it starts at iteration 1 rather than
         * after the peeled copy of it: the invariant computations (array fields, hoisted scalars)
         * and the guards on them, with every guard resuming at the loop header in the state the
         * trace was entered with (nothing has run yet). A body of thousands of ops then compiles
         * once as vectors instead of also once as scalars, and the first iteration is vectorized
         * too. Null when the preamble does something else first (loads, calls with effects,
         * guards on iteration 1's data) or the header state is not the inputs': then the peeled
         * iteration stays, verbatim.
         */
        List<Op> header() {
            if (!fromIterationOne || inputRegisters == null || label.snapshot.frames().size() != 1) {
                return null;
            }
            Map<Integer, Value> regs = label.snapshot.innermost().registers();
            Map<Integer, Value> inputOf = new HashMap<>();
            for (int j = 0; j < inputRegisters.length; j++) {
                inputOf.put(inputRegisters[j], t.inputs.get(j));
            }
            Map<Value, Value> initial = new IdentityHashMap<>();
            for (Map.Entry<Integer, Value> e : regs.entrySet()) {
                Value l = e.getValue();
                Value in = inputOf.get(e.getKey());
                if (label.args().contains(l) && !invariant.contains(l) && in != null && in.type() == l.type()) {
                    initial.put(l, in); // a loop-carried variable: on entry, the input of its register
                }
            }
            for (Value l : label.args()) {
                if (!invariant.contains(l) && !initial.containsKey(l)) {
                    return null;
                }
            }
            Set<Value> avail = identitySet();
            avail.addAll(t.inputs);
            List<Op> kept = new ArrayList<>();
            for (Op op : t.preamble()) {
                boolean args = true;
                for (Value v : op.args()) {
                    args &= v instanceof Const || avail.contains(v);
                }
                if (op.opcode.isGuard()) {
                    if (!args) {
                        return null; // a guard on iteration 1's data
                    }
                    kept.add(op);
                } else if (args && op.opcode.isPure() && !op.opcode.isLoad() && op.hasResult()) {
                    // pure: may still raise (a global's lookup), then from the entry state too
                    avail.add(op);
                    kept.add(op);
                }
            }
            for (Value v : label.args()) {
                if (invariant.contains(v) && !(v instanceof Const) && !avail.contains(v)) {
                    return null;
                }
            }
            for (Value v : regs.values()) {
                Value w = initial.getOrDefault(v, v);
                if (!(w instanceof Const) && !t.inputs.contains(w) && !avail.contains(w)) {
                    return null;
                }
            }
            sub.putAll(initial);
            entryState = label.snapshot.map(v -> initial.getOrDefault(v, v));
            // drop what no kept guard, label variable or entry check can use: only what the loop's
            // invariants reach back to and the guards' operands
            Set<Value> live = identitySet();
            for (Value v : label.args()) {
                if (invariant.contains(v)) {
                    live.add(v);
                }
            }
            List<Op> needed = new ArrayList<>();
            for (int k = kept.size() - 1; k >= 0; k--) {
                Op op = kept.get(k);
                if (op.opcode.isGuard() || live.contains(op)) {
                    live.addAll(op.args());
                    needed.add(op);
                }
            }
            Collections.reverse(needed);
            // ops with a snapshot are copied with the entry state; their users then use the copy
            // (the header's values keep their meaning: i + 1 there is not the loop's i)
            List<Op> header = new ArrayList<>();
            for (Op op : needed) {
                List<Value> args = op.args().stream().map(v -> copies.getOrDefault(v, v)).toList();
                Op h = op.snapshot != null || !args.equals(op.args()) ? new Op(op.opcode, args, op.descr, op.snapshot != null ? entryState : null) : op;
                if (h != op && op.hasResult()) {
                    copies.put(op, h);
                }
                header.add(h);
            }
            copies.forEach(sub::putIfAbsent);
            return header;
        }

        /** Header ops copied with the entry state (their users in the loop use the copies). */
        final Map<Value, Value> copies = new IdentityHashMap<>();

        /** The interpreter's state at the loop header when the vector loop is entered. */
        Snapshot entryState;

        Result build(String reason) {
            List<Op> header = header();
            int firstCheck;
            Snapshot entry;
            if (header != null) {
                out.addAll(header);
                firstCheck = 0;
                entry = entryState;
            } else {
                out.addAll(t.preamble());
                firstCheck = out.size();
                entry = label.snapshot;
            }
            final int span = lanes * unroll; // iterations per vector iteration
            final long maxGroup = Long.MAX_VALUE - (span - 1);
            // strides of views: the widened loads and stores need consecutive elements
            for (MemRef m : memRefs) {
                if (m.index().symbolicScale() != null && !strides.contains(m.index().symbolicScale())) {
                    strides.add(preambleVisible(m.index().symbolicScale(), "stride"));
                }
            }
            for (Bound b : bounds) {
                if (b.form().symbolicScale() != null && !strides.contains(b.form().symbolicScale())) {
                    strides.add(preambleVisible(b.form().symbolicScale(), "stride"));
                }
            }
            for (Value s : strides) {
                emit(new Op(OpCode.GUARD_VALUE, List.of(s, Const.of(1L)), null, entry));
                sub.put(s, Const.of(1L)); // in the loop the stride is 1
            }
            for (Op op : body) {
                usedInBody.addAll(op.args());
            }
            // the last lane's index must not wrap around: bounds leave room for a group
            List<Value> limits = new ArrayList<>();
            Map<Const, Boolean> constLimits = new HashMap<>();
            for (Bound b : bounds) {
                long scale = b.form().symbolicScale() != null ? 1 : b.form().scale();
                long room = Long.MAX_VALUE / span < scale ? -1 : Long.MAX_VALUE - scale * (span - 1);
                if (room < 0) {
                    throw new Refused("bound scale too large");
                }
                Value m = preambleVisible(b.limit(), "bound");
                if (m instanceof Const.Int k) {
                    if (k.value() > room) {
                        throw new Refused("bound too close to the int range");
                    }
                    constLimits.put(k, true);
                } else if (!limits.contains(m) && limits.add(m)) {
                    Op ok = emit(OpCode.INT_LE, m, Const.of(scale == 1 ? maxGroup : room));
                    emit(new Op(OpCode.GUARD_TRUE, List.of(ok), null, entry));
                }
            }
            aliasChecks(entry);
            // loop-invariant vector operands, splatted once
            Map<SplatKey, Value> splats = new LinkedHashMap<>();
            // (value, vector type) pairs to splat, in first-use order
            Map<SplatKey, Value> wanted = new LinkedHashMap<>();
            for (Op op : body) {
                if (updates.containsKey(op)) {
                    Value x = updates.get(op).operand();
                    if (isInv(x) && !scalarInBody.contains(x)) {
                        wanted.putIfAbsent(key(x, Type.VEC_I64), x);
                    }
                    continue;
                }
                if (op.opcode.isLoad() || !(data.containsKey(op) || stored.containsKey(op))) {
                    continue;
                }
                List<Value> operands = op.opcode.isStore() ? List.of(op.arg(2)) : op.args();
                Type vt = op.opcode.isStore() ? stored.get(op) : data.get(op);
                for (Value v : operands) {
                    Type ot = operandVector(vt, v);
                    if (isInv(v) && !scalarInBody.contains(v)) {
                        wanted.putIfAbsent(key(v, ot), v);
                    }
                }
            }
            // Hoisted splats are loop variables, live in registers across the whole loop: a body
            // with more constants than the machine has vector registers (Prospero has 1,406) would
            // spill them all and compile slowly, so then constants are splatted where they are
            // used, which Graal folds to constant vectors. A body long enough to be cut hoists
            // nothing: a vector loop variable would cross every cut, and the parts between cuts
            // could not be compiled on their own (a broadcast per part is cheap).
            Cuts cuts = new Cuts();
            boolean longBody = cuts.any();
            boolean hoistConstants = !longBody && wanted.size() <= HOISTED_SPLATS;
            List<Value> splatVars = new ArrayList<>();
            for (Map.Entry<SplatKey, Value> e : wanted.entrySet()) {
                if (hoistConstants || (!longBody && !(e.getValue() instanceof Const))) {
                    splatVars.add(splat(splats, e.getValue(), e.getKey().vt()));
                }
            }
            // one partials vector per reduction and group of the iteration (reduction k, group g at
            // k * unroll + g): two dependency chains instead of one, as a hand-written Vector API
            // loop has two accumulators (the reductions are of ints: any order gives the same answer)
            List<Value> partials = new ArrayList<>();
            for (Reduction r : reductions) {
                for (int g = 0; g < unroll; g++) {
                    partials.add(emit(OpCode.VEC_SPLAT_I64, r.identity()));
                }
            }
            // label(i, invariants, splats, partials, reduction entry values)
            List<Value> vars = new ArrayList<>();
            vars.add(mapped(ivVar));
            for (Value v : label.args()) {
                if (invariant.contains(v)) {
                    vars.add(copies.getOrDefault(v, v));
                }
            }
            vars.addAll(splatVars);
            vars.addAll(partials);
            for (Reduction r : reductions) {
                vars.add(mapped(r.acc()));
            }
            int labelAt = out.size();
            emit(new Op(OpCode.LABEL, vars, null, entry));
            // what the interpreter must see at the group's start
            Map<Value, Value> groupState = new IdentityHashMap<>();
            for (Value l : lagged) {
                Op lag = emit(OpCode.INT_SUB, ivVar, Const.of(1L));
                groupState.put(l, lag);
                sub.put(l, lag);
            }
            for (int k = 0; k < reductions.size(); k++) {
                Reduction r = reductions.get(k);
                Value all = partials.get(k * unroll);
                for (int g = 1; g < unroll; g++) {
                    all = emit(VectorOps.vectorOf(r.update().opcode), all, partials.get(k * unroll + g));
                }
                Op folded = emit(r.vectorReduce(), all);
                groupState.put(r.acc(), emit(r.update().opcode, mapped(r.acc()), folded));
            }
            Snapshot group = label.snapshot.map(v -> groupState.containsKey(v) ? groupState.get(v) : mapped(v));
            // scalar part: lane 0's index arithmetic and the whole group's guards
            Map<Op, Bound> boundOf = new IdentityHashMap<>();
            for (Bound b : bounds) {
                boundOf.put(b.guard(), b);
            }
            boolean firstGuard = true;
            for (Op op : body) {
                if (op.opcode.isStore()) {
                    firstGuard = false;
                }
                if (boundOf.containsKey(op)) {
                    Bound b = boundOf.get(op);
                    long scale = b.form().symbolicScale() != null ? 1 : b.form().scale();
                    Value x0 = mapped(b.x());
                    Value x1 = emit(OpCode.INT_ADD, x0, Const.of(scale * (span - 1)));
                    for (Value x : List.of(x0, x1)) {
                        Op g;
                        if (b.cmp() == OpCode.GUARD_INDEX) {
                            g = emit(new Op(OpCode.GUARD_INDEX, List.of(x, mapped(b.limit())), null, group));
                        } else {
                            Op ok = emit(b.cmp(), x, mapped(b.limit()));
                            g = emit(new Op(OpCode.GUARD_TRUE, List.of(ok), null, group));
                        }
                        if (firstGuard && x == x0) {
                            // any group guard could exit to the interpreter (its snapshot is the loop
                            // header in the group's first iteration: the interpreter redoes that
                            // iteration); the version is only faster. For the body's first check on
                            // lane 0 it is not: the version would fail it in its first iteration. So
                            // that one (usually the loop's end) exits directly and calls no version.
                            direct.add(g);
                        }
                    }
                    firstGuard = false;
                } else if (invariantGuards.contains(op)) {
                    firstGuard = false;
                    emit(new Op(op.opcode, op.args().stream().map(this::mapped).toList(), op.descr, group));
                } else if ((affine.containsKey(op) && !op.opcode.isIntCompare()) || scalarInBody.contains(op)) {
                    if (!usedInBody.contains(op)) {
                        continue; // i + 1 for the jump: the group steps by lanes instead
                    }
                    Op copy = op.map(this::mapped);
                    if (copy.opcode == OpCode.INT_MUL && Const.of(1L).equals(copy.arg(1))) {
                        sub.put(op, copy.arg(0));
                    } else if (copy.opcode == OpCode.INT_MUL && Const.of(1L).equals(copy.arg(0))) {
                        sub.put(op, copy.arg(1));
                    } else {
                        sub.put(op, emit(copy));
                    }
                }
            }
            // vector part, in program order, once per group of the iteration
            List<Value> nextPartials = new ArrayList<>(partials);
            for (int g = 0; g < unroll; g++) {
                Map<Value, Value> vec = new IdentityHashMap<>();
                long shift = (long) g * lanes; // every reference has unit stride in the loop
                int at = -1;
                for (Op op : body) {
                    at++;
                    if (cuts.isCut(at)) {
                        cut(at, cuts, vec, splats, labelAt);
                    }
                    OpCode c = op.opcode;
                    if (updates.containsKey(op)) {
                        Reduction r = updates.get(op);
                        int k = reductions.indexOf(r);
                        Value x = vecOperand(r.operand(), Type.VEC_I64, vec, splats);
                        nextPartials.set(k * unroll + g, emit(VectorOps.vectorOf(c), nextPartials.get(k * unroll + g), x));
                    } else if (c.isLoad() && data.containsKey(op)) {
                        vec.put(op, emit(VectorOps.load(data.get(op)), mapped(op.arg(0)), groupIndex(op.arg(1), shift)));
                    } else if (c.isStore()) {
                        Type vt = stored.get(op);
                        emit(VectorOps.store(vt), mapped(op.arg(0)), groupIndex(op.arg(1), shift), vecOperand(op.arg(2), vt, vec, splats));
                    } else if (data.containsKey(op)) {
                        Type vt = data.get(op);
                        List<Value> args = new ArrayList<>();
                        for (Value v : op.args()) {
                            args.add(vecOperand(v, operandVector(vt, v), vec, splats));
                        }
                        vec.put(op, emit(new Op(VectorOps.vectorOf(c), args, null, null)));
                    }
                }
            }
            List<Value> next = new ArrayList<>();
            next.add(emit(OpCode.INT_ADD, mapped(ivVar), Const.of((long) span)));
            for (Value v : label.args()) {
                if (invariant.contains(v)) {
                    next.add(copies.getOrDefault(v, v));
                }
            }
            next.addAll(splatVars);
            next.addAll(nextPartials);
            for (Reduction r : reductions) {
                next.add(mapped(r.acc()));
            }
            emit(new Op(OpCode.JUMP, next, null, null));
            Trace v;
            try {
                v = TraceVerifier.verify(new Trace(t.inputs, out));
            } catch (TraceVerifier.Invalid e) {
                throw new Refused(INTERNAL + "widened trace invalid: " + e.getMessage().lines().findFirst().orElse(""));
            }
            return new Result(v, t, versionExits(v, firstCheck, labelAt), reason, lanes);
        }

        /** A reference's index in the group {@code shift} iterations after the iteration's first. */
        Value groupIndex(Value index, long shift) {
            Value x = mapped(index);
            return shift == 0 ? x : emit(OpCode.INT_ADD, x, Const.of(shift));
        }

        /** Splats are per value and vector type (a bool may be splatted to masks of several types). */
        /**
         * Every CUT_OPS widened ops of a long body, the vectors still needed later go through a
         * scratch array: all stored, then all loaded back. Graal's work per compilation grows
         * faster than linearly with the graph (the Vector API expansion works on connected groups
         * of vector nodes; escape analysis and proxy insertion on the whole loop): a
         * Prospero-sized body (7,866 ops) as one group does not finish in minutes. Between the
         * stores and the loads no vector is live, so the backend can make each run of ops between
         * two cuts a compilation unit of its own (trace.backend.Segments). Costs a store and a load
         * per live vector per cut (L1 traffic), nothing for bodies below the first cut.
         */
        final class Cuts {
            final Map<Integer, List<Op>> liveAt = new HashMap<>();
            /** Per vector type, room for the most vectors of that type live at one cut. */
            final Map<Type, Const.Ref> scratch = new HashMap<>();

            Cuts() {
                Map<Value, Integer> lastUse = new IdentityHashMap<>();
                for (int k = 0; k < body.size(); k++) {
                    for (Value v : body.get(k).args()) {
                        lastUse.put(v, k);
                    }
                }
                int widened = 0;
                Map<Type, Integer> most = new HashMap<>();
                List<Op> defined = new ArrayList<>();
                for (int k = 0; k < body.size(); k++) {
                    Op op = body.get(k);
                    if (widened >= CUT_OPS) {
                        widened = 0;
                        List<Op> live = new ArrayList<>();
                        Map<Type, Integer> count = new HashMap<>();
                        for (Op d : defined) {
                            if (lastUse.getOrDefault(d, -1) >= k) {
                                live.add(d);
                                int c = count.merge(data.get(d), 1, Integer::sum);
                                most.merge(data.get(d), c, Math::max);
                            }
                        }
                        defined = new ArrayList<>(live);
                        liveAt.put(k, live);
                    }
                    if (data.containsKey(op) && !updates.containsKey(op)) {
                        defined.add(op);
                    }
                    if (data.containsKey(op) || stored.containsKey(op)) {
                        widened++;
                    }
                }
                most.forEach((t, c) -> scratch.put(t, new Const.Ref("scratch." + t.text, newLanes(t, c * t.lanes()))));
            }

            boolean isCut(int k) {
                return liveAt.containsKey(k);
            }

            boolean any() {
                return !liveAt.isEmpty();
            }
        }

        static Object newLanes(Type vt, int n) {
            return switch (vt) {
                case VEC_F64 -> new double[n];
                case VEC_F32 -> new float[n];
                case VEC_I64 -> new long[n];
                default -> new boolean[n];
            };
        }

        void cut(int at, Cuts cuts, Map<Value, Value> vec, Map<SplatKey, Value> splats, int labelAt) {
            List<Op> live = cuts.liveAt.get(at);
            long[] offsets = new long[live.size()];
            Map<Type, Long> next = new HashMap<>();
            for (int j = 0; j < offsets.length; j++) {
                Type vt = data.get(live.get(j));
                offsets[j] = next.merge(vt, (long) vt.lanes(), Long::sum) - vt.lanes();
                emit(VectorOps.store(vt), cuts.scratch.get(vt), Const.of(offsets[j]), vec.get(live.get(j)));
            }
            for (int j = 0; j < offsets.length; j++) {
                Type vt = data.get(live.get(j));
                vec.put(live.get(j), emit(VectorOps.load(vt), cuts.scratch.get(vt), Const.of(offsets[j])));
            }
            // splats made in the loop are made again after the cut (hoisted ones, label variables, stay)
            Set<Value> inLoop = identitySet();
            inLoop.addAll(out.subList(labelAt + 1, out.size()));
            splats.values().removeIf(inLoop::contains);
        }

        SplatKey key(Value v, Type vt) {
            return new SplatKey(v instanceof Const c ? c : new IdentityKey(v), vt);
        }

        record SplatKey(Object value, Type vt) {
        }

        record IdentityKey(Value v) {
            @Override
            public boolean equals(Object o) {
                return o instanceof IdentityKey k && k.v == v;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(v);
            }
        }

        Value splat(Map<SplatKey, Value> splats, Value v, Type vt) {
            Value s = emit(VectorOps.splat(vt), v);
            splats.put(key(v, vt), s);
            return s;
        }

        Value vecOperand(Value v, Type vt, Map<Value, Value> vec, Map<SplatKey, Value> splats) {
            Value w = vec.get(v);
            if (w != null) {
                return w;
            }
            w = splats.get(key(v, vt));
            if (w != null) {
                return w;
            }
            // an invariant computed in the body (per group): splat it there
            Value s = emit(VectorOps.splat(vt), mapped(v));
            splats.put(key(v, vt), s);
            return s;
        }

        /**
         * Views may share storage. A store and another reference to the same kind of storage are
         * safe within a group when they are different arrays, touch the same element in the same
         * iteration (distance 0: program order is kept lane by lane), or are at least a group apart.
         */
        void aliasChecks(Snapshot entry) {
            for (int a = 0; a < memRefs.size(); a++) {
                for (int b = a + 1; b < memRefs.size(); b++) {
                    MemRef x = unitStride(memRefs.get(a));
                    MemRef y = unitStride(memRefs.get(b));
                    if (!(x.store() || y.store()) || !x.sameKind(y)) {
                        continue;
                    }
                    Long d = y.index().constantDistanceFrom(x.index());
                    if (x.storage() == y.storage() && d != null) {
                        if (d != 0 && Math.abs(d) < lanes) {
                            throw new Refused("loop-carried dependence (distance " + d + ")");
                        }
                        continue;
                    }
                    Value dist;
                    if (d != null) {
                        if (d == 0 || Math.abs(d) >= lanes) {
                            continue; // any two arrays: same element or a group apart
                        }
                        dist = Const.of(d);
                    } else {
                        Value ix = emitInvariantPart(x.index());
                        Value iy = emitInvariantPart(y.index());
                        dist = emit(OpCode.INT_SUB, iy, ix);
                    }
                    Value ok;
                    if (dist instanceof Const) {
                        ok = Const.FALSE;
                    } else {
                        Op same = emit(OpCode.INT_EQ, dist, Const.of(0L));
                        Op above = emit(OpCode.INT_GE, dist, Const.of((long) lanes));
                        Op below = emit(OpCode.INT_LE, dist, Const.of((long) -lanes));
                        ok = emit(OpCode.BOOL_OR, same, emit(OpCode.BOOL_OR, above, below));
                    }
                    if (x.storage() != y.storage()) {
                        Op distinct = emit(OpCode.BOOL_NOT, emit(OpCode.REF_EQ, x.storage(), y.storage()));
                        ok = ok == Const.FALSE ? distinct : emit(OpCode.BOOL_OR, distinct, ok);
                    } else if (ok == Const.FALSE) {
                        throw new Refused("loop-carried dependence");
                    }
                    emit(new Op(OpCode.GUARD_TRUE, List.of(ok), null, entry));
                }
            }
        }

        /** The reference with strides known to be 1 (entry checks) folded into its constant: i * s + c * s + o is i + c + o. */
        MemRef unitStride(MemRef m) {
            Affine f = m.index();
            long c = f.constant();
            Map<Value, Long> terms = new LinkedHashMap<>();
            for (Map.Entry<Value, Long> e : f.terms().entrySet()) {
                if (strides.contains(e.getKey())) {
                    c += e.getValue();
                } else {
                    terms.put(e.getKey(), e.getValue());
                }
            }
            return new MemRef(m.op(), m.storage(), new Affine(c, terms, 1, null), m.store(), m.vector());
        }

        Map<Integer, List<Value>> versionExits(Trace v, int firstCheck, int labelAt) {
            Map<Integer, List<Value>> exits = new LinkedHashMap<>();
            if (inputRegisters == null) {
                return exits;
            }
            int headerPc = label.snapshot.innermost().pc();
            for (int k = firstCheck; k < v.ops.size(); k++) {
                Op op = v.ops.get(k);
                if (!op.opcode.isGuard() || direct.contains(op) || op.snapshot.frames().size() != 1 || op.snapshot.innermost().pc() != headerPc) {
                    continue;
                }
                Map<Integer, Value> regs = op.snapshot.innermost().registers();
                List<Value> ins = new ArrayList<>();
                for (int i = 0; i < inputRegisters.length; i++) {
                    Value r = regs.get(inputRegisters[i]);
                    if (r == null || r.type() != t.inputs.get(i).type()) {
                        ins = null;
                        break;
                    }
                    ins.add(r);
                }
                if (ins != null) {
                    exits.put(k, ins);
                }
            }
            return exits;
        }
    }
}
