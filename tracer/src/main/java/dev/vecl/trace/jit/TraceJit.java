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
 * (default: the first {@link TraceCompiler} found by ServiceLoader, or none), {@code reference}
 * (the IR's {@link TraceInterpreter}: tests), {@code none} (record and optimize only).
 * {@code vecl.JitTraceLimit} bounds the recorded length (default 20,000 operations).
 */
public final class TraceJit implements JitHooks {
    /** Aborted recordings of one loop before it is left to the interpreter. */
    static final int MAX_ABORTS = 3;
    /** Traces kept per loop (one per combination of entry types). */
    static final int MAX_VARIANTS = 4;
    private static final int NEVER = Integer.MIN_VALUE / 2;
    /**
     * Record-only until the compiled executor passes the whole gate (corpus and differential test
     * in trace/vec mode): opt in with {@code -Dvecl.TraceExecutor=graal} (or {@code auto}).
     */
    static final String DEFAULT_EXECUTOR = "auto";

    private final Interpreter interp;
    private final int threshold;
    private final int limit;
    private final TraceCompiler compiler;
    private final JitLog log;
    private final JitStats stats = new JitStats();
    private final Pipeline pipeline = Pipeline.standard();
    private final PrintStream statsOut;
    /** In vec mode, the vectorizer (ServiceLoader), or null. */
    private final LoopVectorizer vectorizer;
    private TraceRecorder recording;
    private boolean disposed;
    private int nextId = 1;

    private static final class Installed {
        final int id;
        final RecordedTrace recorded;
        final TraceRunner runner;
        final Map<Object, Integer> exits = new HashMap<>();

        Installed(int id, RecordedTrace recorded, TraceRunner runner) {
            this.id = id;
            this.recorded = recorded;
            this.runner = runner;
        }
    }

    private static final class LoopInfo {
        int aborts;
        boolean blacklisted;
        final List<Installed> traces = new ArrayList<>();
    }

    public TraceJit(VeclContext context, Interpreter interp) {
        this.interp = interp;
        this.threshold = Math.max(1, context.jitThreshold);
        this.limit = Integer.getInteger("vecl.JitTraceLimit", 20_000);
        this.compiler = findCompiler(System.getProperty("vecl.TraceExecutor", DEFAULT_EXECUTOR));
        this.log = context.jitLog == null || context.jitLog.isEmpty() ? null : JitLog.open(Path.of(context.jitLog));
        if (log != null) {
            log.event("jit", "mode=" + context.jitMode + " threshold=" + threshold + " executor=" + (compiler == null ? "none" : compiler.name()));
        }
        this.vectorizer = "vec".equals(context.jitMode) ? findVectorizer() : null;
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
                    return next; // compiling in the background: interpret meanwhile
                }
                return run(t, code, regs, pc);
            }
        }
        if (li.traces.size() >= MAX_VARIANTS) {
            blacklist(li, code, loopIndex, "too many entry types");
            return next;
        }
        startRecording(li, code, regs, pc, loopIndex);
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

    private void startRecording(LoopInfo li, Code code, Object[] regs, int pc, int loopIndex) {
        TraceRecorder.Listener listener = new TraceRecorder.Listener() {
            @Override
            public void closed(TraceRecorder r, RecordedTrace rec) {
                recording = null;
                install(li, rec);
            }

            @Override
            public void aborted(TraceRecorder r, String reason) {
                recording = null;
                stats.abort(reason);
                if (log != null) {
                    log.event("abort", "loop=" + code.name + "@" + pc + " reason=" + reason.replace(' ', '-'));
                }
                code.loopCounters[loopIndex] = 0; // back off
                if (++li.aborts >= MAX_ABORTS) {
                    blacklist(li, code, loopIndex, "aborted " + li.aborts + " times");
                }
            }
        };
        recording = new TraceRecorder(interp, code, regs, pc, limit, listener);
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
        li.traces.add(new Installed(id, rec, runner));
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
        int next;
        if (n == 1) {
            next = root.pc();
        } else {
            Code[] codes = new Code[n];
            Object[][] rs = new Object[n][];
            int[] pcs = new int[n];
            codes[0] = code;
            rs[0] = regs;
            pcs[0] = root.pc();
            for (int k = 1; k < n; k++) {
                TraceInterpreter.FrameState fs = frames.get(k);
                Code c = t.recorded.codes().get(fs.code());
                Object[] r = new Object[c.numRegs];
                fs.registers().forEach((i, v) -> r[i] = v);
                codes[k] = c;
                rs[k] = r;
                pcs[k] = fs.pc();
            }
            next = interp.resumeInlined(codes, rs, pcs);
        }
        // resuming at the header itself would enter the trace again at once
        return next == pc ? pc + Op.length(Op.LOOP) : next;
    }
}
