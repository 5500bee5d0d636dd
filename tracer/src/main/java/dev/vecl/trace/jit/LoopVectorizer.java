package dev.vecl.trace.jit;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.record.RecordedTrace;

/**
 * The vectorizer as the driver sees it in vec mode ({@code --jit=vec}): found through
 * {@link java.util.ServiceLoader} (module vecopt provides it), so the tracer does not depend on it.
 */
public interface LoopVectorizer {

    /**
     * @param runner runs the vectorized loop with its scalar version, or null when refused (the scalar trace runs)
     * @param vector the widened trace (for the log), or null
     * @param reason why it was refused, or what was done (logged, counted in the stats)
     */
    record Outcome(TraceRunner runner, Trace vector, String reason) {
    }

    /**
     * @param recorded the loop as recorded (inputs' registers, code table, builtins)
     * @param optimized the trace after {@code Pipeline.standard()}
     * @param executor the driver's executor name ({@code graal}, {@code reference}); others are refused
     */
    Outcome vectorize(RecordedTrace recorded, Trace optimized, String executor);
}
