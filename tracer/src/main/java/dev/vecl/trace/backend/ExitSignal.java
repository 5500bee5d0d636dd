package dev.vecl.trace.backend;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * Thrown by a failing guard to the trace's root, which materializes the frame once and decodes the
 * snapshot there ({@link Exit.Leave#materialize}). One preallocated signal per exit site: every
 * exit path in the compiled loop is then a jump to a single shared handler, instead of boxing its
 * own snapshot inline (which made traces with many live registers too large to install).
 */
final class ExitSignal extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    final transient Exit.Leave leave;

    ExitSignal(Exit.Leave leave) {
        this.leave = leave;
    }
}
