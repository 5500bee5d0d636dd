package dev.vecl.trace.backend;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/**
 * One trace operation. {@link #execute} returns null to go on with the next operation; only a
 * label-less trace's final jump returns something ({@link LabelValues}). Leaving the trace is a
 * thrown {@link TraceExit}; a bridge that jumped back throws {@link AtLabel}.
 */
abstract class OpNode extends Node {
    abstract Object execute(VirtualFrame f);
}
