package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.FrameSlotKind;
import com.oracle.truffle.api.nodes.LoopNode;

import dev.vecl.runtime.Arith;
import dev.vecl.trace.backend.ControlNodes.Jump;
import dev.vecl.trace.backend.ControlNodes.Seq;
import dev.vecl.trace.backend.GuardNodes.Guard;
import dev.vecl.trace.backend.MemoryNodes.Call;
import dev.vecl.trace.backend.ScalarNodes.BoolBin;
import dev.vecl.trace.backend.ScalarNodes.F32Bin;
import dev.vecl.trace.backend.ScalarNodes.F32Cmp;
import dev.vecl.trace.backend.ScalarNodes.F32Un;
import dev.vecl.trace.backend.ScalarNodes.FloatBin;
import dev.vecl.trace.backend.ScalarNodes.FloatCmp;
import dev.vecl.trace.backend.ScalarNodes.FloatUn;
import dev.vecl.trace.backend.ScalarNodes.IntBin;
import dev.vecl.trace.backend.ScalarNodes.IntCmp;
import dev.vecl.trace.backend.ScalarNodes.IntUn;
import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Eval;
import dev.vecl.trace.ir.InputArg;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.RefKind;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.Value;

/**
 * Lowers a trace to a Truffle root node (one node per operation, values in typed static frame
 * slots, which Graal keeps in registers) and asks Graal to compile it. See docs/tracer.md,
 * "Backend".
 */
public final class TraceCompiler {

    /** Exit paths compiled from the start, per trace; past this many, only loop-exit guards are. */
    public static final int COMPILED_EXITS_LIMIT = 256;

    /** Loop bodies of at most this many nodes run several iterations per loop-node iteration. */
    static final int UNROLL_SMALL = Integer.getInteger("vecl.backend.unrollSmall", 64);
    static final int UNROLL = Integer.getInteger("vecl.backend.unroll", 4);
    /**
     * Largest tree handed to Graal, as nodes times frame slots (see {@link TraceTooLargeException}):
     * the escape analysis of the virtual frame costs about that. A 20,000-op chain (100,000 nodes,
     * a handful of slots) compiles in seconds; Prospero's per-pixel loop (123,000 nodes, ~1,500
     * slots: every constant is a loop invariant) ran past Graal's 100 s budget.
     */
    static final long MAX_NODE_SLOTS = Long.getLong("vecl.backend.maxNodeSlots", 20_000_000L);

    private final Map<String, Function<Object[], Object>> functions;
    private final TruffleLanguage<?> language;
    private boolean requestCompilation = true;
    private boolean checkSize;
    private int segmentOps = Segments.SEGMENT_OPS;
    private int nextId;

    /**
     * @param functions the builtins that {@code call_*} operations name with fn= (as for the reference interpreter)
     * @param language the language the traces run for (its engine's options apply), or null
     */
    public TraceCompiler(Map<String, Function<Object[], Object>> functions, TruffleLanguage<?> language) {
        this.functions = functions;
        this.language = language;
    }

    public TraceCompiler() {
        this(Map.of(), null);
    }

    /**
     * Builds without requesting compilation but refuses, like a compiled trace, one too large for
     * Graal: for a loop version, compiled when first taken ({@link CompiledTrace#compileRequested}).
     */
    public TraceCompiler compileLater() {
        this.requestCompilation = false;
        this.checkSize = true;
        return this;
    }

    /** Off: leave compilation to Truffle's thresholds (used to test the interpreted nodes). */
    public TraceCompiler requestCompilation(boolean on) {
        this.requestCompilation = on;
        return this;
    }

    /** Loop bodies of at least twice this many ops become parts of about this many (Segments); 0: never. */
    public TraceCompiler segmentOps(int ops) {
        this.segmentOps = ops;
        return this;
    }

    /**
     * Builds the trace's root node and requests its compilation (synchronous when the engine's
     * BackgroundCompilation is off; see {@link CompiledTrace#compileNanos()}).
     */
    public CompiledTrace compile(Trace t) {
        return compile(t, "trace-" + (nextId++));
    }

    /** As {@link #compile(Trace)}, naming the root node (the name compilation logs show). */
    public CompiledTrace compile(Trace t, String name) {
        CompiledTrace c = new Builder(t, name).build();
        if (requestCompilation || checkSize) {
            long nodes = com.oracle.truffle.api.nodes.NodeUtil.countNodes(c.root());
            long slots = c.root().getFrameDescriptor().getNumberOfSlots();
            if (nodes * slots > MAX_NODE_SLOTS) {
                throw new TraceTooLargeException(nodes + " nodes x " + slots + " frame slots (limit " + MAX_NODE_SLOTS + ", -Dvecl.backend.maxNodeSlots)");
            }
        }
        if (requestCompilation) {
            c.compileNow();
        }
        return c;
    }

    /** Per trace: the slot of every value, and the nodes as they are made. */
    /** Above this many min/max ops a trace uses their branch-free form (Arith.zeroTieTakesSecond says why). */
    static final int BRANCH_FREE_MIN_MAX = 256;

    private final class Builder {
        final Trace trace;
        final String name;
        final Map<Value, Integer> slots = new IdentityHashMap<>();
        final FrameDescriptor.Builder fd = FrameDescriptor.newBuilder();
        final List<ExitSite> sites = new ArrayList<>();
        final Map<Integer, Exit.Leave> leaves = new java.util.HashMap<>();
        final boolean allExitsCompiled;
        int labelPc = Integer.MIN_VALUE;
        /** Shared by every exit of this trace, indexed by slot; sized once the slots are known. */
        final ExitBuffer exitBuffer = new ExitBuffer();
        /** Label variables the jump passes back unchanged: saved in the exit buffer once per loop entry. */
        final java.util.Set<Value> invariants = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

        /** NumPy min/max without control flow (Arith.zeroTieTakesSecond): for traces with many of them. */
        final boolean branchFreeMinMax;

        /** The loop body's parts compiled on their own (Segments), in order. */
        final List<CompiledTrace> parts = new ArrayList<>();

        Builder(Trace trace, String name) {
            this(trace, name, null);
        }

        /** @param branchFreeMinMax a part's parent trace's choice, or null to count this trace's min/max */
        Builder(Trace trace, String name, Boolean branchFreeMinMax) {
            this.trace = trace;
            this.name = name;
            int guards = 0;
            int minMax = 0;
            for (Op op : trace.ops) {
                switch (op.opcode) {
                    case FLOAT_MINIMUM, FLOAT_MAXIMUM, F32_MINIMUM, F32_MAXIMUM -> minMax++;
                    default -> {
                    }
                }
            }
            this.branchFreeMinMax = branchFreeMinMax != null ? branchFreeMinMax : minMax > BRANCH_FREE_MIN_MAX;
            for (Op op : trace.ops) {
                if (op.snapshot != null && (op.opcode.isGuard() || Eval.mayRaise(op))) {
                    guards++;
                }
            }
            this.allExitsCompiled = guards <= COMPILED_EXITS_LIMIT;
            Op label = trace.label();
            Op jumpOp = trace.last();
            if (label != null && jumpOp != null && jumpOp.opcode == OpCode.JUMP && jumpOp.numArgs() == label.numArgs()) {
                for (int i = 0; i < label.numArgs(); i++) {
                    if (jumpOp.arg(i) == label.arg(i)) {
                        invariants.add(label.arg(i));
                    }
                }
            }
            if (label != null && label.snapshot != null) {
                labelPc = label.snapshot.innermost().pc();
            }
        }

        /** Slots of dead values, reused (static slots hold any kind): the frame stays as small as the live set. */
        final Map<Type, java.util.ArrayDeque<Integer>> free = new java.util.EnumMap<>(Type.class);
        /** The one kind each slot holds. */
        final List<Type> slotTypes = new ArrayList<>();

        int slot(Value v) {
            return slots.computeIfAbsent(v, k -> {
                java.util.ArrayDeque<Integer> q = free.get(v.type());
                return q == null || q.isEmpty() ? newSlot(v.type()) : q.pop();
            });
        }

        int newSlot(Type t) {
            int s = fd.addSlots(1, FrameSlotKind.Static);
            slotTypes.add(t);
            return s;
        }

        SlotWrite[] zeros(List<Integer> ss) {
            SlotWrite[] w = new SlotWrite[ss.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = SlotWrite.of(slotTypes.get(ss.get(i)), ss.get(i));
            }
            return w;
        }

        /** Releases the slots of values dead after op k (for reuse by later values of the same type); returns them. */
        List<Integer> release(List<Value> dying) {
            List<Integer> out = new ArrayList<>();
            if (dying == null) {
                return out;
            }
            for (Value v : dying) {
                Integer sl = slots.get(v);
                if (sl != null) {
                    out.add(sl);
                    free.computeIfAbsent(v.type(), t -> new java.util.ArrayDeque<>()).push(sl);
                }
            }
            return out;
        }

        Arg arg(Value v) {
            if (v instanceof Const c) {
                return Arg.constant(c);
            }
            Integer s = slots.get(v);
            if (s == null) {
                throw new IllegalArgumentException("value used before its definition: " + v);
            }
            return Arg.slot(v.type(), s);
        }

        Arg[] args(List<Value> vs) {
            Arg[] a = new Arg[vs.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = arg(vs.get(i));
            }
            return a;
        }

        /** Saves the loop invariants once the loop is entered (after the preamble, or after a bridge from it jumped to the label). */
        ControlNodes.Spill entrySpill;

        CompiledTrace build() {
            SlotWrite[] inputs = new SlotWrite[trace.inputs.size()];
            for (int i = 0; i < inputs.length; i++) {
                InputArg in = trace.inputs.get(i);
                inputs[i] = SlotWrite.of(in.type(), slot(in));
            }
            int labelIndex = trace.labelIndex();
            Op label = labelIndex < 0 ? null : trace.ops.get(labelIndex);
            Map<Value, Integer> lastUse = Segments.lastUses(trace);
            Map<Integer, List<Value>> deadAfter = deadValues(label, lastUse);
            List<OpNode> pre = new ArrayList<>();
            List<OpNode> body = new ArrayList<>();
            Jump jump = null;
            List<Integer> deadInputs = release(deadAfter.get(-1));
            if (label != null && !deadInputs.isEmpty()) {
                pre.add(new ControlNodes.Clear(zeros(deadInputs)));
            }
            Map<Integer, Segments.Segment> segments = new java.util.HashMap<>();
            if (label != null) {
                for (Segments.Segment s : Segments.of(trace, segmentOps, lastUse)) {
                    segments.put(s.start(), s);
                }
            }
            for (int k = 0; k < trace.ops.size(); k++) {
                Op op = trace.ops.get(k);
                if (op.opcode == OpCode.LABEL) {
                    continue;
                }
                Segments.Segment seg = segments.get(k);
                if (seg != null) {
                    body.add(part(seg));
                    List<Integer> dead = new ArrayList<>();
                    for (int j = seg.start(); j < seg.end(); j++) {
                        dead.addAll(release(deadAfter.get(j)));
                    }
                    if (!dead.isEmpty()) {
                        body.add(new ControlNodes.Clear(zeros(dead)));
                    }
                    k = seg.end() - 1;
                    continue;
                }
                OpNode n;
                if (op.opcode == OpCode.JUMP) {
                    n = jump(op, label);
                    if (label != null) {
                        jump = (Jump) n;
                        List<Integer> dead = release(deadAfter.get(k));
                        for (Arg t : jump.temp) {
                            dead.add(((Arg.Slot) t).slot());
                        }
                        jump.clear = new ControlNodes.Clear(zeros(dead));
                        continue;
                    }
                } else {
                    n = node(k, op);
                }
                List<OpNode> into = label == null || k < labelIndex ? pre : body;
                into.add(n);
                List<Integer> dead = release(deadAfter.get(k));
                if (label != null && !dead.isEmpty()) {
                    into.add(new ControlNodes.Clear(zeros(dead)));
                }
            }
            LoopNode loop = null;
            if (label != null) {
                if (jump == null) {
                    throw new IllegalArgumentException("a trace with a label must end with a jump");
                }
                int unroll = body.size() <= UNROLL_SMALL ? UNROLL : 1;
                List<Value> inv = new ArrayList<>(invariants);
                ControlNodes.LoopBody lb = new ControlNodes.LoopBody(Seq.of(body.toArray(new OpNode[0])), jump, unroll);
                lb.respill = new ControlNodes.Spill(args(inv), exitBuffer);
                loop = Truffle.getRuntime().createLoopNode(lb);
                entrySpill = new ControlNodes.Spill(args(inv), exitBuffer);
            }
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < slotTypes.size(); i++) {
                all.add(i);
            }
            exitBuffer.size(slotTypes);
            TraceRootNode root = new TraceRootNode(language, fd.build(), name, new ControlNodes.Clear(zeros(all)), inputs, Seq.of(pre.toArray(new OpNode[0])), loop, entrySpill);
            SlotWrite[] labelWrites = null;
            if (label != null) {
                labelWrites = new SlotWrite[label.numArgs()];
                for (int i = 0; i < labelWrites.length; i++) {
                    labelWrites[i] = SlotWrite.of(label.arg(i).type(), slots.get(label.arg(i)));
                }
            }
            CompiledTrace c = new CompiledTrace(trace, root, sites, leaves, slots, labelWrites, parts);
            for (ExitSite s : sites) {
                s.trace = c;
            }
            return c;
        }

        /** A part of the loop body as a label-less trace of its own, its inputs passed boxed (they are scalars and references). */
        OpNode part(Segments.Segment seg) {
            Map<Value, Value> in = new IdentityHashMap<>();
            List<InputArg> inputs = new ArrayList<>();
            for (Value v : seg.inputs()) {
                InputArg a = new InputArg(v.type());
                in.put(v, a);
                inputs.add(a);
            }
            List<Op> ops = new ArrayList<>();
            for (int j = seg.start(); j < seg.end(); j++) {
                Op op = trace.ops.get(j);
                List<Value> args = new ArrayList<>();
                for (Value v : op.args()) {
                    args.add(in.getOrDefault(v, v));
                }
                Op copy = new Op(op.opcode, args, op.descr, null);
                in.put(op, copy);
                ops.add(copy);
            }
            CompiledTrace c = new Builder(new Trace(inputs, ops), name + ".part" + parts.size(), branchFreeMinMax).build();
            parts.add(c);
            return new ControlNodes.PartCall(args(seg.inputs()), c.callTarget());
        }

        /**
         * After which operation (-1: on entry) each value is dead: its last use as an argument or
         * in a snapshot. Label variables never die (they cross the back-edge); in a loop, every
         * other preamble value dies in the preamble and every body value within its iteration.
         * {@code last} is {@link Segments#lastUses}; inputs and results never used are added to it.
         */
        Map<Integer, List<Value>> deadValues(Op label, Map<Value, Integer> last) {
            for (InputArg in : trace.inputs) {
                last.putIfAbsent(in, -1);
            }
            for (int k = 0; k < trace.ops.size(); k++) {
                Op op = trace.ops.get(k);
                if (op.opcode != OpCode.LABEL && op.hasResult()) {
                    last.putIfAbsent(op, k);
                }
            }
            java.util.Set<Value> labelVars = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            if (label != null) {
                labelVars.addAll(label.args());
            }
            Map<Integer, List<Value>> dead = new java.util.HashMap<>();
            last.forEach((v, k) -> {
                if (!labelVars.contains(v)) {
                    dead.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                }
            });
            return dead;
        }

        OpNode jump(Op op, Op label) {
            Arg[] from = args(op.args());
            if (label == null) {
                return new Jump(from, null, null, null);
            }
            int n = op.numArgs();
            SlotWrite[] toTemp = new SlotWrite[n];
            Arg[] temp = new Arg[n];
            SlotWrite[] toLabel = new SlotWrite[n];
            for (int i = 0; i < n; i++) {
                Type t = label.arg(i).type();
                int tmp = newSlot(t);
                toTemp[i] = SlotWrite.of(t, tmp);
                temp[i] = Arg.slot(t, tmp);
                toLabel[i] = SlotWrite.of(t, slots.get(label.arg(i)));
            }
            return new Jump(from, toTemp, temp, toLabel);
        }

        Exit.Leave leave(int k, Op op, TraceExit.Kind kind) {
            if (op.snapshot == null) {
                throw new IllegalArgumentException("op " + k + " (" + op.opcode.text + ") needs a snapshot");
            }
            ExitSite site = new ExitSite(k, op, kind);
            sites.add(site);
            List<Value> vs = new ArrayList<>();
            int[] sizes = new int[op.snapshot.frames().size()];
            for (int f = 0; f < sizes.length; f++) {
                Snapshot.Frame fr = op.snapshot.frames().get(f);
                sizes[f] = fr.registers().size();
                vs.addAll(fr.registers().values());
            }
            // A loop's own exit test resumes at the loop header: always frequent, so always compiled.
            boolean compiled = allExitsCompiled || kind == TraceExit.Kind.FINISH || op.snapshot.innermost().pc() == labelPc;
            boolean inLoop = trace.labelIndex() >= 0 && k > trace.labelIndex();
            List<Value> spill = new ArrayList<>();
            java.util.Set<Value> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (Value v : vs) {
                if (!(v instanceof Const) && !(inLoop && invariants.contains(v)) && seen.add(v)) {
                    spill.add(v);
                }
            }
            Exit.Leave l = new Exit.Leave(site, args(vs), args(spill), sizes, compiled, exitBuffer);
            leaves.put(k, l);
            return l;
        }

        Exit raise(int k, Op op) {
            return Eval.mayRaise(op) ? leave(k, op, TraceExit.Kind.RAISE) : null;
        }

        OpNode node(int k, Op op) {
            OpCode c = op.opcode;
            if (c.isGuard()) {
                return guard(k, op);
            }
            if (c == OpCode.FINISH) {
                return new ControlNodes.Finish(leave(k, op, TraceExit.Kind.FINISH));
            }
            int d = op.hasResult() ? slot(op) : -1;
            Arg a = op.numArgs() > 0 && !c.isVarargs() ? arg(op.arg(0)) : null;
            Arg b = op.numArgs() > 1 && !c.isVarargs() ? arg(op.arg(1)) : null;
            return switch (c) {
                case INT_ADD -> new IntBin(d, a, b, Arith::addLong, null);
                case INT_SUB -> new IntBin(d, a, b, Arith::subLong, null);
                case INT_MUL -> new IntBin(d, a, b, Arith::mulLong, null);
                case INT_FLOORDIV -> new IntBin(d, a, b, Arith::floorDivLong, raise(k, op));
                case INT_MOD -> new IntBin(d, a, b, Arith::modLong, raise(k, op));
                case INT_TRUEDIV -> new ScalarNodes.IntTrueDiv(d, a, b, Arith::trueDivLong, raise(k, op));
                case INT_POW -> new IntBin(d, a, b, Arith::powLong, raise(k, op));
                case INT_NEG -> new IntUn(d, a, Arith::negLong, null);
                case INT_ABS -> new IntUn(d, a, Arith::absLong, null);
                case INT_AND -> new IntBin(d, a, b, Arith::andLong, null);
                case INT_OR -> new IntBin(d, a, b, Arith::orLong, null);
                case INT_XOR -> new IntBin(d, a, b, Arith::xorLong, null);
                case INT_MINIMUM -> new IntBin(d, a, b, Arith::minimumLong, null);
                case INT_MAXIMUM -> new IntBin(d, a, b, Arith::maximumLong, null);
                case INT_INVERT -> new IntUn(d, a, Arith::invertLong, null);
                case INT_LSHIFT -> new IntBin(d, a, b, Arith::lshiftLong, raise(k, op));
                case INT_RSHIFT -> new IntBin(d, a, b, Arith::rshiftLong, raise(k, op));
                case INT_LT -> new IntCmp(d, a, b, (x, y) -> x < y);
                case INT_LE -> new IntCmp(d, a, b, (x, y) -> x <= y);
                case INT_GT -> new IntCmp(d, a, b, (x, y) -> x > y);
                case INT_GE -> new IntCmp(d, a, b, (x, y) -> x >= y);
                case INT_EQ -> new IntCmp(d, a, b, (x, y) -> x == y);
                case INT_NE -> new IntCmp(d, a, b, (x, y) -> x != y);

                case FLOAT_ADD -> new FloatBin(d, a, b, Arith::addDouble);
                case FLOAT_SUB -> new FloatBin(d, a, b, Arith::subDouble);
                case FLOAT_MUL -> new FloatBin(d, a, b, Arith::mulDouble);
                case FLOAT_TRUEDIV -> new FloatBin(d, a, b, Arith::divDouble);
                case FLOAT_FLOORDIV -> new FloatBin(d, a, b, Arith::floorDivDouble);
                case FLOAT_MOD -> new FloatBin(d, a, b, Arith::modDouble);
                case FLOAT_POW -> new FloatBin(d, a, b, Arith::powDouble);
                case FLOAT_NEG -> new FloatUn(d, a, Arith::negDouble);
                case FLOAT_ABS -> new FloatUn(d, a, Arith::absDouble);
                case FLOAT_SQRT -> new FloatUn(d, a, Arith::sqrtDouble);
                case FLOAT_EXP -> new FloatUn(d, a, Arith::expDouble);
                case FLOAT_LOG -> new FloatUn(d, a, Arith::logDouble);
                case FLOAT_SIN -> new FloatUn(d, a, Arith::sinDouble);
                case FLOAT_COS -> new FloatUn(d, a, Arith::cosDouble);
                case FLOAT_FLOOR -> new FloatUn(d, a, Arith::floorDouble);
                case FLOAT_MINIMUM -> new FloatBin(d, a, b, branchFreeMinMax ? Arith::minimumDoubleBranchFree : Arith::minimumDouble);
                case FLOAT_MAXIMUM -> new FloatBin(d, a, b, branchFreeMinMax ? Arith::maximumDoubleBranchFree : Arith::maximumDouble);
                case FLOAT_LT -> new FloatCmp(d, a, b, (x, y) -> x < y);
                case FLOAT_LE -> new FloatCmp(d, a, b, (x, y) -> x <= y);
                case FLOAT_GT -> new FloatCmp(d, a, b, (x, y) -> x > y);
                case FLOAT_GE -> new FloatCmp(d, a, b, (x, y) -> x >= y);
                case FLOAT_EQ -> new FloatCmp(d, a, b, (x, y) -> x == y);
                case FLOAT_NE -> new FloatCmp(d, a, b, (x, y) -> x != y);

                case F32_ADD -> new F32Bin(d, a, b, Arith::addFloat);
                case F32_SUB -> new F32Bin(d, a, b, Arith::subFloat);
                case F32_MUL -> new F32Bin(d, a, b, Arith::mulFloat);
                case F32_TRUEDIV -> new F32Bin(d, a, b, Arith::divFloat);
                case F32_FLOORDIV -> new F32Bin(d, a, b, Arith::floorDivFloat);
                case F32_MOD -> new F32Bin(d, a, b, Arith::modFloat);
                case F32_POW -> new F32Bin(d, a, b, Arith::powFloat);
                case F32_NEG -> new F32Un(d, a, Arith::negFloat);
                case F32_ABS -> new F32Un(d, a, Arith::absFloat);
                case F32_SQRT -> new F32Un(d, a, Arith::sqrtFloat);
                case F32_EXP -> new F32Un(d, a, Arith::expFloat);
                case F32_LOG -> new F32Un(d, a, Arith::logFloat);
                case F32_SIN -> new F32Un(d, a, Arith::sinFloat);
                case F32_COS -> new F32Un(d, a, Arith::cosFloat);
                case F32_FLOOR -> new F32Un(d, a, Arith::floorFloat);
                case F32_MINIMUM -> new F32Bin(d, a, b, branchFreeMinMax ? Arith::minimumFloatBranchFree : Arith::minimumFloat);
                case F32_MAXIMUM -> new F32Bin(d, a, b, branchFreeMinMax ? Arith::maximumFloatBranchFree : Arith::maximumFloat);
                case F32_LT -> new F32Cmp(d, a, b, (x, y) -> x < y);
                case F32_LE -> new F32Cmp(d, a, b, (x, y) -> x <= y);
                case F32_GT -> new F32Cmp(d, a, b, (x, y) -> x > y);
                case F32_GE -> new F32Cmp(d, a, b, (x, y) -> x >= y);
                case F32_EQ -> new F32Cmp(d, a, b, (x, y) -> x == y);
                case F32_NE -> new F32Cmp(d, a, b, (x, y) -> x != y);

                case CAST_INT_TO_FLOAT -> new ScalarNodes.IntToFloat(d, a, Arith::longToDouble);
                case CAST_FLOAT_TO_INT -> new ScalarNodes.FloatToInt(d, a, Arith::doubleToLong, raise(k, op));
                case CAST_INT_TO_F32 -> new ScalarNodes.IntToF32(d, a, Arith::longToFloat);
                case CAST_FLOAT_TO_F32 -> new ScalarNodes.FloatToF32(d, a, Arith::doubleToFloat);
                case CAST_F32_TO_FLOAT -> new ScalarNodes.F32ToFloat(d, a, Arith::floatToDouble);
                case CAST_BOOL_TO_INT -> new ScalarNodes.BoolToInt(d, a);

                case BOOL_AND -> new BoolBin(d, a, b, (x, y) -> x & y);
                case BOOL_OR -> new BoolBin(d, a, b, (x, y) -> x | y);
                case BOOL_XOR -> new BoolBin(d, a, b, (x, y) -> x ^ y);
                case BOOL_EQ -> new BoolBin(d, a, b, (x, y) -> x == y);
                case BOOL_NOT -> new ScalarNodes.BoolNot(d, a);

                case REF_EQ -> new MemoryNodes.RefEq(d, a, b);
                case FLOAT_SELECT, F32_SELECT, INT_SELECT, BOOL_SELECT -> new ScalarNodes.Select(SlotWrite.of(op.type(), d), a, b, arg(op.arg(2)));
                case SAME_AS -> new ScalarNodes.Copy(SlotWrite.of(op.type(), d), a, false);
                case BOX_INT, BOX_FLOAT, BOX_F32, BOX_BOOL -> new ScalarNodes.Copy(SlotWrite.of(Type.REF, d), a, true);
                case UNBOX_INT, UNBOX_FLOAT, UNBOX_F32, UNBOX_BOOL -> new ScalarNodes.Unbox(SlotWrite.of(op.type(), d), a);

                case ARRAYLEN, ARRAY_STORAGE, ARRAY_OFFSET, ARRAY_STRIDE -> new MemoryNodes.Field(d, a, c);
                case GETARRAYITEM_F64 -> new MemoryNodes.LoadF64(d, a, b);
                case GETARRAYITEM_F32 -> new MemoryNodes.LoadF32(d, a, b);
                case GETARRAYITEM_I64 -> new MemoryNodes.LoadI64(d, a, b);
                case GETARRAYITEM_I32 -> new MemoryNodes.LoadI32(d, a, b);
                case GETARRAYITEM_BOOL -> new MemoryNodes.LoadBool(d, a, b);
                case SETARRAYITEM_F64 -> new MemoryNodes.StoreF64(a, b, arg(op.arg(2)));
                case SETARRAYITEM_F32 -> new MemoryNodes.StoreF32(a, b, arg(op.arg(2)));
                case SETARRAYITEM_I64 -> new MemoryNodes.StoreI64(a, b, arg(op.arg(2)));
                case SETARRAYITEM_I32 -> new MemoryNodes.StoreI32(a, b, arg(op.arg(2)));
                case SETARRAYITEM_BOOL -> new MemoryNodes.StoreBool(a, b, arg(op.arg(2)));

                case LIST_LEN, STR_LEN -> new MemoryNodes.Container(SlotWrite.of(Type.INT, d), a, null, c);
                case LIST_GETITEM, STR_GETITEM -> new MemoryNodes.Container(SlotWrite.of(Type.REF, d), a, b, c);
                case LIST_SETITEM -> new MemoryNodes.ListWrite(a, b, arg(op.arg(2)));
                case LIST_APPEND -> new MemoryNodes.ListWrite(a, null, b);

                case CALL_I, CALL_F, CALL_S, CALL_B, CALL_R, CALL_N,
                        CALL_PURE_I, CALL_PURE_F, CALL_PURE_S, CALL_PURE_B, CALL_PURE_R -> {
                    Function<Object[], Object> fn = functions.get((String) op.descr);
                    if (fn == null) {
                        throw new IllegalArgumentException("no builtin " + op.descr + " for " + op.opcode.text);
                    }
                    yield new Call(op.hasResult() ? SlotWrite.of(op.type(), d) : null, args(op.args()), fn, raise(k, op));
                }
                case CALL_LOOP -> {
                    Function<Object[], Object> fn = functions.get((String) op.descr);
                    if (fn == null) {
                        throw new IllegalArgumentException("no loop " + op.descr + " for call_loop");
                    }
                    if (fn instanceof InnerLoop il) {
                        Exit left = leave(k, op, TraceExit.Kind.RAISE);
                        OpNode fast = LoopCallNodes.FastCall.create(SlotWrite.of(Type.REF, d), args(op.args()), il, left);
                        yield fast != null ? fast : new LoopCallNodes.CallLoop(SlotWrite.of(Type.REF, d), args(op.args()), fn, left);
                    }
                    yield new LoopCallNodes.CallLoop(SlotWrite.of(Type.REF, d), args(op.args()), fn, leave(k, op, TraceExit.Kind.RAISE));
                }
                case LOOP_RESULT -> new LoopCallNodes.Result(SlotWrite.of(Type.REF, d), a, (int) ((dev.vecl.trace.ir.Const.Int) op.arg(1)).value());
                case VEC_LOAD_F64, VEC_LOAD_F32, VEC_LOAD_I64, VEC_STORE_F64, VEC_STORE_F32, VEC_STORE_I64, VEC_SPLAT_F64, VEC_SPLAT_F32,
                        VEC_SPLAT_I64, VEC_ADD, VEC_SUB, VEC_MUL, VEC_TRUEDIV, VEC_MINIMUM, VEC_MAXIMUM, VEC_NEG, VEC_ABS, VEC_SQRT, VEC_AND,
                        VEC_OR, VEC_XOR, VEC_REDUCE_ADD_I64, VEC_REDUCE_MUL_I64, VEC_REDUCE_MIN_I64, VEC_REDUCE_MAX_I64, VEC_LOAD_MF64, VEC_LOAD_MF32, VEC_LOAD_MI64, VEC_STORE_BOOL,
                        VEC_SPLAT_MF64, VEC_SPLAT_MF32, VEC_SPLAT_MI64, VEC_NOT, VEC_LT, VEC_LE, VEC_GT, VEC_GE, VEC_EQ,
                        VEC_NE, VEC_SELECT -> VectorNodes.node(op, d, args(op.args()));
                default -> throw new IllegalArgumentException("the backend does not compile " + c.text);
            };
        }

        Guard guard(int k, Op op) {
            Exit e = leave(k, op, TraceExit.Kind.GUARD);
            Arg a = arg(op.arg(0));
            return switch (op.opcode) {
                case GUARD_TRUE -> new GuardNodes.True(a, true, e);
                case GUARD_FALSE -> new GuardNodes.True(a, false, e);
                case GUARD_INDEX -> new GuardNodes.Index(a, arg(op.arg(1)), e);
                case GUARD_NONNULL -> new GuardNodes.Null(a, false, e);
                case GUARD_ISNULL -> new GuardNodes.Null(a, true, e);
                case GUARD_CLASS -> GuardNodes.classGuard(a, (RefKind) op.descr, e);
                case GUARD_VALUE -> switch ((Const) op.arg(1)) {
                    case Const.Int v -> new GuardNodes.IntValue(a, v.value(), e);
                    case Const.Float64 v -> new GuardNodes.FloatValue(a, v.value(), e);
                    case Const.Float32 v -> new GuardNodes.F32Value(a, v.value(), e);
                    case Const.Bool v -> new GuardNodes.BoolValue(a, v.value(), e);
                    case Const.Ref v -> new GuardNodes.RefValue(a, v.object(), e);
                };
                default -> throw new IllegalArgumentException("not a guard: " + op.opcode.text);
            };
        }
    }

    static int[] ints(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    /** The values a bridge from this exit receives as inputs: the snapshot's distinct non-constant values, in order. */
    static List<Value> bridgeInputs(Op op) {
        LinkedHashSet<Value> vs = new LinkedHashSet<>();
        op.snapshot.forEachValue(v -> {
            if (!(v instanceof Const)) {
                vs.add(v);
            }
        });
        return new ArrayList<>(vs);
    }
}
