package dev.vecl.trace.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Op;
import dev.vecl.interp.Interpreter;
import dev.vecl.interp.Recorder;
import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VFunction;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VNone;
import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Eval;
import dev.vecl.trace.ir.InputArg;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.RefKind;
import dev.vecl.trace.ir.Snapshot;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceBuilder;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.Value;

/**
 * Records one iteration of a hot loop while the real interpreter runs it. The interpreter calls
 * {@link #record} before each instruction; the recorder reads the operands' runtime values, emits
 * the typed operations that instruction performs for those types (with guards for everything it
 * assumed) and keeps, for every register of every frame, the trace value it holds (its
 * "shadow"). VecL calls are inlined: {@link #enterFrame} pushes a frame whose parameters shadow
 * the call's arguments. Recording closes with a jump when the loop's own frame reaches the loop
 * header again, and aborts on anything it does not support (see {@link Abort}).
 *
 * <p>Semantics are not re-implemented: each scalar operation maps to the IR op whose definition
 * ({@code Eval} → {@code Arith}) is the one {@code Ops} uses for those operand types, with
 * promotions as explicit conversions; anything else becomes a call of the very Java method the
 * interpreter called.
 */
public final class TraceRecorder implements Recorder {

    /** Where a recording ends. */
    public interface Listener {
        void closed(TraceRecorder recorder, RecordedTrace trace);

        void aborted(TraceRecorder recorder, String reason);
    }

    /** Thrown inside the recorder to stop recording; the reason is a short key (stats group by it). */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Thrown inside a bridge recording to end it with {@code finish} at the start of the current
     * instruction (where the state is exactly the interpreter's): the bridge leaves to the
     * interpreter there.
     */
    static final class FinishHere extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FinishHere(String why) {
            super(why, null, false, false);
        }
    }

    /** Compiled inner loops an outer recording may call ({@code call_loop}) instead of aborting. */
    public interface InnerLoops {
        /**
         * A compiled trace of the loop whose LOOP is at {@code loopPc} in {@code code} whose entry
         * types match {@code regs}, or null.
         */
        InnerLoop find(Code code, int loopPc, Object[] regs);
    }

    /** An inner loop's trace as a call_loop names it ({@code fn}), runs it ({@code impl}) and feeds it (input registers and types). */
    /** {@code contiguous}: the inner trace's {@link RecordedTrace#inputContiguous()} (its entry's stride checks). */
    public record InnerLoop(String fn, Function<Object[], Object> impl, int[] inputRegisters, Type[] inputTypes, boolean[] contiguous) {
    }

    /** An inner loop the interpreter is running while the recorder waits for its normal end. */
    private static final class Skip {
        final int frame;
        final int loopPc;
        final int backEdgePc;
        final Value result;
        int lastPc = -1;
        /** Frames the inner loop called, which the recorder does not follow. */
        int depth;

        Skip(int frame, int loopPc, int backEdgePc, Value result) {
            this.frame = frame;
            this.loopPc = loopPc;
            this.backEdgePc = backEdgePc;
            this.result = result;
        }
    }

    /** Maximum depth of inlined VecL calls. */
    static final int MAX_INLINE_DEPTH = 40;

    private static final class Frame {
        final Code code;
        final Object[] regs;
        final Value[] shadow;
        final String name;
        /** pc of the call-like instruction running the next inner frame. */
        int callPc;
        /** Register its result goes to. */
        int callDst;
        /** Trace value of the RETURN being executed. */
        Value ret;

        Frame(Code code, Object[] regs, String name) {
            this.code = code;
            this.regs = regs;
            this.shadow = new Value[regs.length];
            this.name = name;
        }
    }

    /** A VecL frame the current instruction is about to enter. */
    private record Inline(Code code, Value[] args) {
    }

    private final Interpreter interp;
    private final Listener listener;
    private final Code loopCode;
    private final int loopPc;
    private final int limit;
    /** pc of the loop's last back-edge jump: the loop's body lies between the header and it. */
    private final int backEdgePc;
    private final TraceBuilder b = new TraceBuilder();
    private final List<Frame> frames = new ArrayList<>();
    private final int[] inputRegs;
    private final Type[] inputTypes;
    /** Trace values of the globals read so far, per module, until something may have stored one. */
    private final Map<dev.vecl.bytecode.Globals, Map<Integer, Value>> globalReads = new IdentityHashMap<>();
    /** Values already guarded to one object by guard_value. */
    private final Map<Value, Const> specialised = new IdentityHashMap<>();
    private final RefKind[] inputKinds;
    /**
     * Per input, whether the trace guards its array's stride to 1 (its raw index is then
     * {@code offset + i}, no multiply per access). Entry checks it, so a strided view gets a trace
     * of its own instead of failing the stride guard at entry on every call.
     */
    private final boolean[] inputContiguous;
    /** Whether this recording may specialise input arrays on stride 1 (off for the generic trace of a loop). */
    private final boolean specialiseStride;
    /** A loop recording's inputs by value (the trace can specialise on them: entry checks them). */
    private final Map<Value, Integer> inputIndex = new IdentityHashMap<>();
    /** {@code -Dvecl.SpecialiseStride=false}: index every array with its stride (for A/B measurements). */
    static final boolean SPECIALISE_STRIDE = Boolean.parseBoolean(System.getProperty("vecl.SpecialiseStride", "true"));
    /** Arrays whose stride the trace has guarded to 1. */
    private final Set<Value> strideOne = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Code, String> codeNames = new IdentityHashMap<>();
    private final Map<String, Code> codes = new LinkedHashMap<>();
    private final Map<String, Function<Object[], Object>> functions = new HashMap<>();
    private final Map<Object, String> refNames = new IdentityHashMap<>();
    private final Set<String> usedRefNames = new HashSet<>();
    /** Kinds the trace has established for reference values (guard_class, or known by construction). */
    private final Map<Value, RefKind> kinds = new IdentityHashMap<>();
    /** Unboxed views of boxed values. */
    private final Map<Value, Value> unboxed = new IdentityHashMap<>();
    private Inline expectInline;
    /** Completes the previous instruction once its result is in its register (calls of builtins). */
    private Runnable pending;
    private int curPc;
    private boolean done;
    /** Recording a bridge (a side trace from a guard exit) rather than a loop. */
    private final boolean bridge;
    /**
     * For a bridge, the part of the loop frame's code it may run: the loop, or the loop enclosing
     * it (whose header it passes, so that a bridge from an inner loop's exit can run the rest of
     * the outer iteration and come back to the inner header, LuaJIT-style).
     */
    private final int regionStart;
    private final int regionEnd;
    /** Inlined frames of a bridge's exit that the interpreter will enter again (innermost first) to resume them. */
    private int pendingResumes;
    /** Why a bridge finished (for the log), or null. */
    private String finishReason;
    private InnerLoops innerLoops;
    private Skip skip;
    /**
     * Frames below a call the recorder turned into one op ({@link #intrinsic}) while the
     * interpreter runs it: -1 when no such call is running, else how deep inside it the interpreter is.
     */
    private int intrinsicDepth = -1;

    /**
     * Starts recording the loop whose LOOP instruction is at {@code loopPc} in {@code code}, in the
     * frame with registers {@code regs} (the hook is running that instruction).
     */
    public TraceRecorder(Interpreter interp, Code code, Object[] regs, int loopPc, int limit, Listener listener) {
        this(interp, code, regs, loopPc, limit, true, listener);
    }

    /**
     * As above; {@code specialiseStride} false records the loop's generic trace: it indexes every
     * array with its stride, so it is entered with any layout (the driver records it when the loop
     * already has a trace for these kinds that only the stride check refuses).
     */
    public TraceRecorder(Interpreter interp, Code code, Object[] regs, int loopPc, int limit, boolean specialiseStride, Listener listener) {
        this.interp = interp;
        this.specialiseStride = specialiseStride && SPECIALISE_STRIDE;
        this.listener = listener;
        this.loopCode = code;
        this.loopPc = loopPc;
        this.limit = limit;
        this.backEdgePc = backEdge(code, loopPc);
        this.bridge = false;
        this.regionStart = loopPc;
        this.regionEnd = backEdgePc;
        Frame root = new Frame(code, regs, nameOf(code));
        frames.add(root);
        List<Integer> in = new ArrayList<>();
        java.util.BitSet live = Liveness.liveAt(code, loopPc);
        for (int r = 0; r < regs.length; r++) {
            if (regs[r] != null && live.get(r)) {
                in.add(r);
            }
        }
        inputRegs = new int[in.size()];
        inputTypes = new Type[in.size()];
        inputKinds = new RefKind[in.size()];
        inputContiguous = new boolean[in.size()];
        Value[] vars = new Value[in.size()];
        for (int k = 0; k < inputRegs.length; k++) {
            int r = in.get(k);
            inputRegs[k] = r;
            inputTypes[k] = typeOf(regs[r]);
            inputKinds[k] = inputTypes[k] == Type.REF ? RefKind.of(regs[r]) : null;
            InputArg a = b.input(inputTypes[k]);
            vars[k] = a;
            root.shadow[r] = a;
            inputIndex.put(a, k);
        }
        curPc = loopPc;
        b.label(snapshot(), vars);
    }

    /**
     * Starts recording a bridge from a guard exit of {@code parent}: the interpreter is about to
     * resume the exit's frames ({@code frameRegs}, outermost first: frame 0 is the loop frame's own
     * register array, the others the fresh arrays the driver hands to
     * {@link Interpreter#resumeInlined}). The bridge's inputs are the distinct non-constant values
     * of {@code exit}'s snapshot in snapshot order (what the backend passes a bridge). It ends with
     * a jump carrying the values of the parent's input registers when the loop frame reaches the
     * header again with the parent's entry types, otherwise with {@code finish} where it leaves the
     * loop (or its enclosing loop), returns, meets another loop, gets too long, or reaches the
     * header with other types. {@code rootResumed}: frame 0 is itself resumed by
     * {@code resumeInlined} (it is below the frames of an outer trace's call_loop).
     */
    public static TraceRecorder bridge(Interpreter interp, RecordedTrace parent, Snapshot exit, Object[][] frameRegs, boolean rootResumed, int limit,
                    Listener listener) {
        return new TraceRecorder(interp, parent, exit, frameRegs, rootResumed, limit, listener);
    }

    private TraceRecorder(Interpreter interp, RecordedTrace parent, Snapshot exit, Object[][] frameRegs, boolean rootResumed, int limit, Listener listener) {
        this.interp = interp;
        this.listener = listener;
        this.loopCode = parent.loopCode();
        this.loopPc = parent.loopPc();
        this.limit = limit;
        this.backEdgePc = backEdge(loopCode, loopPc);
        this.bridge = true;
        this.inputRegs = parent.inputRegisters();
        this.inputTypes = parent.inputTypes();
        this.inputKinds = parent.inputKinds();
        this.inputContiguous = parent.inputContiguous();
        this.specialiseStride = false; // a bridge's inputs are not checked at entry
        // the parent's names for codes and builtins, so that the linked bridge (which replays the
        // parent's preamble) names each code and function one way
        for (Map.Entry<String, Code> e : parent.codes().entrySet()) {
            codes.put(e.getKey(), e.getValue());
            codeNames.put(e.getValue(), e.getKey());
        }
        functions.putAll(parent.functions());
        int[] region = enclosingLoop(loopCode, loopPc, backEdgePc);
        this.regionStart = region[0];
        this.regionEnd = region[1];
        Map<Value, Value> ins = new IdentityHashMap<>();
        List<Snapshot.Frame> sf = exit.frames();
        for (int k = 0; k < sf.size(); k++) {
            Snapshot.Frame fr = sf.get(k);
            Code c = codes.get(fr.code());
            if (c == null || (k == 0 && c != loopCode)) {
                throw new IllegalArgumentException("snapshot frame " + fr.code() + " is not in the parent's code table");
            }
            Frame f = new Frame(c, frameRegs[k], fr.code());
            for (Map.Entry<Integer, Value> e : fr.registers().entrySet()) {
                Value v = e.getValue();
                if (!(v instanceof Const)) {
                    v = ins.computeIfAbsent(v, x -> b.input(x.type()));
                }
                f.shadow[e.getKey()] = v;
            }
            if (k < sf.size() - 1) {
                f.callPc = fr.pc();
                f.callDst = c.code[fr.pc() + 1];
            }
            frames.add(f);
        }
        curPc = sf.get(sf.size() - 1).pc();
        // the frames the interpreter re-enters to resume them: the inlined ones, and the loop's own
        // frame too when it is itself an inner frame (an exit of an inner loop a call_loop ran)
        pendingResumes = sf.size() - (rootResumed ? 0 : 1);
    }

    /** The range [header, back edge] of the innermost loop of {@code code} around the given loop, or the loop itself. */
    private static int[] enclosingLoop(Code code, int loopPc, int backEdgePc) {
        int[] best = {loopPc, backEdgePc};
        int bestLen = Integer.MAX_VALUE;
        for (int h : code.loopHeaders) {
            if (h < loopPc) {
                int be = backEdge(code, h);
                if (be < code.code.length && be > backEdgePc && be - h < bestLen) {
                    best = new int[]{h, be};
                    bestLen = be - h;
                }
            }
        }
        return best;
    }

    /** Lets this recording call the compiled traces of inner loops it meets ({@code call_loop}). */
    public void setInnerLoops(InnerLoops innerLoops) {
        this.innerLoops = innerLoops;
    }

    public boolean isBridge() {
        return bridge;
    }

    /** Why a bridge ended in finish (null if it jumps back). */
    public String finishReason() {
        return finishReason;
    }

    private static int backEdge(Code code, int loopPc) {
        int last = code.code.length;
        for (int pc = 0; pc < code.code.length; pc += Op.length(code.code[pc])) {
            if (code.code[pc] == Op.JUMP && code.code[pc + 1] == loopPc) {
                last = pc;
            }
        }
        return last;
    }

    // ------------------------------------------------------------------ types

    static Type typeOf(Object v) {
        if (v instanceof Long) {
            return Type.INT;
        } else if (v instanceof Double) {
            return Type.FLOAT;
        } else if (v instanceof Float) {
            return Type.F32;
        } else if (v instanceof Boolean) {
            return Type.BOOL;
        }
        return Type.REF;
    }

    /** Whether a runtime value fits a trace input of type {@code t}. */
    static boolean hasType(Object v, Type t) {
        return v != null && typeOf(v) == t;
    }

    // ------------------------------------------------------------------ interpreter callbacks

    @Override
    public void record(Interpreter in, Code code, Object[] regs, int pc) {
        if (done) {
            return;
        }
        try {
            runPending();
            if (intrinsicDepth >= 0) {
                return;
            }
            if (skip != null && skipping(code, regs, pc)) {
                return;
            }
            Frame f = top();
            if (f.code != code || f.regs != regs) {
                // an error unwound frames we had entered (VecL has no try: it ends the program or eval)
                throw new Abort("exception");
            }
            curPc = pc;
            if (frames.size() == 1) {
                if (pc == loopPc) {
                    close();
                    return;
                }
                if (bridge) {
                    if (pc < regionStart || pc > regionEnd) {
                        throw new FinishHere("left-loop");
                    }
                    if (code.code[pc] == Op.RETURN) {
                        throw new FinishHere("return");
                    }
                } else if (pc < loopPc || pc > backEdgePc) {
                    throw new Abort("loop-exit"); // this iteration leaves the loop: the next recording takes a normal one
                }
            }
            if (b.size() > limit) {
                stop("too-long");
            }
            instruction(f, pc);
        } catch (FinishHere h) {
            finishHere(h.getMessage());
        } catch (Abort a) {
            abort(a.getMessage());
        } catch (RuntimeException e) {
            abort("internal: " + e);
        }
    }

    @Override
    public void enterFrame(Interpreter in, Code code, Object[] regs) {
        if (done) {
            return;
        }
        try {
            runPending();
            if (intrinsicDepth >= 0) {
                intrinsicDepth++;
                return;
            }
            if (skip != null) {
                skip.depth++; // the inner loop, run by the interpreter, calls a function: not recorded
                return;
            }
            if (pendingResumes > 0 && expectInline == null) {
                // the driver resumes a bridge's inlined frames (innermost first): they are ours already
                Frame t = top();
                if (t.code != code || t.regs != regs) {
                    throw new Abort("internal: resumed frame " + code.name + " is not the snapshot's");
                }
                pendingResumes--;
                return;
            }
            Inline call = expectInline;
            expectInline = null;
            if (call == null || call.code != code) {
                throw new Abort("call-from-java");
            }
            if (frames.size() >= MAX_INLINE_DEPTH) {
                throw new Abort("inline-depth");
            }
            Frame f = new Frame(code, regs, nameOf(code));
            for (int r = 0; r < regs.length; r++) {
                if (r < call.args.length && call.args[r] != null) {
                    f.shadow[r] = call.args[r];
                } else if (regs[r] != null) {
                    // default parameter values: fixed by the guarded function object
                    f.shadow[r] = constOf(regs[r]);
                }
            }
            frames.add(f);
        } catch (Abort a) {
            abort(a.getMessage());
        } catch (RuntimeException e) {
            abort("internal: " + e);
        }
    }

    @Override
    public void leaveFrame(Interpreter in, Code code, Object value) {
        if (done) {
            return;
        }
        try {
            runPending();
            if (intrinsicDepth >= 0) {
                intrinsicDepth--;
                if (intrinsicDepth == 0) {
                    intrinsicDepth = -1; // the call returned; its result is the op recorded at the call
                }
                return;
            }
            if (skip != null) {
                if (skip.depth == 0) {
                    throw new Abort("inner-loop-exit"); // returned from inside the inner loop
                }
                skip.depth--;
                return;
            }
            Frame f = top();
            if (f.code != code || frames.size() == 1) {
                throw new Abort(frames.size() == 1 ? "left-loop-frame" : "exception");
            }
            if (f.ret == null) {
                throw new Abort("internal: return without value");
            }
            frames.remove(frames.size() - 1);
            Frame caller = top();
            caller.shadow[caller.callDst] = f.ret;
            curPc = caller.callPc;
        } catch (Abort a) {
            abort(a.getMessage());
        } catch (RuntimeException e) {
            abort("internal: " + e);
        }
    }

    /** Stops recording from outside (the provider saw something the recorder cannot, e.g. an error at exit). */
    public void cancel(String reason) {
        if (!done) {
            abort(reason);
        }
    }

    public boolean isDone() {
        return done;
    }

    public Code loopCode() {
        return loopCode;
    }

    public int loopPc() {
        return loopPc;
    }

    private void runPending() {
        Runnable p = pending;
        if (p != null) {
            pending = null;
            p.run();
        }
    }

    private void abort(String reason) {
        done = true;
        if (interp.recorder == this) {
            interp.recorder = null;
        }
        listener.aborted(this, reason);
    }

    /** In a bridge, ends it here with finish; in a loop recording, aborts. */
    private void stop(String why) {
        if (bridge) {
            throw new FinishHere(why);
        }
        throw new Abort(why);
    }

    /** Ends a bridge with finish at the start of the current instruction. */
    private void finishHere(String why) {
        try {
            finishReason = why;
            b.finish(snapshot());
            Trace t;
            try {
                t = pureGlobalReads(b.build());
            } catch (RuntimeException e) {
                throw new Abort("internal: " + e.getMessage());
            }
            done = true;
            if (interp.recorder == this) {
                interp.recorder = null;
            }
            listener.closed(this, new RecordedTrace(t, loopCode, loopPc, inputRegs, inputTypes, inputKinds, inputContiguous, Map.copyOf(codes), Map.copyOf(functions)));
        } catch (Abort a) {
            abort(a.getMessage());
        }
    }

    private void close() {
        Frame root = frames.get(0);
        curPc = loopPc;
        Value[] next = new Value[inputRegs.length];
        for (int k = 0; k < inputRegs.length; k++) {
            int r = inputRegs[k];
            if (bridge && (root.shadow[r] == null || !hasType(root.regs[r], inputTypes[k]))) {
                finishHere("header-types"); // the header with other types: the interpreter picks (or records) the matching trace
                return;
            }
            Value v;
            try {
                v = inputTypes[k] == Type.REF ? shadow(root, r) : typed(root, r);
            } catch (Abort a) {
                if (bridge) {
                    finishHere("header-types");
                    return;
                }
                throw a;
            }
            if (v.type() != inputTypes[k]) {
                if (bridge) {
                    finishHere("header-types");
                    return;
                }
                throw new Abort("type-unstable");
            }
            next[k] = v;
        }
        java.util.BitSet live = Liveness.liveAt(loopCode, loopPc);
        for (int r = live.nextSetBit(0); r >= 0; r = live.nextSetBit(r + 1)) {
            if (r < root.shadow.length && root.shadow[r] != null && !isInput(r)) {
                if (bridge) {
                    finishHere("header-registers");
                    return;
                }
                // live at the header but unset when recording started: the next recording will carry it
                throw new Abort("new-live-register");
            }
        }
        b.jump(next);
        Trace t;
        try {
            t = pureGlobalReads(b.build());
        } catch (RuntimeException e) {
            throw new Abort("internal: " + e.getMessage());
        }
        done = true;
        interp.recorder = null;
        listener.closed(this, new RecordedTrace(t, loopCode, loopPc, inputRegs, inputTypes, inputKinds, inputContiguous, Map.copyOf(codes), Map.copyOf(functions)));
    }

    /**
     * A trace that writes no global reads each global as a pure call: while it runs nothing else
     * does (any other path leaves it through a guard), so CSE and peeling may read a global, e.g.
     * the function a loop calls, once per entry.
     */
    private static Trace pureGlobalReads(Trace t) {
        for (dev.vecl.trace.ir.Op op : t.ops) {
            if ("setglobal".equals(op.descr)) {
                return t;
            }
        }
        Map<Value, Value> sub = new IdentityHashMap<>();
        List<dev.vecl.trace.ir.Op> out = new ArrayList<>(t.ops.size());
        boolean changed = false;
        for (dev.vecl.trace.ir.Op op : t.ops) {
            dev.vecl.trace.ir.Op n = op.map(v -> sub.getOrDefault(v, v));
            if (n.opcode == OpCode.CALL_R && "getglobal".equals(n.descr)) {
                n = new dev.vecl.trace.ir.Op(OpCode.CALL_PURE_R, n.args(), n.descr, n.snapshot);
                changed = true;
            }
            if (n != op) {
                sub.put(op, n);
            }
            out.add(n);
        }
        return changed ? dev.vecl.trace.ir.TraceVerifier.verify(new Trace(t.inputs, out)) : t;
    }

    private boolean isInput(int r) {
        for (int x : inputRegs) {
            if (x == r) {
                return true;
            }
        }
        return false;
    }

    private Frame top() {
        return frames.get(frames.size() - 1);
    }

    // ------------------------------------------------------------------ names, constants, snapshots

    private String nameOf(Code c) {
        String n = codeNames.get(c);
        if (n == null) {
            String base = sanitize(c.name);
            n = base;
            for (int k = 2; codes.containsKey(n); k++) {
                n = base + "." + k;
            }
            codeNames.put(c, n);
            codes.put(n, c);
        }
        return n;
    }

    private static String sanitize(String s) {
        // "<module>" reads better as "module"
        return s.startsWith("<") && s.endsWith(">") && s.length() > 2 ? sanitizeKeep(s.substring(1, s.length() - 1)) : sanitizeKeep(s);
    }

    private static String sanitizeKeep(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' ? ch : '_');
        }
        return sb.toString();
    }

    private String refName(Object o) {
        String n = refNames.get(o);
        if (n == null) {
            String base = switch (o) {
                case VFunction f -> sanitizeKeep(f.name);
                case VBuiltin bi -> sanitizeKeep(bi.name);
                case DType d -> d.name().toLowerCase();
                case VNone none -> "None";
                case String s -> "str";
                case VArray a -> "array";
                case VList l -> "list";
                case dev.vecl.bytecode.Globals g -> "globals." + sanitizeKeep(g.moduleName);
                default -> "obj";
            };
            n = base;
            for (int k = 2; usedRefNames.contains(n); k++) {
                n = base + "." + k;
            }
            usedRefNames.add(n);
            refNames.put(o, n);
        }
        return n;
    }

    /** A trace constant for a runtime value. */
    Const constOf(Object v) {
        return switch (v) {
            case Long l -> new Const.Int(l);
            case Double d -> new Const.Float64(d);
            case Float s -> new Const.Float32(s);
            case Boolean z -> new Const.Bool(z);
            default -> {
                Const.Ref c = new Const.Ref(refName(v), v);
                yield c;
            }
        };
    }

    /** The state at the start of the current instruction: every frame, every register with a value. */
    private Snapshot snapshot() {
        List<Snapshot.Frame> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Frame f = frames.get(i);
            TreeMap<Integer, Value> regs = new TreeMap<>();
            int pc = i == frames.size() - 1 ? curPc : f.callPc;
            java.util.BitSet live = Liveness.liveAt(f.code, pc);
            for (int r = 0; r < f.shadow.length; r++) {
                if (f.shadow[r] != null && live.get(r)) {
                    regs.put(r, f.shadow[r]);
                }
            }
            out.add(new Snapshot.Frame(f.name, pc, regs));
        }
        return new Snapshot(out);
    }

    // ------------------------------------------------------------------ values

    private Value shadow(Frame f, int r) {
        Value v = f.shadow[r];
        if (v == null) {
            throw new Abort(f.regs[r] == null ? "unbound-register" : "untracked-register");
        }
        return v;
    }

    /**
     * The register's value as the trace should use it: scalars unboxed (guarding the kind of a boxed
     * value first), references with their kind guarded.
     */
    private Value typed(Frame f, int r) {
        return typed(shadow(f, r), f.regs[r]);
    }

    private Value typed(Value v, Object runtime) {
        if (v instanceof Const.Ref c && !(runtime instanceof VArray) && typeOf(runtime) != Type.REF) {
            return constOf(runtime);
        }
        if (v.type() != Type.REF || v instanceof Const) {
            return v;
        }
        RefKind k = guardKind(v, runtime);
        OpCode unbox = switch (k) {
            case INT -> OpCode.UNBOX_INT;
            case FLOAT -> OpCode.UNBOX_FLOAT;
            case F32 -> OpCode.UNBOX_F32;
            case BOOL -> OpCode.UNBOX_BOOL;
            default -> null;
        };
        if (unbox == null) {
            return v;
        }
        Value u = unboxed.get(v);
        if (u == null) {
            u = b.op(unbox, v);
            unboxed.put(v, u);
        }
        return u;
    }

    /** Guards the kind of a reference value (once per value) and returns it. */
    private RefKind guardKind(Value v, Object runtime) {
        if (v instanceof Const.Ref c) {
            return RefKind.of(c.object());
        }
        RefKind k = kinds.get(v);
        if (k == null) {
            k = RefKind.of(runtime);
            if (k == null) {
                throw new Abort("unknown-value-kind");
            }
            b.guardClass(v, k, snapshot());
            kinds.put(v, k);
        }
        return k;
    }

    /** The value boxed, for calls and lists (they take VecL's boxed values). */
    /** As {@link #boxed}, for operands typed ref (list items): a scalar constant becomes a constant of its boxed object. */
    private Value boxedRef(Value v) {
        if (v instanceof Const c && c.type() != Type.REF) {
            return new Const.Ref(refName(c.boxed()), c.boxed());
        }
        return boxed(v);
    }

    private Value boxed(Value v) {
        if (v instanceof Const) {
            return v; // a call receives a constant's boxed value as it is
        }
        OpCode box = switch (v.type()) {
            case INT -> OpCode.BOX_INT;
            case FLOAT -> OpCode.BOX_FLOAT;
            case F32 -> OpCode.BOX_F32;
            case BOOL -> OpCode.BOX_BOOL;
            default -> null;
        };
        if (box == null) {
            return v;
        }
        Value r = b.op(box, v);
        unboxed.put(r, v);
        kinds.put(r, switch (v.type()) {
            case INT -> RefKind.INT;
            case FLOAT -> RefKind.FLOAT;
            case F32 -> RefKind.F32;
            default -> RefKind.BOOL;
        });
        return r;
    }

    /** A pure scalar op, folded when its arguments are constants; raising ops get the snapshot. */
    private Value emit(OpCode op, Value... args) {
        boolean allConst = true;
        for (Value a : args) {
            allConst &= a instanceof Const;
        }
        if (allConst && op.isPure() && !op.hasDescr()) {
            Const[] cs = new Const[args.length];
            for (int i = 0; i < args.length; i++) {
                cs[i] = (Const) args[i];
            }
            Const c = Eval.fold(op, cs);
            if (c != null) {
                return c;
            }
        }
        if (op.has(OpCode.Flag.RAISES)) {
            return b.raising(op, snapshot(), args);
        }
        return b.op(op, args);
    }

    private void guard(OpCode op, Value... args) {
        boolean allConst = true;
        for (Value a : args) {
            allConst &= a instanceof Const;
        }
        if (allConst) {
            return; // held while recording, so it holds always
        }
        b.guard(op, snapshot(), args);
    }

    private void guardBool(Value cond, boolean expected) {
        guard(expected ? OpCode.GUARD_TRUE : OpCode.GUARD_FALSE, cond);
    }

    /** Specialises a value on its runtime constant (guard_value) and returns the constant. */
    private Const specialise(Value v, Object runtime) {
        Const c = constOf(runtime);
        if (!(v instanceof Const) && specialised.put(v, c) == null) {
            b.guard(OpCode.GUARD_VALUE, snapshot(), v, c); // once per value: the trace is linear
        }
        return c;
    }

    // ------------------------------------------------------------------ conversions (as Cast/Ops do them)

    private Value toInt(Value v) {
        return switch (v.type()) {
            case INT -> v;
            case BOOL -> emit(OpCode.CAST_BOOL_TO_INT, v);
            default -> throw new Abort("internal: toInt " + v.type());
        };
    }

    private Value toF64(Value v) {
        return switch (v.type()) {
            case FLOAT -> v;
            case INT -> emit(OpCode.CAST_INT_TO_FLOAT, v);
            case BOOL -> emit(OpCode.CAST_INT_TO_FLOAT, emit(OpCode.CAST_BOOL_TO_INT, v));
            case F32 -> emit(OpCode.CAST_F32_TO_FLOAT, v);
            default -> throw new Abort("internal: toF64 " + v.type());
        };
    }

    /** Cast.toFloat32: ints go through double, as the interpreter does. */
    private Value toF32(Value v) {
        return switch (v.type()) {
            case F32 -> v;
            case FLOAT -> emit(OpCode.CAST_FLOAT_TO_F32, v);
            case INT, BOOL -> emit(OpCode.CAST_FLOAT_TO_F32, toF64(v));
            default -> throw new Abort("internal: toF32 " + v.type());
        };
    }

    /** An operand whose kind fully describes it to dtype promotion: a number or an array. */
    private static boolean foldableOperand(Object o) {
        return isNumber(o) || o instanceof VArray;
    }

    private static boolean int32WithPythonInt(Object a, Object b) {
        return a instanceof Long && b instanceof VArray y && y.dtype == dev.vecl.runtime.DType.INT32
                        || b instanceof Long && a instanceof VArray x && x.dtype == dev.vecl.runtime.DType.INT32;
    }

    private static boolean isNumber(Object o) {
        return o instanceof Long || o instanceof Double || o instanceof Float || o instanceof Boolean;
    }

    // ------------------------------------------------------------------ instructions

    private void instruction(Frame f, int pc) {
        int[] code = f.code.code;
        int op = code[pc];
        Object[] regs = f.regs;
        switch (op) {
            case Op.NOP, Op.JUMP -> {
            }
            case Op.CONST -> f.shadow[code[pc + 1]] = constOf(f.code.consts[code[pc + 2]]);
            case Op.MOVE -> f.shadow[code[pc + 1]] = shadow(f, code[pc + 2]);
            case Op.GETGLOBAL -> getGlobal(f, code[pc + 1], code[pc + 2]);
            case Op.SETGLOBAL -> {
                globalReads.clear();
                int slot = code[pc + 1];
                Value g = constOf(f.code.globals);
                Value v = boxed(shadow(f, code[pc + 2]));
                call(OpCode.CALL_N, "setglobal", TraceRecorder::setGlobal, g, new Const.Int(slot), v);
            }
            case Op.CHECKBOUND -> {
                if (regs[code[pc + 1]] == null) {
                    throw new Abort("exception");
                }
                shadow(f, code[pc + 1]);
            }
            case Op.ADD, Op.SUB, Op.MUL, Op.TRUEDIV, Op.FLOORDIV, Op.MOD, Op.POW, Op.AND, Op.OR, Op.XOR, Op.LSHIFT, Op.RSHIFT -> {
                int a = code[pc + 2];
                int c = code[pc + 3];
                if (regs[a] instanceof VArray || regs[c] instanceof VArray) {
                    inlineArrayOp(f, pc, op, a, c);
                } else {
                    binary(f, code[pc + 1], op, a, c);
                }
            }
            case Op.IADD, Op.ISUB, Op.IMUL, Op.ITRUEDIV, Op.IFLOORDIV, Op.IMOD, Op.IPOW, Op.IAND, Op.IOR, Op.IXOR, Op.ILSHIFT, Op.IRSHIFT -> {
                int a = code[pc + 2];
                int c = code[pc + 3];
                if (regs[a] instanceof VArray) {
                    inlineArrayOp(f, pc, op, a, c);
                } else if (op == Op.IADD && (regs[a] instanceof VList || !(regs[c] instanceof VArray))) {
                    if (regs[a] instanceof VList) {
                        typed(f, a);
                        typed(f, c);
                        genericCall(f, code[pc + 1], "ops.iadd", x -> dev.vecl.runtime.Ops.iadd(x[0], x[1]), false, a, c);
                    } else {
                        binary(f, code[pc + 1], Op.ADD, a, c);
                    }
                } else if (regs[c] instanceof VArray) {
                    inlineArrayOp(f, pc, Op.plainOf(op), a, c);
                } else {
                    binary(f, code[pc + 1], Op.plainOf(op), a, c);
                }
            }
            case Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE -> {
                int a = code[pc + 2];
                int c = code[pc + 3];
                if (regs[a] instanceof VArray || regs[c] instanceof VArray) {
                    inlineArrayOp(f, pc, op, a, c);
                } else {
                    compare(f, code[pc + 1], op, a, c);
                }
            }
            case Op.IN, Op.NOTIN -> {
                int a = code[pc + 2];
                int c = code[pc + 3];
                typed(f, a);
                typed(f, c);
                if (op == Op.IN) {
                    genericCall(f, code[pc + 1], "ops.contains", x -> dev.vecl.runtime.Ops.contains(x[1], x[0]), false, a, c);
                } else {
                    genericCall(f, code[pc + 1], "ops.notcontains", x -> !dev.vecl.runtime.Ops.contains(x[1], x[0]), false, a, c);
                }
            }
            case Op.IS, Op.ISNOT -> {
                int a = code[pc + 2];
                int c = code[pc + 3];
                Value va = typed(f, a);
                Value vc = typed(f, c);
                Value r;
                if ((va instanceof Const && vc instanceof Const) || (va.type() != vc.type() && !(va.type() == Type.REF && vc.type() == Type.REF))) {
                    // decided by constants, or by kinds the trace has already guarded
                    r = new Const.Bool(Interpreter.is(regs[a], regs[c]));
                } else if (va.type() == Type.REF) {
                    r = emit(OpCode.REF_EQ, va, vc);
                } else if (va.type() == Type.BOOL) {
                    r = emit(OpCode.BOOL_EQ, va, vc);
                } else {
                    throw new Abort("unsupported: is on numbers");
                }
                f.shadow[code[pc + 1]] = op == Op.IS ? r : emit(OpCode.BOOL_NOT, r);
            }
            case Op.NEG, Op.POS, Op.INVERT -> {
                int a = code[pc + 2];
                if (regs[a] instanceof VArray) {
                    inlineArrayOp(f, pc, op, a, -1);
                } else {
                    unary(f, code[pc + 1], op, a);
                }
            }
            case Op.NOT -> f.shadow[code[pc + 1]] = emit(OpCode.BOOL_NOT, truth(f, code[pc + 2]));
            case Op.JUMPIFFALSE, Op.JUMPIFTRUE -> {
                int r = code[pc + 1];
                Value cond = truth(f, r);
                guardBool(cond, Interpreter.truthy(regs[r]));
            }
            case Op.LOOP -> {
                if (!(bridge && frames.size() == 1 && pc == regionStart)) {
                    // a bridge passes only the header of the loop enclosing its own
                    if (bridge || !callLoop(f, pc)) {
                        stop("inner-loop");
                    }
                }
            }
            case Op.RANGEPREP -> rangePrep(f, pc);
            case Op.ITERPREP -> iterPrep(f, pc);
            case Op.FORRANGE -> forRange(f, pc);
            case Op.FORITER -> forIter(f, pc);
            case Op.GETITEM -> getItem(f, code[pc + 1], code[pc + 2], code[pc + 3]);
            case Op.SETITEM -> setItem(f, code[pc + 1], code[pc + 2], code[pc + 3]);
            case Op.GETSLICE -> {
                for (int k = 2; k <= 5; k++) {
                    typed(f, code[pc + k]);
                }
                genericCall(f, code[pc + 1], "ops.getslice", x -> dev.vecl.runtime.Ops.getSlice(x[0], x[1], x[2], x[3]), false,
                                code[pc + 2], code[pc + 3], code[pc + 4], code[pc + 5]);
            }
            case Op.SETSLICE -> {
                Value[] args = new Value[5];
                for (int k = 1; k <= 5; k++) {
                    typed(f, code[pc + k]);
                    args[k - 1] = boxed(shadow(f, code[pc + k]));
                }
                call(OpCode.CALL_N, "ops.setslice", x -> {
                    dev.vecl.runtime.Ops.setSlice(x[0], x[1], x[2], x[3], x[4]);
                    return null;
                }, args);
            }
            case Op.CALL -> call(f, pc);
            case Op.CALLMETHOD -> callMethod(f, pc);
            case Op.MAKELIST -> {
                int start = code[pc + 2];
                int n = code[pc + 3];
                int[] rs = new int[n];
                for (int k = 0; k < n; k++) {
                    rs[k] = start + k;
                }
                genericCall(f, code[pc + 1], "makelist", x -> new VList(new ArrayList<>(List.of(x))), false, rs);
            }
            case Op.RETURN -> f.ret = shadow(f, code[pc + 1]);
            default -> throw new Abort("unsupported: " + Op.NAMES[op]);
        }
    }

    // ---- globals ----

    private void getGlobal(Frame f, int dst, int slot) {
        Object v = f.code.globals.values[slot];
        if (v == null) {
            throw new Abort("exception");
        }
        if (f.code.isPrelude) {
            // the prelude module binds its names once, when it loads
            f.shadow[dst] = constOf(v);
            return;
        }
        Map<Integer, Value> known = globalReads.computeIfAbsent(f.code.globals, k -> new java.util.HashMap<>());
        Value seen = known.get(slot);
        if (seen != null) {
            // read before in this trace, and nothing since could have stored it: the same value,
            // without another read and its snapshot (a loop calling maximum 3,000 times read the
            // global 3,000 times, each read with a snapshot of every live register)
            f.shadow[dst] = seen;
            return;
        }
        Value g = constOf(f.code.globals);
        Snapshot s = snapshot();
        pending = () -> {
            Object r = f.regs[dst];
            f.shadow[dst] = b.call(OpCode.CALL_R, "getglobal", s, g, new Const.Int(slot));
            known.put(slot, f.shadow[dst]);
            functions.put("getglobal", TraceRecorder::getGlobalValue);
            if (r == null) {
                throw new Abort("internal: global");
            }
        };
    }

    private static Object getGlobalValue(Object[] a) {
        Object v = ((dev.vecl.bytecode.Globals) a[0]).values[(int) (long) (Long) a[1]];
        if (v == null) {
            throw dev.vecl.runtime.VeclError.name("name is not defined");
        }
        return v;
    }

    private static Object setGlobal(Object[] a) {
        ((dev.vecl.bytecode.Globals) a[0]).values[(int) (long) (Long) a[1]] = a[2];
        return null;
    }

    // ---- calls ----

    /** A call op emitted now (for calls without a result register). */
    private Value call(OpCode op, String fn, Function<Object[], Object> impl, Value... args) {
        register(fn, impl);
        return b.call(op, fn, snapshot(), args);
    }

    private void register(String fn, Function<Object[], Object> impl) {
        functions.putIfAbsent(fn, impl);
    }

    /**
     * A call of {@code impl} on the boxed registers; the result (a boxed value whose kind later uses
     * guard) is the value of {@code dst}.
     */
    private void genericCall(Frame f, int dst, String fn, Function<Object[], Object> impl, boolean pure, int... argRegs) {
        Value[] args = new Value[argRegs.length];
        for (int k = 0; k < args.length; k++) {
            args[k] = boxed(shadow(f, argRegs[k]));
        }
        register(fn, impl);
        Snapshot s = snapshot();
        OpCode op = pure ? OpCode.CALL_PURE_R : OpCode.CALL_R;
        if (!pure) {
            globalReads.clear(); // a builtin that calls back into VecL code could store a global
        }
        pending = () -> f.shadow[dst] = b.call(op, fn, s, args);
    }

    private static final Set<String> PURE_BUILTINS = Set.of("len", "str", "repr", "int", "float", "round", "_dtype", "_is_array",
                    "_is_list", "_type_name", "_is_operand", "_is_number", "_as_dtype", "_value_dtype", "_is_float_dtype", "_is_int_dtype",
                    "_compute_dtype", "_common_dtype", "_result_dtype", "_unary_dtype", "_check_inplace", "_check_len", "_check_len3",
                    "_may_share_memory", "_same_view", "_sqrt", "_exp", "_log", "_sin", "_cos", "_floor", "_abs", "_lshift", "_rshift",
                    "_minimum", "_maximum", "_cast_scalar", "_select");

    private void call(Frame f, int pc) {
        int[] code = f.code.code;
        int dst = code[pc + 1];
        int fnReg = code[pc + 2];
        int start = code[pc + 3];
        int n = code[pc + 4];
        int kw = code[pc + 5];
        Object fn = f.regs[fnReg];
        String[] kwNames = kw < 0 ? null : (String[]) f.code.consts[kw];
        Value fv = shadow(f, fnReg);
        if (fn instanceof VFunction vf) {
            specialise(fv, fn);
            if (kwNames == null && intrinsic(f, dst, vf, start, n)) {
                intrinsicDepth = 0; // the interpreter runs the call; the recorder waits for its return
                return;
            }
            f.callPc = pc;
            f.callDst = dst;
            expectInline = new Inline(vf.code, bindShadows(f, vf.code, start, n, kwNames));
            return;
        }
        if (fn instanceof VBuiltin bi) {
            specialise(fv, fn);
            if (kwNames == null && builtinInline(f, dst, bi, start, n)) {
                return;
            }
            int[] rs = new int[n];
            for (int k = 0; k < n; k++) {
                rs[k] = start + k;
                typed(f, start + k);
            }
            String name = kwNames == null ? bi.name : bi.name + ".kw." + String.join(".", kwNames);
            genericCall(f, dst, sanitizeKeep(name), x -> bi.call(x, kwNames), kwNames == null && PURE_BUILTINS.contains(bi.name), rs);
            return;
        }
        if (fn instanceof DType d) {
            specialise(fv, fn);
            // float32(2.95) on a number is Cast's conversion: a cast op, which folds on constants
            // (a call would leave a boxed loop invariant per literal: Prospero's kernel has 1,500)
            if (kwNames == null && n == 1 && (d == DType.FLOAT32 || d == DType.FLOAT64)
                            && (f.regs[start] instanceof Double || f.regs[start] instanceof Long
                                            || f.regs[start] instanceof Float || f.regs[start] instanceof Boolean)) {
                Value v = typed(f, start);
                f.shadow[dst] = d == DType.FLOAT32 ? toF32(v) : toF64(v);
                return;
            }
            int[] rs = new int[n];
            for (int k = 0; k < n; k++) {
                rs[k] = start + k;
                typed(f, start + k);
            }
            String name = "dtype." + d.name().toLowerCase() + (kwNames == null ? "" : ".kw." + String.join(".", kwNames));
            genericCall(f, dst, name, x -> dev.vecl.runtime.Ops.callDType(d, x, kwNames), kwNames == null, rs);
            return;
        }
        throw new Abort("exception");
    }

    /**
     * The callee's parameter registers as {@code Interpreter.bind} fills them, in trace values:
     * positional and keyword arguments, a list for {@code *rest}; defaults are left to
     * {@link #enterFrame} (constants of the guarded function).
     */
    private Value[] bindShadows(Frame f, Code callee, int start, int n, String[] kwNames) {
        int np = callee.numParams;
        int nkw = kwNames == null ? 0 : kwNames.length;
        int npos = n - nkw;
        Value[] args = new Value[Math.max(np, callee.varargsReg + 1)];
        for (int j = 0; j < Math.min(npos, np); j++) {
            args[j] = shadow(f, start + j);
        }
        if (callee.varargsReg >= 0) {
            int extra = Math.max(0, npos - np);
            Value[] rest = new Value[extra];
            for (int k = 0; k < extra; k++) {
                rest[k] = boxed(shadow(f, start + np + k));
            }
            args[callee.varargsReg] = call(OpCode.CALL_R, "makelist", x -> new VList(new ArrayList<>(List.of(x))), rest);
        } else if (npos > np) {
            throw new Abort("exception");
        }
        for (int k = 0; k < nkw; k++) {
            int j = java.util.Arrays.asList(callee.paramNames).indexOf(kwNames[k]);
            if (j < 0 || args[j] != null) {
                throw new Abort("exception");
            }
            args[j] = shadow(f, start + npos + k);
        }
        return args;
    }

    /**
     * Prelude functions whose effect on these arguments is one IR operation: Python's min and max
     * of two ints (the smaller or larger value; equal ints are the same value, so which one of them
     * does not matter). Inlined, min(a, b) is a list of its arguments and a loop over it, which no
     * loop around it could vectorize; as one op, {@code m = min(m, a[i])} is a reduction.
     */
    private boolean intrinsic(Frame f, int dst, VFunction vf, int start, int n) {
        if (!vf.code.isPrelude || n != 2 || !(f.regs[start] instanceof Long) || !(f.regs[start + 1] instanceof Long)) {
            return false;
        }
        OpCode op = switch (vf.code.name) {
            case "min" -> OpCode.INT_MINIMUM;
            case "max" -> OpCode.INT_MAXIMUM;
            default -> null;
        };
        if (op == null) {
            return false;
        }
        f.shadow[dst] = emit(op, typed(f, start), typed(f, start + 1));
        return true;
    }

    /** Builtins whose effect on these operand types is an IR operation. */
    private boolean builtinInline(Frame f, int dst, VBuiltin bi, int start, int n) {
        Object[] regs = f.regs;
        String name = bi.name;
        switch (name) {
            case "len" -> {
                if (n != 1) {
                    return false;
                }
                Value v = typed(f, start);
                Object o = regs[start];
                if (o instanceof VArray) {
                    f.shadow[dst] = emit(OpCode.ARRAYLEN, v);
                } else if (o instanceof VList) {
                    f.shadow[dst] = emit(OpCode.LIST_LEN, v);
                } else if (o instanceof String) {
                    f.shadow[dst] = emit(OpCode.STR_LEN, v);
                } else {
                    return false;
                }
                return true;
            }
            case "_is_array", "_is_list" -> {
                if (n != 1) {
                    return false;
                }
                typed(f, start); // the guarded kind decides it
                Object o = regs[start];
                f.shadow[dst] = new Const.Bool(name.equals("_is_array") ? o instanceof VArray : o instanceof VList);
                return true;
            }
            case "_check_len", "_check_len3" -> {
                // scalars only (their guarded kinds decide it): no length, -1
                for (int k = 0; k < n; k++) {
                    if (!isNumber(regs[start + k])) {
                        return false;
                    }
                }
                for (int k = 0; k < n; k++) {
                    typed(f, start + k);
                }
                f.shadow[dst] = new Const.Int(-1);
                return true;
            }
            case "_compute_dtype", "_result_dtype", "_common_dtype" -> {
                // NEP 50: the dtype follows from the operands' kinds (an array's dtype, a scalar's
                // type), except for a Python int next to int32, whose value can matter
                if (n < 2 || !foldableOperand(regs[start]) || !foldableOperand(regs[start + 1]) || int32WithPythonInt(regs[start], regs[start + 1])) {
                    return false;
                }
                for (int k = 2; k < n; k++) {
                    if (!(shadow(f, start + k) instanceof Const)) {
                        return false;
                    }
                }
                Object r;
                try {
                    r = bi.call(java.util.Arrays.copyOfRange(regs, start, start + n), null);
                } catch (RuntimeException e) {
                    return false; // the error path is the interpreter's
                }
                typed(f, start);
                typed(f, start + 1);
                f.shadow[dst] = constOf(r);
                return true;
            }
            case "_prep" -> {
                // an operand that already has the loop's dtype passes through unchanged; whether it
                // does follows from its kind and the (constant) dtype and operator
                if (n != 3 || !foldableOperand(regs[start]) || !(shadow(f, start + 1) instanceof Const) || !(shadow(f, start + 2) instanceof Const)) {
                    return false;
                }
                Object x = regs[start];
                Object r;
                try {
                    r = bi.call(java.util.Arrays.copyOfRange(regs, start, start + n), null);
                } catch (RuntimeException e) {
                    return false;
                }
                if (!(x instanceof VArray) && shadow(f, start) instanceof Const && isNumber(r)) {
                    f.shadow[dst] = constOf(r); // a literal operand, converted once
                    return true;
                }
                boolean same = x instanceof VArray ? r == x : r != null && r.getClass() == x.getClass();
                if (!same) {
                    return false;
                }
                f.shadow[dst] = typed(f, start);
                return true;
            }
            case "_dtype" -> {
                if (n != 1 || !(regs[start] instanceof VArray a)) {
                    return false;
                }
                typed(f, start);
                f.shadow[dst] = constOf(a.dtype);
                return true;
            }
            case "_sqrt", "_floor", "_abs", "_exp", "_log", "_sin", "_cos" -> {
                if (n != 1 || !isNumber(regs[start])) {
                    return false;
                }
                Value v = typed(f, start);
                Object o = regs[start];
                Value r = switch (name) {
                    case "_sqrt" -> o instanceof Float ? emit(OpCode.F32_SQRT, v) : emit(OpCode.FLOAT_SQRT, toF64(v));
                    case "_floor" -> o instanceof Double ? emit(OpCode.FLOAT_FLOOR, v) : o instanceof Float ? emit(OpCode.F32_FLOOR, v) : v;
                    case "_abs" -> switch (v.type()) {
                        case FLOAT -> emit(OpCode.FLOAT_ABS, v);
                        case F32 -> emit(OpCode.F32_ABS, v);
                        case INT -> emit(OpCode.INT_ABS, v);
                        default -> toInt(v);
                    };
                    default -> {
                        boolean f32 = o instanceof Float;
                        Value arg = f32 ? v : toF64(v);
                        yield emit(switch (name) {
                            case "_exp" -> f32 ? OpCode.F32_EXP : OpCode.FLOAT_EXP;
                            case "_log" -> f32 ? OpCode.F32_LOG : OpCode.FLOAT_LOG;
                            case "_sin" -> f32 ? OpCode.F32_SIN : OpCode.FLOAT_SIN;
                            default -> f32 ? OpCode.F32_COS : OpCode.FLOAT_COS;
                        }, arg);
                    }
                };
                f.shadow[dst] = r;
                return true;
            }
            case "_select" -> {
                if (n != 3 || !(regs[start] instanceof Boolean)) {
                    return false;
                }
                Object x = regs[start + 1];
                Object y = regs[start + 2];
                OpCode sel = x instanceof Double && y instanceof Double ? OpCode.FLOAT_SELECT
                                : x instanceof Float && y instanceof Float ? OpCode.F32_SELECT
                                                : x instanceof Long && y instanceof Long ? OpCode.INT_SELECT
                                                                : x instanceof Boolean && y instanceof Boolean ? OpCode.BOOL_SELECT : null;
                if (sel == null) {
                    return false;
                }
                f.shadow[dst] = emit(sel, typed(f, start), typed(f, start + 1), typed(f, start + 2));
                return true;
            }
            case "_minimum", "_maximum" -> {
                if (n != 2) {
                    return false;
                }
                Object x = regs[start];
                Object y = regs[start + 1];
                boolean min = name.equals("_minimum");
                if (x instanceof Double && y instanceof Double) {
                    f.shadow[dst] = emit(min ? OpCode.FLOAT_MINIMUM : OpCode.FLOAT_MAXIMUM, typed(f, start), typed(f, start + 1));
                } else if (x instanceof Float && y instanceof Float) {
                    f.shadow[dst] = emit(min ? OpCode.F32_MINIMUM : OpCode.F32_MAXIMUM, typed(f, start), typed(f, start + 1));
                } else if (x instanceof Long && y instanceof Long) {
                    f.shadow[dst] = emit(min ? OpCode.INT_MINIMUM : OpCode.INT_MAXIMUM, typed(f, start), typed(f, start + 1));
                } else if (x instanceof Boolean && y instanceof Boolean) {
                    f.shadow[dst] = emit(min ? OpCode.BOOL_AND : OpCode.BOOL_OR, typed(f, start), typed(f, start + 1));
                } else {
                    return false;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void callMethod(Frame f, int pc) {
        int[] code = f.code.code;
        int dst = code[pc + 1];
        int recv = code[pc + 2];
        String name = f.code.names[code[pc + 3]];
        int start = code[pc + 4];
        int n = code[pc + 5];
        Value rv = typed(f, recv);
        if (f.regs[recv] instanceof VList && name.equals("append") && n == 1) {
            b.op(OpCode.LIST_APPEND, rv, boxedRef(shadow(f, start)));
            f.shadow[dst] = constOf(VNone.NONE);
            return;
        }
        int[] rs = new int[n + 1];
        rs[0] = recv;
        for (int k = 0; k < n; k++) {
            rs[k + 1] = start + k;
            typed(f, start + k);
        }
        genericCall(f, dst, "method." + sanitizeKeep(name),
                        x -> dev.vecl.runtime.Ops.callMethod(x[0], name, java.util.Arrays.copyOfRange(x, 1, x.length)), false, rs);
    }

    /** An operator on an array: the interpreter calls the prelude's {@code _op_<name>}, which is inlined. */
    private void inlineArrayOp(Frame f, int pc, int op, int a, int c) {
        VFunction fn = interp.arrayOp(op);
        if (fn == null) {
            throw new Abort("exception");
        }
        Value va = shadow(f, a);
        typed(f, a);
        Value[] args;
        if (c >= 0) {
            typed(f, c);
            args = new Value[] {va, shadow(f, c)};
        } else {
            args = new Value[] {va};
        }
        f.callPc = pc;
        f.callDst = f.code.code[pc + 1];
        expectInline = new Inline(fn.code, args);
    }

    // ---- arithmetic ----

    private void binary(Frame f, int dst, int op, int ra, int rb) {
        Object a = f.regs[ra];
        Object c = f.regs[rb];
        if (!isNumber(a) || !isNumber(c)) {
            typed(f, ra);
            typed(f, rb);
            String name = Op.OPNAME[op];
            genericCall(f, dst, "ops." + name, x -> dev.vecl.runtime.Ops.binaryByName(name, x[0], x[1]), false, ra, rb);
            return;
        }
        Value x = typed(f, ra);
        Value y = typed(f, rb);
        Value r = null;
        if (a instanceof Float || c instanceof Float) {
            OpCode o = switch (op) {
                case Op.ADD -> OpCode.F32_ADD;
                case Op.SUB -> OpCode.F32_SUB;
                case Op.MUL -> OpCode.F32_MUL;
                case Op.TRUEDIV -> OpCode.F32_TRUEDIV;
                case Op.FLOORDIV -> OpCode.F32_FLOORDIV;
                case Op.MOD -> OpCode.F32_MOD;
                case Op.POW -> OpCode.F32_POW;
                default -> null;
            };
            if (o != null) {
                r = emit(o, toF32(x), toF32(y));
            }
        } else if (a instanceof Double || c instanceof Double) {
            OpCode o = switch (op) {
                case Op.ADD -> OpCode.FLOAT_ADD;
                case Op.SUB -> OpCode.FLOAT_SUB;
                case Op.MUL -> OpCode.FLOAT_MUL;
                case Op.TRUEDIV -> OpCode.FLOAT_TRUEDIV;
                case Op.FLOORDIV -> OpCode.FLOAT_FLOORDIV;
                case Op.MOD -> OpCode.FLOAT_MOD;
                case Op.POW -> OpCode.FLOAT_POW;
                default -> null;
            };
            if (o != null) {
                r = emit(o, toF64(x), toF64(y));
            }
        } else if (a instanceof Boolean && c instanceof Boolean && (op == Op.AND || op == Op.OR || op == Op.XOR)) {
            r = emit(op == Op.AND ? OpCode.BOOL_AND : op == Op.OR ? OpCode.BOOL_OR : OpCode.BOOL_XOR, x, y);
        } else {
            Value xi = toInt(x);
            Value yi = toInt(y);
            switch (op) {
                case Op.ADD -> r = emit(OpCode.INT_ADD, xi, yi);
                case Op.SUB -> r = emit(OpCode.INT_SUB, xi, yi);
                case Op.MUL -> r = emit(OpCode.INT_MUL, xi, yi);
                case Op.TRUEDIV -> r = emit(OpCode.INT_TRUEDIV, xi, yi);
                case Op.FLOORDIV -> r = emit(OpCode.INT_FLOORDIV, xi, yi);
                case Op.MOD -> r = emit(OpCode.INT_MOD, xi, yi);
                case Op.AND -> r = emit(OpCode.INT_AND, xi, yi);
                case Op.OR -> r = emit(OpCode.INT_OR, xi, yi);
                case Op.XOR -> r = emit(OpCode.INT_XOR, xi, yi);
                case Op.LSHIFT -> r = emit(OpCode.INT_LSHIFT, xi, yi);
                case Op.RSHIFT -> r = emit(OpCode.INT_RSHIFT, xi, yi);
                case Op.POW -> {
                    if (toLong(c) >= 0) {
                        // a negative exponent is a float power: the trace keeps to the int one
                        guardBool(emit(OpCode.INT_GE, yi, new Const.Int(0)), true);
                        r = emit(OpCode.INT_POW, xi, yi);
                    }
                }
                default -> {
                }
            }
        }
        if (r == null) {
            String name = Op.OPNAME[op];
            genericCall(f, dst, "ops." + name, z -> dev.vecl.runtime.Ops.binaryByName(name, z[0], z[1]), false, ra, rb);
            return;
        }
        f.shadow[dst] = r;
    }

    private static long toLong(Object o) {
        return o instanceof Long l ? l : ((Boolean) o) ? 1 : 0;
    }

    private void compare(Frame f, int dst, int op, int ra, int rb) {
        Object a = f.regs[ra];
        Object c = f.regs[rb];
        Value x = typed(f, ra);
        Value y = typed(f, rb);
        int k = op - Op.LT; // lt le gt ge eq ne
        Value r = null;
        if (isNumber(a) && isNumber(c)) {
            if (a instanceof Float || c instanceof Float) {
                r = emit(CMP_F32[k], toF32(x), toF32(y));
            } else if (a instanceof Double && c instanceof Double) {
                r = emit(CMP_FLOAT[k], x, y);
            } else if (!(a instanceof Double) && !(c instanceof Double)) {
                r = emit(CMP_INT[k], toInt(x), toInt(y));
            }
        }
        if (r == null) {
            // mixed int/float (exact comparison) and non-numbers: the interpreter's own method
            String name = Op.OPNAME[op];
            genericCall(f, dst, "ops." + name, z -> compareBoxed(name, z[0], z[1]), false, ra, rb);
            return;
        }
        f.shadow[dst] = r;
    }

    private static Object compareBoxed(String name, Object a, Object b) {
        return switch (name) {
            case "lt" -> dev.vecl.runtime.Ops.lt(a, b);
            case "le" -> dev.vecl.runtime.Ops.le(a, b);
            case "gt" -> dev.vecl.runtime.Ops.gt(a, b);
            case "ge" -> dev.vecl.runtime.Ops.ge(a, b);
            case "eq" -> dev.vecl.runtime.Ops.eq(a, b);
            default -> dev.vecl.runtime.Ops.ne(a, b);
        };
    }

    private static final OpCode[] CMP_INT = {OpCode.INT_LT, OpCode.INT_LE, OpCode.INT_GT, OpCode.INT_GE, OpCode.INT_EQ, OpCode.INT_NE};
    private static final OpCode[] CMP_FLOAT = {OpCode.FLOAT_LT, OpCode.FLOAT_LE, OpCode.FLOAT_GT, OpCode.FLOAT_GE, OpCode.FLOAT_EQ, OpCode.FLOAT_NE};
    private static final OpCode[] CMP_F32 = {OpCode.F32_LT, OpCode.F32_LE, OpCode.F32_GT, OpCode.F32_GE, OpCode.F32_EQ, OpCode.F32_NE};

    private void unary(Frame f, int dst, int op, int ra) {
        Object a = f.regs[ra];
        if (!isNumber(a)) {
            typed(f, ra);
            String name = Op.OPNAME[op];
            genericCall(f, dst, "ops." + name, z -> switch (name) {
                case "neg" -> dev.vecl.runtime.Ops.neg(z[0]);
                case "pos" -> dev.vecl.runtime.Ops.pos(z[0]);
                default -> dev.vecl.runtime.Ops.invert(z[0]);
            }, false, ra);
            return;
        }
        Value x = typed(f, ra);
        Value r;
        switch (op) {
            case Op.NEG -> r = switch (x.type()) {
                case FLOAT -> emit(OpCode.FLOAT_NEG, x);
                case F32 -> emit(OpCode.F32_NEG, x);
                default -> emit(OpCode.INT_NEG, toInt(x));
            };
            case Op.POS -> r = x.type() == Type.BOOL ? toInt(x) : x;
            default -> {
                if (x.type() == Type.FLOAT || x.type() == Type.F32) {
                    throw new Abort("exception");
                }
                r = emit(OpCode.INT_INVERT, toInt(x));
            }
        }
        f.shadow[dst] = r;
    }

    /** Python truthiness of a register as a bool value (constant where the kind decides it). */
    private Value truth(Frame f, int r) {
        Object o = f.regs[r];
        Value v = typed(f, r);
        return switch (v.type()) {
            case BOOL -> v;
            case INT -> emit(OpCode.INT_NE, v, new Const.Int(0));
            case FLOAT -> emit(OpCode.FLOAT_NE, v, new Const.Float64(0.0));
            case F32 -> emit(OpCode.F32_NE, v, new Const.Float32(0.0f));
            default -> {
                if (o == VNone.NONE) {
                    yield new Const.Bool(false);
                } else if (o instanceof String) {
                    yield emit(OpCode.INT_NE, emit(OpCode.STR_LEN, v), new Const.Int(0));
                } else if (o instanceof VList) {
                    yield emit(OpCode.INT_NE, emit(OpCode.LIST_LEN, v), new Const.Int(0));
                } else if (o instanceof VFunction || o instanceof VBuiltin || o instanceof DType) {
                    yield new Const.Bool(true);
                } else {
                    // arrays: NumPy's rule (may raise)
                    register("truthy", z -> Interpreter.truthy(z[0]));
                    Value t = b.call(OpCode.CALL_PURE_B, "truthy", snapshot(), v);
                    yield t;
                }
            }
        };
    }

    // ---- loops ----

    private void forRange(Frame f, int pc) {
        int[] code = f.code.code;
        int var = code[pc + 1];
        int cur = code[pc + 2];
        int stop = code[pc + 3];
        int step = code[pc + 4];
        Value c = typed(f, cur);
        Value st = typed(f, stop);
        long sp = (Long) f.regs[step];
        Value spv = specialise(typed(f, step), sp);
        f.shadow[step] = spv;
        boolean taken = sp > 0 ? (Long) f.regs[cur] < (Long) f.regs[stop] : (Long) f.regs[cur] > (Long) f.regs[stop];
        Value cond = emit(sp > 0 ? OpCode.INT_LT : OpCode.INT_GT, c, st);
        if (!bridge && !taken && frames.size() == 1 && pc == loopPc + Op.length(Op.LOOP)) {
            throw new Abort("loop-exit");
        }
        guardBool(cond, taken);
        if (!taken) {
            return;
        }
        Value n = emit(OpCode.INT_ADD, c, spv);
        if (sp != 1) {
            // rangeStep stops the loop when cur + step leaves the int64 range
            Value ovf = emit(OpCode.INT_LT, emit(OpCode.INT_AND, emit(OpCode.INT_XOR, c, n), emit(OpCode.INT_XOR, spv, n)), new Const.Int(0));
            guardBool(ovf, false);
        }
        f.shadow[var] = c;
        f.shadow[cur] = n;
    }

    /**
     * An inner loop with a compiled trace for these types, counted by range or sequence: emits
     * {@code call_loop} with the inner trace's inputs (snapshot: the state at the inner header) and
     * lets the interpreter run the loop unrecorded; at its normal end the frame's live registers
     * become {@code loop_result}s ({@link #skipping}).
     */
    private boolean callLoop(Frame f, int pc) {
        int[] code = f.code.code;
        int test = pc + Op.length(Op.LOOP);
        if (innerLoops == null || (code[test] != Op.FORRANGE && code[test] != Op.FORITER)) {
            return false;
        }
        InnerLoop il = innerLoops.find(f.code, pc, f.regs);
        if (il == null) {
            return false;
        }
        Value[] args = new Value[il.inputRegisters().length];
        for (int k = 0; k < args.length; k++) {
            int r = il.inputRegisters()[k];
            Value v = il.inputTypes()[k] == Type.REF ? shadow(f, r) : typed(f, r);
            if (v.type() != il.inputTypes()[k]) {
                return false;
            }
            args[k] = v;
        }
        if (!bridge) {
            // the inner trace's stride checks become this trace's entry checks where it passes its
            // own inputs: otherwise an entry with views would leave at the call on every iteration
            for (int k = 0; k < args.length; k++) {
                Integer in = il.contiguous()[k] ? inputIndex.get(args[k]) : null;
                if (in != null) {
                    inputContiguous[in] = true;
                }
            }
        }
        register(il.fn(), il.impl());
        Value p = b.call(OpCode.CALL_LOOP, il.fn(), snapshot(), args);
        skip = new Skip(frames.size() - 1, pc, backEdge(f.code, pc), p);
        return true;
    }

    /**
     * While the interpreter runs an inner loop a call_loop stands for: true to ignore this
     * instruction. When the loop frame leaves the inner loop, it must be by the loop's exit test
     * (what a normal end of the inner trace means); its live registers are then the call's results.
     */
    private boolean skipping(Code code, Object[] regs, int pc) {
        Skip s = skip;
        if (s.depth > 0) {
            return true;
        }
        Frame f = top();
        if (frames.size() - 1 != s.frame || f.code != code || f.regs != regs) {
            throw new Abort("exception");
        }
        if (pc >= s.loopPc && pc <= s.backEdgePc) {
            s.lastPc = pc;
            return true;
        }
        int test = s.loopPc + Op.length(Op.LOOP);
        int[] c = code.code;
        int exitTarget = c[test] == Op.FORRANGE ? c[test + 5] : c[test + 4];
        if (s.lastPc != test || pc != exitTarget) {
            throw new Abort("inner-loop-exit"); // a break, or a jump out of the body
        }
        skip = null;
        java.util.BitSet live = Liveness.liveAt(code, pc);
        // registers the loop's code never writes keep their trace values (types included), so an
        // outer trace does not reload and re-guard, say, every module variable after each call
        java.util.BitSet written = Liveness.writtenIn(code, s.loopPc, s.backEdgePc);
        for (int r = 0; r < f.shadow.length; r++) {
            if (!live.get(r) || regs[r] == null) {
                f.shadow[r] = null;
            } else if (written.get(r) || f.shadow[r] == null) {
                f.shadow[r] = b.op(OpCode.LOOP_RESULT, s.result, new Const.Int(r));
            }
        }
        return false;
    }

    /** RANGEPREP of an inner loop (a bridge enters it, or a call_loop will run it): int arguments only. */
    private void rangePrep(Frame f, int pc) {
        int[] code = f.code.code;
        for (int k = 1; k <= 3; k++) {
            if (!(f.regs[code[pc + k]] instanceof Long)) {
                stop("range-arguments");
            }
        }
        for (int k = 1; k <= 2; k++) {
            f.shadow[code[pc + k]] = typed(f, code[pc + k]);
        }
        int step = code[pc + 3];
        long sp = (Long) f.regs[step];
        if (sp == 0) {
            stop("range-arguments"); // the interpreter raises
        }
        f.shadow[step] = specialise(typed(f, step), sp);
    }

    /** ITERPREP of an inner loop: the sequence's kind is guarded, the index starts at 0. */
    private void iterPrep(Frame f, int pc) {
        int[] code = f.code.code;
        Object so = f.regs[code[pc + 1]];
        if (!(so instanceof VList || so instanceof String || so instanceof VArray)) {
            stop("iter-argument");
        }
        typed(f, code[pc + 1]);
        f.shadow[code[pc + 2]] = new Const.Int(0);
    }

    private void forIter(Frame f, int pc) {
        int[] code = f.code.code;
        int var = code[pc + 1];
        int seq = code[pc + 2];
        int idx = code[pc + 3];
        Value s = typed(f, seq);
        Value i = typed(f, idx);
        Object so = f.regs[seq];
        Value len;
        if (so instanceof VArray) {
            len = emit(OpCode.ARRAYLEN, s);
        } else if (so instanceof VList) {
            len = emit(OpCode.LIST_LEN, s);
        } else if (so instanceof String) {
            len = emit(OpCode.STR_LEN, s);
        } else {
            throw new Abort("exception");
        }
        long iv = (Long) f.regs[idx];
        boolean taken = iv < dev.vecl.runtime.Ops.len(so);
        if (!bridge && !taken && frames.size() == 1 && pc == loopPc + Op.length(Op.LOOP)) {
            throw new Abort("loop-exit");
        }
        guardBool(emit(OpCode.INT_LT, i, len), taken);
        if (!taken) {
            return;
        }
        guard(OpCode.GUARD_INDEX, i, len);
        f.shadow[var] = load(so, s, i);
        f.shadow[idx] = emit(OpCode.INT_ADD, i, new Const.Int(1));
    }

    // ---- indexing ----

    /** An element at a checked, non-negative index. */
    private Value load(Object container, Value c, Value j) {
        if (container instanceof VArray a) {
            return b.op(OpCode.getArrayItem(a.dtype), emit(OpCode.ARRAY_STORAGE, c), rawIndex(a, c, j));
        } else if (container instanceof VList) {
            return b.op(OpCode.LIST_GETITEM, c, j);
        }
        return emit(OpCode.STR_GETITEM, c, j);
    }

    private Value rawIndex(VArray arr, Value a, Value j) {
        Value off = emit(OpCode.ARRAY_OFFSET, a);
        if (strideOne.contains(a)) {
            return emit(OpCode.INT_ADD, off, j);
        }
        Value stride = emit(OpCode.ARRAY_STRIDE, a);
        // A contiguous input array: guard its stride once, so the loop's index is offset + i (no
        // multiply per access). Only inputs, whose stride entry checks (inputContiguous): any other
        // array may change its stride from one entry to the next and fail the guard every time.
        Integer k = specialiseStride ? inputIndex.get(a) : null;
        if (k != null && arr.stride == 1) {
            b.guard(OpCode.GUARD_VALUE, snapshot(), stride, new Const.Int(1));
            strideOne.add(a);
            inputContiguous[k] = true;
            return emit(OpCode.INT_ADD, off, j);
        }
        return emit(OpCode.INT_ADD, off, emit(OpCode.INT_MUL, j, stride));
    }

    /**
     * Python's index normalisation with guards: returns j with 0 <= j < len (guarded). A
     * non-negative index needs only guard_index (which fails for negative ones too: the interpreter
     * then redoes the access); a negative one is guarded negative and becomes {@code i + len}.
     */
    private Value checkedIndex(Value idx, long runtimeIndex, Value len) {
        Value j = idx;
        if (runtimeIndex < 0) {
            guardBool(emit(OpCode.INT_LT, idx, new Const.Int(0)), true);
            j = emit(OpCode.INT_ADD, idx, len);
        }
        guard(OpCode.GUARD_INDEX, j, len);
        return j;
    }

    private Value lengthOf(Object o, Value v) {
        if (o instanceof VArray) {
            return emit(OpCode.ARRAYLEN, v);
        } else if (o instanceof VList) {
            return emit(OpCode.LIST_LEN, v);
        }
        return emit(OpCode.STR_LEN, v);
    }

    private void getItem(Frame f, int dst, int ro, int ri) {
        Object o = f.regs[ro];
        Object i = f.regs[ri];
        if (!(o instanceof VArray || o instanceof VList || o instanceof String) || !(i instanceof Long)) {
            typed(f, ro);
            typed(f, ri);
            genericCall(f, dst, "ops.getitem", z -> dev.vecl.runtime.Ops.getItem(z[0], z[1]), false, ro, ri);
            return;
        }
        if (o instanceof String s && s.chars().anyMatch(ch -> Character.isSurrogate((char) ch))) {
            throw new Abort("unsupported: non-BMP string");
        }
        Value c = typed(f, ro);
        Value idx = typed(f, ri);
        Value len = lengthOf(o, c);
        Value j = checkedIndex(idx, (Long) i, len);
        f.shadow[dst] = load(o, c, j);
    }

    private void setItem(Frame f, int ro, int ri, int rv) {
        Object o = f.regs[ro];
        Object i = f.regs[ri];
        Object v = f.regs[rv];
        if (!(o instanceof VArray || o instanceof VList) || !(i instanceof Long)) {
            typed(f, ro);
            typed(f, ri);
            typed(f, rv);
            call(OpCode.CALL_N, "ops.setitem", z -> {
                dev.vecl.runtime.Ops.setItem(z[0], z[1], z[2]);
                return null;
            }, boxed(shadow(f, ro)), boxed(shadow(f, ri)), boxed(shadow(f, rv)));
            return;
        }
        Value c = typed(f, ro);
        Value idx = typed(f, ri);
        if (o instanceof VList) {
            Value j = checkedIndex(idx, (Long) i, emit(OpCode.LIST_LEN, c));
            b.op(OpCode.LIST_SETITEM, c, j, boxedRef(shadow(f, rv)));
            return;
        }
        VArray a = (VArray) o;
        Value x = typed(f, rv);
        // VArray.store's casting (Cast.toDouble / toFloat32 / toInt64 / toInt32 / toBool) for the value's type
        Value stored = switch (a.dtype) {
            case FLOAT64 -> isNumber(v) ? toF64(x) : null;
            case FLOAT32 -> isNumber(v) ? toF32(x) : null;
            case INT64 -> v instanceof Long || v instanceof Boolean ? toInt(x) : isNumber(v) ? emit(OpCode.CAST_FLOAT_TO_INT, toF64(x)) : null;
            case INT32 -> {
                if (!isNumber(v)) {
                    yield null;
                }
                // Cast.toInt32: floats truncate (NaN, inf and huge values raise), then the int32 range is checked
                Value xi = v instanceof Double || v instanceof Float ? emit(OpCode.CAST_FLOAT_TO_INT, toF64(x)) : toInt(x);
                if (!(v instanceof Boolean)) {
                    // Cast.checkInt32: out of range is an OverflowError (the interpreter raises it)
                    guard(OpCode.GUARD_INDEX, emit(OpCode.INT_ADD, xi, new Const.Int(1L << 31)), new Const.Int(1L << 32));
                }
                yield xi;
            }
            case BOOL -> switch (x.type()) {
                // Cast.toBool is truthiness
                case BOOL -> x;
                case INT -> emit(OpCode.INT_NE, x, new Const.Int(0));
                case FLOAT -> emit(OpCode.FLOAT_NE, x, new Const.Float64(0.0));
                case F32 -> emit(OpCode.F32_NE, x, new Const.Float32(0.0f));
                default -> null;
            };
        };
        if (stored == null) {
            throw new Abort("unsupported: store of " + dev.vecl.runtime.Ops.typeName(v) + " into " + a.dtype.name().toLowerCase());
        }
        Value len = emit(OpCode.ARRAYLEN, c);
        Value j = checkedIndex(idx, (Long) i, len);
        b.op(OpCode.setArrayItem(a.dtype), emit(OpCode.ARRAY_STORAGE, c), rawIndex(a, c, j), stored);
    }
}
