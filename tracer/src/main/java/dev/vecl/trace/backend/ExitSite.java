package dev.vecl.trace.backend;

import dev.vecl.trace.ir.Op;

/**
 * A place where a compiled trace can leave: a guard, an operation that may raise, or a finish.
 * Holds the failure counter (a plain field written by compiled code: counting never invalidates).
 */
public final class ExitSite {
    public final int opIndex;
    public final Op op;
    public final TraceExit.Kind kind;
    /** Set once the trace is built (sites are made while building it). */
    CompiledTrace trace;
    /** How often the trace left here (bridged failures included). Racy by design: a heuristic for bridges. */
    int failures;

    /** Per snapshot frame, its live registers in ascending order (made on first exit). */
    private int[][] registerNumbers;

    int[][] registerNumbers() {
        int[][] r = registerNumbers;
        if (r == null) {
            java.util.List<dev.vecl.trace.ir.Snapshot.Frame> frames = op.snapshot.frames();
            r = new int[frames.size()][];
            for (int k = 0; k < r.length; k++) {
                r[k] = frames.get(k).registers().keySet().stream().mapToInt(Integer::intValue).toArray();
            }
            registerNumbers = r;
        }
        return r;
    }

    ExitSite(int opIndex, Op op, TraceExit.Kind kind) {
        this.opIndex = opIndex;
        this.op = op;
        this.kind = kind;
    }

    public CompiledTrace trace() {
        return trace;
    }

    public int failures() {
        return failures;
    }
}
