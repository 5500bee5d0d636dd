package dev.vecl.vecopt.cost;

/**
 * Whether widening a loop pays, and why: the reason is what --jitlog and --jit-stats show. The
 * direct widening path does the same work per element with 1/lanes of the instructions, so any
 * loop that touches memory through its induction variable gains; one that does not (a counting
 * loop, a loop over invariant values only) is refused.
 */
public record Decision(boolean vectorize, String reason) {

    public static Decision refuse(String reason) {
        return new Decision(false, reason);
    }

    public static Decision decide(int memRefs, int vectorOps, int lanes) {
        if (memRefs == 0) {
            return refuse("no memory access through the induction variable");
        }
        return new Decision(true, "widened lanes=" + lanes + " memrefs=" + memRefs + " vector_ops=" + vectorOps);
    }
}
