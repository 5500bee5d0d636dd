package dev.vecl.trace.backend;

import java.util.function.Function;

import dev.vecl.trace.ir.Op;

/**
 * A {@code call_loop} implementation whose inner loop has a compiled trace of this backend. The
 * outer trace then calls that trace directly (a {@code DirectCallNode} Truffle may inline) and
 * takes the inner loop's normal end in compiled code: the inner root returns the exit site
 * instead of boxing a {@link TraceExit}, and the outer reads the register file from the inner
 * trace's exit buffer. Anything else (an exit elsewhere, or a loop test that does not end the
 * loop) goes to {@link #complete}, the driver's protocol. {@link #apply} stays the way in for
 * executors without a compiled trace.
 */
public abstract class InnerLoop implements Function<Object[], Object> {
    /** Normal ends taken in compiled code (not seen by {@link #apply}); the driver adds them to its counts. */
    public long fastCalls;

    /** The inner loop's compiled trace, or null (then every call goes through {@link #apply}). */
    public abstract CompiledTrace compiledTrace();

    /** Whether this exit of the inner trace is at its loop's own test, in the loop's frame (a candidate normal end). */
    public abstract boolean atLoopTest(Op exit);

    /**
     * The registers {@code cur, stop, step} of the loop's {@code FORRANGE} test, whose values at
     * the exit decide whether the loop ends ({@code Interpreter.rangeHasNext}); null for other
     * loops (no compiled normal end).
     */
    public abstract int[] rangeRegisters();

    /** Registers of the inner loop's frame (the length of the register file a call returns). */
    public abstract int numRegisters();

    /** A call that did not end normally in compiled code: the register file of its normal end, or throws a {@code LoopLeft}. */
    public abstract Object complete(TraceExit e);
}
