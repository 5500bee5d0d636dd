package dev.vecl.trace.jit;

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
        TraceInterpreter ti = new TraceInterpreter(recorded.functions());
        return inputs -> ti.run(optimized, inputs, Integer.MAX_VALUE);
    }
}
