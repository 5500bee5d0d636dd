package dev.vecl.trace.backend;

import com.oracle.truffle.api.nodes.ControlFlowException;

/**
 * Thrown by an exit into the loop version ({@link Exit.Version}), after it saved the version's
 * inputs in the trace's {@link ExitBuffer}, to the trace's root, which calls the version
 * ({@link Exit.VersionCall}). The inputs say everything, so one instance serves every exit.
 */
final class VersionSignal extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    static final VersionSignal INSTANCE = new VersionSignal();
}
