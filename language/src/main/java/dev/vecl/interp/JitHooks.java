package dev.vecl.interp;

import dev.vecl.bytecode.Code;

/**
 * All the interpreter knows of the JIT. One instance per context, made by a {@link JitProvider}.
 */
public interface JitHooks {
    /**
     * A LOOP instruction at {@code pc} found its counter ({@code code.loopCounters[loopIndex]})
     * at or above the threshold. The interpreter does not reset the counter: the hook does what it
     * wants with it (reset to back off, leave it high to be called on every iteration once a trace
     * is installed).
     *
     * @return the pc at which this frame continues; {@code pc + 2} to just go on interpreting. A
     *         compiled trace that ran updates {@code regs} and returns its exit pc (after finishing
     *         any inlined frames with {@link Interpreter#executeFrame} and
     *         {@link Interpreter#storeCallResult}).
     */
    int onLoopHeader(Interpreter interp, Code code, Object[] regs, int pc, int loopIndex);

    /** The context is closing: finish the JIT's work (print statistics, cancel a recording). */
    default void dispose() {
    }
}
