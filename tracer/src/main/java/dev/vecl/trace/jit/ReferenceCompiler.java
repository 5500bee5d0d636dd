package dev.vecl.trace.jit;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.record.RecordedTrace;

/**
 * Runs traces with the IR's reference {@link TraceInterpreter}: slow, but the executable
 * definition of the IR, so programs run through it must print what the interpreter prints. Used
 * by tests (and selectable with {@code -Dvecl.TraceExecutor=reference}) until the backend lands.
 */
public final class ReferenceCompiler implements TraceCompiler {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public TraceRunner compile(RecordedTrace recorded, Trace optimized) {
        return new Runner(recorded, optimized);
    }

    /**
     * Runs the trace and its bridges. A bridge that jumps back is run as one loop trace with a copy
     * of the parent's loop ({@link Bridges#withLoop}); exits of the copy are reported as the parent
     * operations they copy, so that the driver counts (and bridges) them as the parent's.
     */
    static final class Runner implements TraceRunner {
        private final Trace trace;
        private final Map<String, Function<Object[], Object>> functions;
        private final TraceInterpreter ti;
        private final Map<Op, Trace> bridges = new IdentityHashMap<>();
        private final Map<Op, Op> origin = new IdentityHashMap<>();
        private final Set<Op> body = Collections.newSetFromMap(new IdentityHashMap<>());

        Runner(RecordedTrace recorded, Trace optimized) {
            this.trace = optimized;
            this.functions = new HashMap<>(recorded.functions());
            this.ti = new TraceInterpreter(functions);
            body.addAll(optimized.ops); // guards of the preamble and of the loop
        }

        @Override
        public TraceInterpreter.Exit run(Object[] inputs) {
            TraceInterpreter.Exit e = ti.run(trace, inputs, Integer.MAX_VALUE);
            while (true) {
                Op at = origin.getOrDefault(e.op(), e.op());
                Trace b = e.kind() == TraceInterpreter.ExitKind.GUARD ? bridges.get(at) : null;
                if (b == null) {
                    return at == e.op() ? e : new TraceInterpreter.Exit(e.kind(), at, e.frames(), e.iterations());
                }
                e = ti.run(b, Bridges.inputsOf(e), Integer.MAX_VALUE);
            }
        }

        @Override
        public boolean canBridge(Op exit) {
            return exit.opcode.isGuard() && body.contains(exit) && !bridges.containsKey(exit);
        }

        @Override
        public synchronized long attachBridge(Op exit, RecordedTraceBridge bridge) {
            if (!canBridge(exit)) {
                throw new IllegalArgumentException("no open exit at " + exit);
            }
            functions.putAll(bridge.recorded().functions());
            Trace t = bridge.trace();
            bridges.put(exit, t.last().opcode == OpCode.JUMP ? Bridges.withLoop(t, trace, origin) : t);
            return 0;
        }
    }
}
