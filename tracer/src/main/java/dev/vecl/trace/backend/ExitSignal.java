package dev.vecl.trace.backend;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * Thrown by a failing guard, after it saved its snapshot in the trace's {@link ExitBuffer}, to the
 * trace's root, which boxes the snapshot there ({@link Exit.Leave#decode}). One preallocated signal
 * per exit site: every exit path in the compiled loop is a few stores and a jump to one shared
 * handler.
 */
final class ExitSignal extends ControlFlowException {
    private static final long serialVersionUID = 1L;

    final transient Exit.Leave leave;

    ExitSignal(Exit.Leave leave) {
        this.leave = leave;
    }
}
