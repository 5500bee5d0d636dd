package dev.vecl.trace.backend;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** Thrown when a bridge jumped back to the trace's label: the label slots hold its values, continue the loop. */
final class AtLabel extends ControlFlowException {
    private static final long serialVersionUID = 1L;
    static final AtLabel INSTANCE = new AtLabel();
}
