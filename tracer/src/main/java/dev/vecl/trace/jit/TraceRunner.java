package dev.vecl.trace.jit;

import dev.vecl.trace.ir.TraceInterpreter;

/** An executable loop trace: runs from the label's entry with the given inputs until it leaves. */
public interface TraceRunner {
    /**
     * @param inputs the trace's inputs, boxed as the interpreter's registers hold them
     * @return how it left and the frames to rebuild (in {@link TraceInterpreter}'s terms)
     */
    TraceInterpreter.Exit run(Object[] inputs);

    /** Time spent compiling this trace to machine code (0 for executors that do not compile). */
    default long compileNanos() {
        return 0;
    }

    /** Whether the trace runs as machine code right now (false for interpreting executors). */
    default boolean isCompiled() {
        return false;
    }

    /**
     * Whether entering is worth it now. A trace whose compilation was requested in the background
     * is not: until its machine code is in, Truffle would interpret its nodes, which is slower than
     * the VecL interpreter, so the driver keeps interpreting the loop meanwhile.
     */
    default boolean ready() {
        return true;
    }
}
