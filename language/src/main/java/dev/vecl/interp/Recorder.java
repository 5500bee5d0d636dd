package dev.vecl.interp;

import dev.vecl.bytecode.Code;

/**
 * Trace recording: set {@link Interpreter#recorder} and the interpreter calls {@link #record}
 * before executing each instruction of any frame (user or prelude). The register file shows the
 * operands; the next call shows the results and where control went.
 */
public interface Recorder {
    void record(Interpreter interp, Code code, Object[] regs, int pc);

    /** A frame of {@code code} was entered (a VecL call) with the given registers. */
    default void enterFrame(Interpreter interp, Code code, Object[] regs) {
    }

    /** The innermost frame returned {@code value}. */
    default void leaveFrame(Interpreter interp, Code code, Object value) {
    }
}
