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

    /**
     * The Graal-compiled trace an outer trace's {@code call_loop} may call directly (asking for the
     * raw exit, {@code LoopCallNodes.FastCall}), or null. Every exit it returns, its loop versions'
     * included, must be one {@link #convertExit} turns into this runner's exit record.
     */
    default dev.vecl.trace.backend.CompiledTrace compiledTrace() {
        return null;
    }

    /** The exit record of an exit of {@link #compiledTrace()} (a direct call that did not end in compiled code). */
    default TraceInterpreter.Exit convertExit(dev.vecl.trace.backend.TraceExit e) {
        throw new UnsupportedOperationException("no compiled trace");
    }

    /**
     * Whether a guard exit at {@code exit} (an op as {@link #run} reports it) can get a bridge: a
     * guard of this trace (preamble or loop), not yet bridged, on an executor that attaches bridges.
     */
    default boolean canBridge(dev.vecl.trace.ir.Op exit) {
        return false;
    }

    /**
     * From now on a failure at {@code exit} continues in {@code bridge}: a trace without a label
     * whose inputs are the exit snapshot's distinct non-constant values, ending in
     * {@code finish} or in a jump to this trace's label ({@link Bridges#linkToLabel}).
     *
     * @return the time spent compiling, in nanoseconds (0 if not known)
     */
    default long attachBridge(dev.vecl.trace.ir.Op exit, RecordedTraceBridge bridge) {
        throw new UnsupportedOperationException("this executor does not attach bridges");
    }

    /** A bridge to attach: the trace as recorded (with its code table and builtins) and the trace to run. */
    record RecordedTraceBridge(dev.vecl.trace.record.RecordedTrace recorded, dev.vecl.trace.ir.Trace trace, String name) {
    }
}
