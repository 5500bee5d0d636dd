package dev.vecl.trace.jit;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import dev.vecl.VeclContext;
import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Op;
import dev.vecl.interp.Interpreter;
import dev.vecl.interp.JitHooks;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.log.JitLog;
import dev.vecl.trace.opt.Pipeline;
import dev.vecl.trace.record.RecordedTrace;
import dev.vecl.trace.record.TraceRecorder;

/**
 * The tracing JIT of one context: counts hot loops (the interpreter calls {@link #onLoopHeader}
 * once a loop's counter reaches the threshold), records them, optimizes the traces with
 * {@link Pipeline#standard()}, and runs them through a {@link TraceCompiler}'s runners, resuming
 * the interpreter at guard exits.
 *
 * <p>The executor comes from the system property {@code vecl.TraceExecutor}: {@code auto}
 * (default: the first {@link TraceCompiler} found by ServiceLoader, the Graal backend, or none), {@code reference}
 * (the IR's {@link TraceInterpreter}: tests), {@code none} (record and optimize only).
 * {@code vecl.JitTraceLimit} bounds the recorded length (default 20,000 operations).
 */
public final class TraceJit implements JitHooks {
    /** Aborted recordings of one loop before it is left to the interpreter. */
    static final int MAX_ABORTS = 3;
    /**
     * Recordings of one loop that ended because the loop exited before its first iteration was
     * recorded. The counter often reaches the threshold at the header's last visit (1 time in 11
     * for a 10-iteration loop, and every time when the back-off's 1,000 visits are one short of a
     * multiple of 11): an accident of timing, retried at the loop's next entry. Only consecutive
     * ones count, so that a loop that never iterates stops being recorded.
     */
    static final int MAX_EXIT_ABORTS = 16;
    /** Traces kept per loop (one per combination of entry types). */
    static final int MAX_VARIANTS = 4;
    private static final int NEVER = Integer.MIN_VALUE / 2;
    /**
     * Iterations between two looks at a trace that compiles in the background: looking on every
     * iteration cost render.vl's first pass ~13% of the interpreter's time (1M-element loops
     * interpreted while their traces compile); entering up to this many iterations later is free.
     */
    static final int POLL_WHILE_COMPILING = 256;
    /**
     * Default failures of a guard before it gets a bridge: a few, so that an exit taken once per
     * loop run (or a rare branch) stays an exit while a guard that keeps failing is bridged soon.
     */
    static final int BRIDGE_THRESHOLD = 5;
    /**
     * Bridges are on ({@code -Dvecl.JitBridgeThreshold=0} turns them off). A loop's own end (its
     * loop test) never gets one: with it, W2's nest ran as the inner trace plus a bridge around the
     * outer body instead of the outer trace calling the inner one (0.49 -> 1.35 ns/element).
     */
    static final boolean BRIDGES_BY_DEFAULT = true;
    /** Aborted bridge recordings from one exit before it is left an exit. */
    static final int MAX_BRIDGE_ABORTS = 2;
    /** Compiled execution by default (the first TraceCompiler found: Graal); {@code none} records and optimizes only. */
    static final String DEFAULT_EXECUTOR = "auto";

    private final Interpreter interp;
    private final int threshold;
    private final int limit;
    /** Failures of one guard exit before a bridge is recorded from it ({@code vecl.JitBridgeThreshold}; 0 disables bridges). */
    private final int bridgeThreshold;
    private final TraceCompiler compiler;
    private final JitLog log;
    private final JitStats stats = new JitStats();
    private final Pipeline pipeline = Pipeline.standard();
    private final PrintStream statsOut;
    /**
     * VecOpt runs in vec mode (the default mode); {@code -Dvecl.Vectorize=false} turns it off there
     * ({@code --jit=vec} then behaves as {@code trace}), to tell a vectorizer bug from a tracer one.
     */
    static final boolean VECTORIZE_BY_DEFAULT = true;
    /** In vec mode, the vectorizer (ServiceLoader), or null. */
    private final LoopVectorizer vectorizer;
    private TraceRecorder recording;
    /** The current loop recording met an inner loop whose trace is still compiling (its abort then does not count). */
    private boolean innerCompiling;
    private final Map<Integer, Installed> byId = new HashMap<>();
    private boolean disposed;
    private int nextId = 1;

    private static final class Installed {
        final int id;
        final RecordedTrace recorded;
        final Trace optimized;
        final TraceRunner runner;
        final Map<Object, Integer> exits = new HashMap<>();
        /** Guard failures per exit op (bridged ones no longer count: they do not reach the driver). */
        final Map<dev.vecl.trace.ir.Op, Integer> failures = new java.util.IdentityHashMap<>();
        /** Exits that get no bridge (aborted too often, or the bridge would do nothing). */
        final java.util.Set<dev.vecl.trace.ir.Op> noBridge = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** Aborted bridge recordings per exit op. */
        final Map<dev.vecl.trace.ir.Op, Integer> abortsAt = new java.util.IdentityHashMap<>();
        /** Snapshot code names of the trace and its bridges (one naming for all of them). */
        final Map<String, Code> codes;
        final Map<String, java.util.function.Function<Object[], Object>> functions;
        LoopCall call;

        Installed(int id, RecordedTrace recorded, Trace optimized, TraceRunner runner) {
            this.id = id;
            this.recorded = recorded;
            this.optimized = optimized;
            this.runner = runner;
            this.codes = new HashMap<>(recorded.codes());
            this.functions = new HashMap<>(recorded.functions());
        }

        /** The parent as a bridge recording starts from: its header registers and types, with the names its bridges added. */
        RecordedTrace parent() {
            return new RecordedTrace(recorded.trace(), recorded.loopCode(), recorded.loopPc(), recorded.inputRegisters(), recorded.inputTypes(),
                            recorded.inputKinds(), recorded.inputContiguous(), Map.copyOf(codes), Map.copyOf(functions));
        }
    }

    private static final class LoopInfo {
        int aborts;
        int exitAborts;
        boolean blacklisted;
        final List<Installed> traces = new ArrayList<>();
    }

    public TraceJit(VeclContext context, Interpreter interp) {
        this.interp = interp;
        this.threshold = Math.max(1, context.jitThreshold);
        this.limit = Integer.getInteger("vecl.JitTraceLimit", 20_000);
        this.bridgeThreshold = Integer.getInteger("vecl.JitBridgeThreshold", BRIDGES_BY_DEFAULT ? BRIDGE_THRESHOLD : 0);
        this.compiler = findCompiler(System.getProperty("vecl.TraceExecutor", DEFAULT_EXECUTOR));
        this.log = context.jitLog == null || context.jitLog.isEmpty() ? null : JitLog.open(Path.of(context.jitLog));
        if (log != null) {
            log.event("jit", "mode=" + context.jitMode + " threshold=" + threshold + " executor=" + (compiler == null ? "none" : compiler.name()));
        }
        this.vectorizer = "vec".equals(context.jitMode) && Boolean.parseBoolean(System.getProperty("vecl.Vectorize", String.valueOf(VECTORIZE_BY_DEFAULT)))
                        ? findVectorizer() : null;
        this.statsOut = context.jitStats ? new PrintStream(context.env().err(), true, StandardCharsets.UTF_8) : null;
    }

    /** Called when the context closes (VeclLanguage.disposeContext): prints the stats. */
    @Override
    public void dispose() {
        dispose(statsOut);
    }

    private static TraceCompiler findCompiler(String which) {
        if (which.equals("reference")) {
            return new ReferenceCompiler();
        }
        if (which.equals("none")) {
            return null;
        }
        for (TraceCompiler c : ServiceLoader.load(TraceCompiler.class, TraceJit.class.getClassLoader())) {
            if (which.equals("auto") || which.equals(c.name())) {
                return c;
            }
        }
        return null;
    }

    private static LoopVectorizer findVectorizer() {
        for (LoopVectorizer v : ServiceLoader.load(LoopVectorizer.class, TraceJit.class.getClassLoader())) {
            return v;
        }
        return null;
    }

    public JitStats stats() {
        return stats;
    }

    /** Ends the JIT: an unfinished recording counts as aborted (an error ended the program); prints stats. */
    public synchronized void dispose(PrintStream statsOut) {
        if (disposed) {
            return;
        }
        disposed = true;
        if (recording != null && !recording.isDone()) {
            recording.cancel("exception");
        }
        stats.notCompiledAtExit = 0;
        for (Installed t : byId.values()) {
            if (t.runner != null && t.runner.compileNanos() > 0 && !t.runner.isCompiled()) {
                // compilation was asked for and took time but left no machine code: Graal bailed out
                // (the runtime prints why with --engine.CompilationFailureAction=Print), or it is still queued
                stats.notCompiledAtExit++;
            }
            if (t.call != null) {
                // normal ends a compiled outer trace completed itself
                stats.loopCalls += t.call.fastCalls;
                stats.loopCallsCompiledEnd += t.call.fastCalls;
                t.call.fastCalls = 0;
            }
        }
        if (statsOut != null) {
            statsOut.print(stats.format());
            statsOut.flush();
        }
        if (log != null) {
            log.event("stats", stats.format().strip().replace("\n", " | "));
        }
    }

    private static LoopInfo info(Code code, int idx) {
        Object d = code.jitData;
        LoopInfo[] infos;
        if (d instanceof LoopInfo[] a) {
            infos = a;
        } else {
            infos = new LoopInfo[code.loopHeaders.length];
            code.jitData = infos;
        }
        if (infos[idx] == null) {
            infos[idx] = new LoopInfo();
        }
        return infos[idx];
    }

    @Override
    public int onLoopHeader(Interpreter in, Code code, Object[] regs, int pc, int loopIndex) {
        int next = pc + Op.length(Op.LOOP);
        LoopInfo li = info(code, loopIndex);
        if (li.blacklisted) {
            code.loopCounters[loopIndex] = NEVER;
            return next;
        }
        if (in.recorder != null) {
            return next; // recording another loop (it aborts when it meets this one)
        }
        code.loopCounters[loopIndex] = threshold; // stay hot without overflowing
        for (Installed t : li.traces) {
            if (t.recorded.entryMatches(regs)) {
                if (t.runner == null) {
                    code.loopCounters[loopIndex] = NEVER; // recorded for the log only
                    return next;
                }
                if (!t.runner.ready()) {
                    // compiling in the background: interpret meanwhile, and look again later
                    code.loopCounters[loopIndex] = threshold - POLL_WHILE_COMPILING;
                    return next;
                }
                return run(t, code, regs, pc);
            }
        }
        if (li.traces.size() >= MAX_VARIANTS) {
            blacklist(li, code, loopIndex, "too many entry types");
            return next;
        }
        // only a stride check refuses a trace of these kinds: record the generic trace, which any
        // layout enters, so layouts add at most one trace per kinds
        boolean layoutOnly = false;
        for (Installed t : li.traces) {
            layoutOnly |= t.recorded.kindsMatch(regs);
        }
        startRecording(li, code, regs, pc, loopIndex, !layoutOnly);
        return next;
    }

    private void blacklist(LoopInfo li, Code code, int loopIndex, String why) {
        li.blacklisted = true;
        stats.loopsBlacklisted++;
        code.loopCounters[loopIndex] = NEVER;
        if (log != null) {
            log.event("blacklist", "loop=" + code.name + "@" + code.loopHeaders[loopIndex] + " reason=" + why.replace(' ', '-'));
        }
    }

    private void startRecording(LoopInfo li, Code code, Object[] regs, int pc, int loopIndex, boolean specialiseStride) {
        TraceRecorder.Listener listener = new TraceRecorder.Listener() {
            @Override
            public void closed(TraceRecorder r, RecordedTrace rec) {
                recording = null;
                install(li, rec);
            }

            @Override
            public void aborted(TraceRecorder r, String reason) {
                recording = null;
                boolean waiting = reason.equals("inner-loop") && innerCompiling;
                if (waiting) {
                    reason = "inner-loop-compiling";
                }
                stats.abort(reason);
                if (log != null) {
                    log.event("abort", "loop=" + code.name + "@" + pc + " reason=" + reason.replace(' ', '-'));
                }
                if (reason.equals("loop-exit")) {
                    if (++li.exitAborts >= MAX_EXIT_ABORTS) {
                        blacklist(li, code, loopIndex, "left the loop " + li.exitAborts + " times while recording");
                    } else {
                        code.loopCounters[loopIndex] = threshold - 1; // the next header visit is the next entry's first iteration
                    }
                    return;
                }
                li.exitAborts = 0; // that recording got past the loop's test: the loop does iterate
                code.loopCounters[loopIndex] = 0; // back off
                if (waiting) {
                    // the inner loop's trace is still compiling (background compilation): once it
                    // is in, this loop's trace can call it, so this abort does not count
                    return;
                }
                if (++li.aborts >= MAX_ABORTS) {
                    blacklist(li, code, loopIndex, "aborted " + li.aborts + " times");
                }
            }
        };
        innerCompiling = false;
        recording = new TraceRecorder(interp, code, regs, pc, limit, specialiseStride, listener);
        if (compiler != null) {
            recording.setInnerLoops(this::innerLoop);
        }
        interp.recorder = recording;
    }

    private void install(LoopInfo li, RecordedTrace rec) {
        int id = nextId++;
        stats.loopsRecorded++;
        String what = "loop " + rec.loopName();
        if (log != null) {
            log.trace(id, what, "recorded", rec.trace());
        }
        Trace optimized;
        try {
            optimized = pipeline.apply(rec.trace());
        } catch (RuntimeException e) {
            stats.optimizerFailures++;
            if (log != null) {
                log.event("optimizer-failure", "trace=" + id + " error=" + String.valueOf(e.getMessage()).replace(' ', '_'));
            }
            optimized = rec.trace();
        }
        if (log != null) {
            log.trace(id, what, "optimized", optimized);
        }
        TraceRunner runner = null;
        if (compiler != null) {
            long t0 = System.nanoTime();
            try {
                if (vectorizer != null) {
                    runner = vectorize(id, what, rec, optimized);
                }
                if (runner == null) {
                    runner = compiler.compile(rec, optimized);
                }
                long nanos = runner.compileNanos() > 0 ? runner.compileNanos() : System.nanoTime() - t0;
                stats.loopsCompiled++;
                stats.compileNanos += nanos;
                if (log != null) {
                    log.event("compiled", "trace=" + id + " executor=" + compiler.name() + " ops=" + optimized.ops.size() + " time_ms="
                                    + String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6) + " machine_code=" + runner.isCompiled());
                }
            } catch (dev.vecl.trace.backend.TraceTooLargeException e) {
                runner = null;
                stats.compileRefusals++;
                if (log != null) {
                    log.event("compile-refused", "trace=" + id + " reason=too-large:" + e.getMessage().replaceAll("\\s+", "_"));
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // never a wrong answer: a trace the backend refuses stays in the interpreter
                runner = null;
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                stats.compileFailure(reason);
                if (log != null) {
                    log.event("compile-failure", "trace=" + id + " reason=" + reason.replaceAll("\\s+", "_"));
                }
            }
        }
        Installed inst = new Installed(id, rec, optimized, runner);
        byId.put(id, inst);
        li.traces.add(inst);
    }

    /** Vec mode: the vectorized loop's runner, or null (refused; logged and counted with the reason). */
    private TraceRunner vectorize(int id, String what, RecordedTrace rec, Trace optimized) {
        LoopVectorizer.Outcome o;
        try {
            o = vectorizer.vectorize(rec, optimized, compiler.name());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // never a wrong answer: a vectorizer failure leaves the scalar trace
            o = new LoopVectorizer.Outcome(null, null, "internal: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        stats.vectorize(o.runner() != null, o.reason());
        if (log != null) {
            if (o.vector() != null) {
                log.trace(id, what, "vectorized", o.vector());
            }
            log.event("vectorize", "trace=" + id + " result=" + (o.runner() != null ? "vectorized" : "refused") + " reason="
                            + String.valueOf(o.reason()).replaceAll("\\s+", "-"));
        }
        return o.runner();
    }

    /** Runs a trace from the loop header and resumes the interpreter where it left. */
    private int run(Installed t, Code code, Object[] regs, int pc) {
        stats.traceEntries++;
        TraceInterpreter.Exit e = t.runner.run(t.recorded.inputs(regs));
        switch (e.kind()) {
            case GUARD -> stats.guardExits++;
            case FINISH -> stats.finishExits++;
            case RAISE -> stats.raiseExits++;
            default -> {
            }
        }
        if (log != null && t.exits.merge(e.op(), 1, Integer::sum) == 1) {
            log.event("exit", "trace=" + t.id + " kind=" + e.kind().name().toLowerCase() + " op=" + e.op().opcode.text + (e.iterations() >= 0 ? " iterations=" + e.iterations() : ""));
        }
        List<TraceInterpreter.FrameState> frames = e.frames();
        TraceInterpreter.FrameState root = frames.get(0);
        root.registers().forEach((r, v) -> regs[r] = v);
        int n = frames.size();
        Code[] codes = new Code[n];
        Object[][] rs = new Object[n][];
        int[] pcs = new int[n];
        codes[0] = code;
        rs[0] = regs;
        pcs[0] = root.pc();
        for (int k = 1; k < n; k++) {
            TraceInterpreter.FrameState fs = frames.get(k);
            Code c = codeOf(t, fs.code());
            Object[] r = new Object[c.numRegs];
            fs.registers().forEach((i, v) -> r[i] = v);
            codes[k] = c;
            rs[k] = r;
            pcs[k] = fs.pc();
        }
        if (e.kind() == TraceInterpreter.ExitKind.GUARD) {
            if (e.op().opcode == dev.vecl.trace.ir.OpCode.CALL_LOOP) {
                innerBridge(t, e, rs);
            } else {
                maybeRecordBridge(t, e, rs, false);
            }
        }
        int next = n == 1 ? root.pc() : interp.resumeInlined(codes, rs, pcs);
        if (next == pc && n == 1 && e.kind() == TraceInterpreter.ExitKind.FINISH) {
            // a bridge came back to the header with other entry types: the header picks the trace for them
            return pc;
        }
        // resuming at the header itself would enter the trace again at once
        return next == pc ? pc + Op.length(Op.LOOP) : next;
    }

    /**
     * An outer trace left because the inner loop it called left by a guard: that guard of the
     * inner trace is counted (and bridged) as if the inner trace had been entered from its header;
     * the inner loop's frame is one of the frames the interpreter resumes.
     */
    private void innerBridge(Installed outer, TraceInterpreter.Exit e, Object[][] rs) {
        if (!(outer.functions.get((String) e.op().descr) instanceof LoopCall lc) || lc.lastLeft() == null || lc.lastLeft().innerOp() == null) {
            return;
        }
        dev.vecl.trace.ir.LoopLeft left = lc.lastLeft();
        int first = rs.length - left.inner().size();
        if (first < 0) {
            return;
        }
        Object[][] innerRegs = java.util.Arrays.copyOfRange(rs, first, rs.length);
        maybeRecordBridge(lc.inner, new TraceInterpreter.Exit(left.kind(), left.innerOp(), left.inner(), -1), innerRegs, first > 0);
    }

    /**
     * Counts a guard exit and, once it has failed often enough, records a bridge from it (the
     * interpreter is about to resume there). {@code rootResumed}: the loop's own frame is among
     * those the interpreter re-enters (an inner loop frame below the frames of a call_loop).
     */
    private void maybeRecordBridge(Installed t, TraceInterpreter.Exit e, Object[][] frameRegs, boolean rootResumed) {
        dev.vecl.trace.ir.Op op = e.op();
        if (bridgeThreshold <= 0 || recording != null || interp.recorder != null || t.noBridge.contains(op) || !t.runner.canBridge(op)) {
            return;
        }
        if (e.frames().size() == 1 && e.frames().get(0).pc() == t.recorded.loopPc()) {
            t.noBridge.add(op); // leaves at the header state (hoisted checks): a bridge would be the trace's own entry
            return;
        }
        if (isLoopTest(t, op)) {
            // the loop's normal end: taken again and again only when an enclosing loop runs it again,
            // and that loop then records a call_loop to this trace; a bridge here would continue
            // the enclosing loop's body and keep it from ever getting hot (W2: 0.49 -> 1.35 ns/elem)
            t.noBridge.add(op);
            return;
        }
        if (t.failures.merge(op, 1, Integer::sum) < bridgeThreshold) {
            return;
        }
        int opIndex = t.optimized.ops.indexOf(op);
        String where = "trace=" + t.id + " op=" + opIndex + "(" + op.opcode.text + ")";
        TraceRecorder.Listener listener = new TraceRecorder.Listener() {
            @Override
            public void closed(TraceRecorder r, RecordedTrace rec) {
                recording = null;
                installBridge(t, op, where, rec, r.finishReason());
            }

            @Override
            public void aborted(TraceRecorder r, String reason) {
                recording = null;
                stats.bridgeAbort(reason);
                if (log != null) {
                    log.event("bridge-abort", where + " reason=" + reason.replace(' ', '-'));
                }
                t.failures.put(op, 0); // back off
                if (t.abortsAt.merge(op, 1, Integer::sum) >= MAX_BRIDGE_ABORTS) {
                    t.noBridge.add(op);
                }
            }
        };
        if (log != null) {
            log.event("bridge-start", where + " failures=" + t.failures.get(op));
        }
        try {
            recording = TraceRecorder.bridge(interp, t.parent(), op.snapshot, frameRegs, rootResumed, limit, listener);
        } catch (RuntimeException ex) {
            t.noBridge.add(op);
            stats.bridgeAbort("internal");
            return;
        }
        interp.recorder = recording;
    }

    private void installBridge(Installed t, dev.vecl.trace.ir.Op op, String where, RecordedTrace rec, String finishReason) {
        int id = nextId++;
        String what = "bridge " + where.replace(' ', ',');
        Trace recorded = rec.trace();
        boolean jumps = recorded.last().opcode == dev.vecl.trace.ir.OpCode.JUMP;
        if (log != null) {
            log.trace(id, what, "recorded", recorded);
        }
        if (!jumps && onlyGuards(recorded)) {
            // it would leave where the exit leaves (e.g. a loop's exit test): keep the exit
            t.noBridge.add(op);
            stats.bridgeAbort("nothing-to-do");
            if (log != null) {
                log.event("bridge-skipped", where + " reason=nothing-to-do");
            }
            return;
        }
        Trace linked;
        Trace optimized;
        try {
            linked = Bridges.linkToLabel(recorded, t.optimized, t.recorded.inputRegisters());
        } catch (RuntimeException ex) {
            t.noBridge.add(op);
            stats.bridgeAbort("internal");
            if (log != null) {
                log.event("bridge-abort", where + " reason=link:" + String.valueOf(ex.getMessage()).replace(' ', '_'));
            }
            return;
        }
        try {
            optimized = pipeline.apply(linked);
        } catch (RuntimeException ex) {
            stats.optimizerFailures++;
            if (log != null) {
                log.event("optimizer-failure", "trace=" + id + " error=" + String.valueOf(ex.getMessage()).replace(' ', '_'));
            }
            optimized = linked;
        }
        if (log != null) {
            log.trace(id, what, "optimized", optimized);
        }
        long t0 = System.nanoTime();
        try {
            long nanos = t.runner.attachBridge(op, new TraceRunner.RecordedTraceBridge(rec, optimized, "bridge " + t.recorded.loopName() + " #" + id));
            if (nanos <= 0) {
                nanos = System.nanoTime() - t0;
            }
            stats.bridges++;
            stats.compileNanos += nanos;
            t.codes.putAll(rec.codes());
            t.functions.putAll(rec.functions());
            if (log != null) {
                log.event("bridge", "trace=" + id + " parent=" + t.id + " op=" + t.optimized.ops.indexOf(op) + " ends=" + (jumps ? "jump" : "finish:" + finishReason)
                                + " ops=" + optimized.ops.size() + " time_ms=" + String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6));
            }
        } catch (RuntimeException | LinkageError | AssertionError ex) {
            t.noBridge.add(op);
            String reason = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            stats.compileFailure(reason);
            if (log != null) {
                log.event("compile-failure", "trace=" + id + " reason=" + reason.replaceAll("\\s+", "_"));
            }
        }
    }

    /** A bridge that only checks and leaves with the state it got (e.g. from a loop's exit test): not worth a call. */
    /** An exit at the loop's own exit test (FORRANGE/FORITER right after the header). */
    private static boolean isLoopTest(Installed t, dev.vecl.trace.ir.Op op) {
        List<dev.vecl.trace.ir.Snapshot.Frame> fs = op.snapshot.frames();
        return fs.size() == 1 && fs.get(0).pc() == t.recorded.loopPc() + Op.length(Op.LOOP);
    }

    /** The code a snapshot frame names: the trace's own names, or {@code loop<N>:<name>} for frames of an inner loop's trace a call_loop left. */
    private Code codeOf(Installed t, String name) {
        Code c = t.codes.get(name);
        if (c == null && name.startsWith("loop")) {
            int colon = name.indexOf(':');
            Installed inner = colon > 4 ? byId.get(Integer.parseInt(name.substring(4, colon))) : null;
            if (inner != null) {
                return codeOf(inner, name.substring(colon + 1));
            }
        }
        if (c == null) {
            throw new IllegalStateException("no code " + name + " in trace " + t.id);
        }
        return c;
    }

    /** For an outer recording: the compiled trace of an inner loop it can call. */
    private TraceRecorder.InnerLoop innerLoop(Code code, int loopPc, Object[] regs) {
        if (!(code.jitData instanceof LoopInfo[] infos)) {
            return null;
        }
        for (int idx = 0; idx < code.loopHeaders.length; idx++) {
            if (code.loopHeaders[idx] != loopPc || infos[idx] == null) {
                continue;
            }
            for (Installed t : infos[idx].traces) {
                if (t.runner != null && !t.runner.ready() && t.recorded.entryMatches(regs)) {
                    innerCompiling = true;
                }
                if (t.runner != null && t.runner.ready() && t.recorded.entryMatches(regs)) {
                    if (t.call == null) {
                        t.call = new LoopCall(t);
                    }
                    return new TraceRecorder.InnerLoop("loop." + t.id, t.call, t.recorded.inputRegisters(), t.recorded.inputTypes(),
                                    t.recorded.inputContiguous());
                }
            }
        }
        return null;
    }

    /**
     * A call_loop's implementation: runs the inner loop's trace from its header; at its normal
     * end (an exit at the loop's test that the interpreter's own step confirms ends the loop)
     * returns the loop frame's register file, otherwise throws {@link dev.vecl.trace.ir.LoopLeft}
     * with the exit's frames (named {@code loop<N>:<name>}, resolved by {@link #codeOf}).
     */
    final class LoopCall extends dev.vecl.trace.backend.InnerLoop {
        final Installed inner;
        /** The last LoopLeft thrown (executors that see only the outer exit take it from here). */
        dev.vecl.trace.ir.LoopLeft left;

        LoopCall(Installed inner) {
            this.inner = inner;
        }

        @Override
        public Object apply(Object[] in) {
            stats.loopCalls++;
            return finish(inner.runner.run(in));
        }

        @Override
        public dev.vecl.trace.backend.CompiledTrace compiledTrace() {
            return inner.runner.compiledTrace();
        }

        @Override
        public boolean atLoopTest(dev.vecl.trace.ir.Op exit) {
            List<dev.vecl.trace.ir.Snapshot.Frame> fs = exit.snapshot.frames();
            return fs.size() == 1 && atTestOrHeader(fs.get(0).pc()) && inner.codes.get(fs.get(0).code()) == inner.recorded.loopCode();
        }

        /**
         * The loop's test, or its header right before it: a vector group's lane-0 check exits at
         * the header (the state of the group's first iteration), and when the range is over there,
         * the header's LOOP (no effect on registers) and the test (none when it ends the loop)
         * would leave the registers as they are: the same normal end.
         */
        private boolean atTestOrHeader(int pc) {
            return pc == inner.recorded.loopPc() + Op.length(Op.LOOP) || pc == inner.recorded.loopPc();
        }

        @Override
        public int[] rangeRegisters() {
            int[] k = inner.recorded.loopCode().code;
            int test = inner.recorded.loopPc() + Op.length(Op.LOOP);
            // FORRANGE var, cur, stop, step, exit
            return k[test] == Op.FORRANGE ? new int[] {k[test + 2], k[test + 3], k[test + 4]} : null;
        }

        @Override
        public int numRegisters() {
            return inner.recorded.loopCode().numRegs;
        }

        @Override
        public Object complete(dev.vecl.trace.backend.TraceExit e) {
            stats.loopCalls++;
            return finish(inner.runner.convertExit(e));
        }

        private Object finish(TraceInterpreter.Exit e) {
            Object[] regs = normalEnd(e);
            if (regs != null) {
                return regs;
            }
            stats.loopCallLeaves++;
            List<TraceInterpreter.FrameState> fs = new ArrayList<>();
            for (TraceInterpreter.FrameState f : e.frames()) {
                fs.add(new TraceInterpreter.FrameState("loop" + inner.id + ":" + f.code(), f.pc(), f.registers()));
            }
            left = new dev.vecl.trace.ir.LoopLeft(e.kind(), fs, e.op());
            throw left;
        }

        /** The LoopLeft of the last call that left (an executor reporting a call_loop exit completes it with this). */
        dev.vecl.trace.ir.LoopLeft lastLeft() {
            return left;
        }

        private Object[] normalEnd(TraceInterpreter.Exit e) {
            Code c = inner.recorded.loopCode();
            int test = inner.recorded.loopPc() + Op.length(Op.LOOP);
            if (e.kind() != TraceInterpreter.ExitKind.GUARD || e.frames().size() != 1 || !atTestOrHeader(e.frames().get(0).pc())
                            || codeOf(inner, e.frames().get(0).code()) != c) {
                return null;
            }
            Object[] regs = new Object[c.numRegs];
            e.frames().get(0).registers().forEach((r, v) -> regs[r] = v);
            Object[] probe = regs.clone();
            int[] k = c.code;
            try {
                boolean goesOn = switch (k[test]) {
                    case Op.FORRANGE -> Interpreter.rangeStep(probe, k[test + 1], k[test + 2], k[test + 3], k[test + 4]);
                    case Op.FORITER -> Interpreter.iterStep(probe, k[test + 1], k[test + 2], k[test + 3]);
                    default -> true;
                };
                return goesOn ? null : regs;
            } catch (RuntimeException notThere) {
                return null;
            }
        }
    }

    private static boolean onlyGuards(Trace t) {
        java.util.Set<dev.vecl.trace.ir.Value> computed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int k = 0; k < t.ops.size() - 1; k++) {
            dev.vecl.trace.ir.Op op = t.ops.get(k);
            if (!op.opcode.isGuard() && !op.opcode.isPure()) {
                return false;
            }
            computed.add(op);
        }
        boolean[] uses = {false};
        t.last().snapshot.forEachValue(v -> uses[0] |= computed.contains(v));
        return !uses[0];
    }
}
