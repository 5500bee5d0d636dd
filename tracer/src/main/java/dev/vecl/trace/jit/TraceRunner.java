package dev.vecl.trace.jit;

import dev.vecl.trace.ir.TraceInterpreter;

/** An executable loop trace: runs from the label's entry with the given inputs until it leaves. */
public interface TraceRunner {
    /**
     * @param inputs the trace's inputs, boxed as the interpreter's registers hold them
     * @return how it left and the frames to rebuild (in {@link TraceInterpreter}'s terms)
     */
    TraceInterpreter.Exit run(Object[] inputs);
}
