package dev.vecl.trace.jit;

import com.oracle.truffle.api.TruffleLanguage;

import dev.vecl.VeclContext;
import dev.vecl.trace.backend.CompiledTrace;
import dev.vecl.trace.backend.TraceExit;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceInterpreter.ExitKind;
import dev.vecl.trace.record.RecordedTrace;

/**
 * The driver's executor on top of the Graal backend ({@link dev.vecl.trace.backend.TraceCompiler}):
 * lowers each optimized trace to a Truffle root node, requests its compilation at once, and turns
 * the backend's {@link TraceExit}s into the driver's exit records. A trace the backend cannot lower
 * (an unsupported op, a missing builtin) throws from {@link #compile}: the driver then leaves the
 * loop to the interpreter and counts a compile failure.
 */
public final class GraalCompiler implements TraceCompiler {
    @Override
    public String name() {
        return "graal";
    }

    @Override
    public TraceRunner compile(RecordedTrace recorded, Trace optimized) {
        dev.vecl.trace.backend.TraceCompiler backend = new dev.vecl.trace.backend.TraceCompiler(recorded.functions(), language());
        CompiledTrace ct = backend.compile(optimized, "trace " + recorded.loopName());
        return new Runner(ct, recorded);
    }

    /** The language of the context compiling (the driver compiles while the context runs), whose engine options apply. */
    private static TruffleLanguage<?> language() {
        try {
            return VeclContext.get(null).language();
        } catch (IllegalStateException | AssertionError | NullPointerException notEntered) {
            return null;
        }
    }

    /** A compiled trace as the driver runs it. */
    static final class Runner implements TraceRunner {
        final CompiledTrace trace;
        /** Once compiled, always entered (after an invalidation Truffle recompiles it by its thresholds: it must keep running). */
        private boolean ready;

        private final java.util.Map<String, java.util.function.Function<Object[], Object>> functions;
        private final java.util.Set<dev.vecl.trace.ir.Op> bridged = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        Runner(CompiledTrace trace, RecordedTrace recorded) {
            this.trace = trace;
            this.functions = new java.util.HashMap<>(recorded.functions());
        }

        /** The guard exit site of this trace (not of a bridge) at {@code op}, or -1. */
        private int bodyExit(dev.vecl.trace.ir.Op op) {
            int label = trace.trace.labelIndex();
            for (dev.vecl.trace.backend.ExitSite s : trace.exits()) {
                if (s.op == op) {
                    return s.opIndex != label && s.kind == TraceExit.Kind.GUARD ? s.opIndex : -1;
                }
            }
            return -1;
        }

        @Override
        public boolean canBridge(dev.vecl.trace.ir.Op exit) {
            return !bridged.contains(exit) && bodyExit(exit) >= 0;
        }

        @Override
        public synchronized long attachBridge(dev.vecl.trace.ir.Op exit, RecordedTraceBridge bridge) {
            int at = bodyExit(exit);
            if (at < 0 || bridged.contains(exit)) {
                throw new IllegalArgumentException("no open exit at " + exit);
            }
            functions.putAll(bridge.recorded().functions());
            dev.vecl.trace.backend.TraceCompiler backend = new dev.vecl.trace.backend.TraceCompiler(functions, language());
            CompiledTrace b = backend.compile(bridge.trace(), bridge.name());
            long before = trace.compileNanos();
            trace.attachBridge(at, b);
            bridged.add(exit);
            return b.compileNanos() + trace.compileNanos() - before;
        }

        @Override
        public TraceInterpreter.Exit run(Object[] inputs) {
            return convert(trace.run(inputs));
        }

        @Override
        public CompiledTrace compiledTrace() {
            return trace;
        }

        @Override
        public TraceInterpreter.Exit convertExit(TraceExit e) {
            return convert(e);
        }

        /** The driver's exit record of a backend exit (also for exits a compiled call_loop could not complete itself). */
        TraceInterpreter.Exit convert(TraceExit e) {
            if (e.op().opcode == dev.vecl.trace.ir.OpCode.CALL_LOOP && functions.get((String) e.op().descr) instanceof TraceJit.LoopCall c) {
                // the inner loop left elsewhere: resume with its frames inside the call's outer ones
                dev.vecl.trace.ir.LoopLeft left = c.lastLeft();
                if (left != null) {
                    return new TraceInterpreter.Exit(left.kind(), e.op(), left.compose(e.frames()), -1);
                }
            }
            return exitOf(e);
        }

        @Override
        public long compileNanos() {
            return trace.compileNanos();
        }

        @Override
        public boolean ready() {
            if (!ready) {
                // no request was possible (compiled by thresholds then: it must run), or the code is in
                ready = !CompiledTrace.compilationAvailable() || trace.isCompiled();
            }
            return ready;
        }

        @Override
        public boolean isCompiled() {
            return trace.isCompiled();
        }
    }

    /** The driver's exit record of a backend exit of a trace without call_loop. */
    public static TraceInterpreter.Exit exitOf(TraceExit e) {
        ExitKind kind = switch (e.kind()) {
            case GUARD -> ExitKind.GUARD;
            case RAISE -> ExitKind.RAISE;
            case FINISH -> ExitKind.FINISH;
        };
        // the backend does not count iterations (that would cost a counter in the loop)
        return new TraceInterpreter.Exit(kind, e.op(), e.frames(), -1);
    }
}
