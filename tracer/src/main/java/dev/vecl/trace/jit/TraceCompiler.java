package dev.vecl.trace.jit;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.record.RecordedTrace;

/**
 * Turns optimized traces into {@link TraceRunner}s. The Graal backend provides one through
 * {@link java.util.ServiceLoader}; without one, traces are recorded and optimized but not run
 * (unless the reference executor is selected, see {@link TraceJit}).
 */
public interface TraceCompiler {
    String name();

    /**
     * @param recorded the trace as recorded, with its code table and builtin implementations
     * @param optimized the trace to run (same inputs as {@code recorded.trace()})
     */
    TraceRunner compile(RecordedTrace recorded, Trace optimized);
}
