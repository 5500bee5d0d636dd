package dev.vecl.vecopt;

import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.TruffleLanguage;

import dev.vecl.VeclContext;
import dev.vecl.trace.backend.CompiledTrace;
import dev.vecl.trace.backend.TraceCompiler;
import dev.vecl.trace.backend.TraceExit;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceInterpreter.ExitKind;
import dev.vecl.trace.jit.GraalCompiler;
import dev.vecl.trace.jit.LoopVectorizer;
import dev.vecl.trace.jit.TraceRunner;
import dev.vecl.trace.record.RecordedTrace;
import dev.vecl.vecopt.widen.Widen;

/**
 * The vectorizer the driver uses in vec mode (registered for {@link java.util.ServiceLoader}).
 * Widens the optimized loop ({@link Widen}); compiles the widened trace and the scalar loop, and
 * attaches the scalar one as the loop version every group guard and entry check continues in
 * (compiled when first taken, so the tail runs as machine code, not in the interpreter).
 */
public final class VecOpt implements LoopVectorizer {

    @Override
    public Outcome vectorize(RecordedTrace recorded, Trace optimized, String executor) {
        if (dev.vecl.trace.ir.VectorWidth.BITS < 128) {
            return new Outcome(null, null, "no vector registers");
        }
        Widen.Result r = Widen.apply(optimized, recorded.inputRegisters());
        if (!r.vectorized()) {
            return new Outcome(null, null, r.reason());
        }
        TraceRunner runner = switch (executor) {
            case "graal" -> graal(recorded, optimized, r);
            case "reference" -> new Versions(new TraceInterpreter(recorded.functions()), r, recorded.inputRegisters());
            default -> null;
        };
        return runner == null ? new Outcome(null, r.vector(), "executor " + executor + " runs no vector code") : new Outcome(runner, r.vector(), r.reason());
    }

    private static TraceRunner graal(RecordedTrace recorded, Trace scalar, Widen.Result r) {
        TraceCompiler backend = new TraceCompiler(recorded.functions(), language());
        // the scalar version is compiled when a group first leaves to it (a tail, a failed entry
        // check): loops over multiples of the lanes never need it, and it is half the compile time
        CompiledTrace version = backend.compileLater().compile(scalar, "trace " + recorded.loopName());
        CompiledTrace vector = backend.requestCompilation(false).compile(r.vector(), "vector trace " + recorded.loopName());
        vector.attachVersion(r.versionExits(), version); // compiles the vector trace
        return new Compiled(vector, version);
    }

    private static TruffleLanguage<?> language() {
        try {
            return VeclContext.get(null).language();
        } catch (IllegalStateException | AssertionError | NullPointerException notEntered) {
            return null;
        }
    }

    /** The widened trace with its scalar version, compiled; versions are attached in the machine code. */
    static final class Compiled implements TraceRunner {
        final CompiledTrace vector;
        final CompiledTrace version;
        private boolean ready;

        Compiled(CompiledTrace vector, CompiledTrace version) {
            this.vector = vector;
            this.version = version;
        }

        @Override
        public TraceInterpreter.Exit run(Object[] inputs) {
            return convertExit(vector.run(inputs));
        }

        /** An outer trace calls the vector trace directly; its versions' loop-test exits are normal ends too. */
        @Override
        public CompiledTrace compiledTrace() {
            return vector;
        }

        @Override
        public TraceInterpreter.Exit convertExit(TraceExit e) {
            // an exit of the vector trace or of its version: neither contains a call_loop
            return GraalCompiler.exitOf(e);
        }

        @Override
        public long compileNanos() {
            return vector.compileNanos() + version.compileNanos();
        }

        @Override
        public boolean ready() {
            if (!ready) {
                ready = !CompiledTrace.compilationAvailable() || vector.isCompiled();
            }
            return ready;
        }

        @Override
        public boolean isCompiled() {
            return vector.isCompiled();
        }
    }

    /**
     * The same loop versions on the reference interpreter (tests): an exit of the widened trace at a
     * version exit enters the scalar trace with the exit's registers.
     */
    public static final class Versions implements TraceRunner {
        final TraceInterpreter interp;
        final Widen.Result r;
        final int[] inputRegisters;

        public Versions(TraceInterpreter interp, Widen.Result r, int[] inputRegisters) {
            this.interp = interp;
            this.r = r;
            this.inputRegisters = inputRegisters;
        }

        @Override
        public TraceInterpreter.Exit run(Object[] inputs) {
            TraceInterpreter.Exit e = interp.run(r.vector(), inputs, Integer.MAX_VALUE);
            int at = r.vector().ops.indexOf(e.op());
            List<dev.vecl.trace.ir.Value> ins = r.versionExits().get(at);
            if (e.kind() != ExitKind.GUARD || ins == null || !identical(r.vector().ops.get(at), e.op())) {
                return e;
            }
            Map<Integer, Object> regs = e.frames().get(0).registers();
            Object[] scalarInputs = new Object[inputRegisters.length];
            for (int k = 0; k < scalarInputs.length; k++) {
                scalarInputs[k] = regs.get(inputRegisters[k]);
            }
            return interp.run(r.scalar(), scalarInputs, Integer.MAX_VALUE);
        }

        private static boolean identical(Op a, Op b) {
            return a == b;
        }
    }
}
