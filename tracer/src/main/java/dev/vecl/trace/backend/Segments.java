package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Eval;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Where a long loop body is split into call targets of its own ("parts"), each compiled by Graal
 * as a separate unit. Graal's cost per compilation grows faster than linearly with a graph's size
 * (partial escape analysis, proxy insertion and the Vector API expansion all walk the whole
 * loop): Prospero's widened per-pixel body (6,364 vector ops) takes twenty minutes as one unit.
 * Parts of a few hundred ops compile in seconds each, and on background threads in parallel.
 *
 * <p>A part is a run of body operations that nothing after it reads (no value it defines is used
 * after its end, in arguments or snapshots), that has no exit (no guard, no raising operation:
 * its call resumes nowhere but after itself), and whose inputs are scalars or references (a
 * vector argument would be boxed on every call). The widened loops of VecOpt make such points:
 * at each of its cuts the live vectors go through a scratch array, stored before and loaded after.
 * Operations before the first vector operation (index arithmetic, its guards) stay in the loop.
 */
final class Segments {
    /** Loop bodies of at least twice this many operations are split into parts of about this many. */
    static final int SEGMENT_OPS = Integer.getInteger("vecl.backend.segmentOps", 256);

    /** Operations [start, end) of the trace run as one part; inputs are the outside values they read, in first-use order. */
    record Segment(int start, int end, List<Value> inputs) {
    }

    private Segments() {
    }

    static List<Segment> of(Trace t, int segmentOps) {
        return of(t, segmentOps, lastUses(t));
    }

    /** @param lastUse {@link #lastUses} of the trace (the backend's, which also has unused results at their own index) */
    static List<Segment> of(Trace t, int segmentOps, Map<Value, Integer> lastUse) {
        List<Segment> out = new ArrayList<>();
        int label = t.labelIndex();
        int jump = t.ops.size() - 1;
        if (label < 0 || segmentOps <= 0 || t.ops.get(jump).opcode != OpCode.JUMP || jump - label - 1 < 2 * segmentOps) {
            return out;
        }
        int first = label + 1;
        while (first < jump && !touchesVectors(t.ops.get(first))) {
            first++;
        }
        // greedy: close a part at the first clean boundary past segmentOps operations
        List<int[]> cuts = new ArrayList<>();
        int start = first;
        int reach = -1; // the last use of any value defined since start
        int lastClean = -1;
        for (int k = first; k <= jump; k++) {
            if (k > start && reach < k) {
                lastClean = k;
                if (k - start >= segmentOps) {
                    cuts.add(new int[] {start, k});
                    start = k;
                    reach = -1;
                }
            }
            if (k == jump) {
                break;
            }
            Op op = t.ops.get(k);
            if (op.hasResult()) {
                reach = Math.max(reach, lastUse.getOrDefault(op, k));
            }
        }
        if (lastClean > start) {
            if (!cuts.isEmpty() && lastClean - start < segmentOps / 2) {
                cuts.get(cuts.size() - 1)[1] = lastClean; // a short remainder joins the part before it
            } else {
                cuts.add(new int[] {start, lastClean});
            }
        }
        for (int[] c : cuts) {
            Segment s = segment(t, c[0], c[1]);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The part for [start, end), or null when it cannot be one (an exit, or a vector input). */
    private static Segment segment(Trace t, int start, int end) {
        Map<Value, Boolean> inside = new IdentityHashMap<>();
        LinkedHashSet<Value> inputs = new LinkedHashSet<>();
        for (int k = start; k < end; k++) {
            Op op = t.ops.get(k);
            if (hasExit(op)) {
                return null;
            }
            for (Value v : op.args()) {
                if (!(v instanceof Const) && !inside.containsKey(v)) {
                    if (v.type().isVector()) {
                        return null;
                    }
                    inputs.add(v);
                }
            }
            inside.put(op, Boolean.TRUE);
        }
        return new Segment(start, end, List.copyOf(inputs));
    }

    /**
     * The index of each non-constant value's last use in the trace, as an argument or in a
     * snapshot (the label's own arguments do not count: label variables cross the back-edge);
     * values never used are absent. Also what the backend frees slots by.
     */
    static Map<Value, Integer> lastUses(Trace t) {
        Map<Value, Integer> last = new IdentityHashMap<>();
        for (int k = 0; k < t.ops.size(); k++) {
            Op op = t.ops.get(k);
            if (op.opcode == OpCode.LABEL) {
                continue;
            }
            final int at = k;
            for (Value v : op.args()) {
                if (!(v instanceof Const)) {
                    last.put(v, at);
                }
            }
            if (op.snapshot != null) {
                op.snapshot.forEachValue(v -> {
                    if (!(v instanceof Const)) {
                        last.put(v, at);
                    }
                });
            }
        }
        return last;
    }

    static boolean hasExit(Op op) {
        OpCode c = op.opcode;
        return c.isGuard() || c == OpCode.FINISH || c == OpCode.CALL_LOOP || c == OpCode.LABEL || c == OpCode.JUMP
                || (op.snapshot != null && Eval.mayRaise(op));
    }

    private static boolean touchesVectors(Op op) {
        if (op.type().isVector()) {
            return true;
        }
        for (Value v : op.args()) {
            if (v.type().isVector()) {
                return true;
            }
        }
        return false;
    }
}
