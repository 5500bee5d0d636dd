package dev.vecl.bench;

/** The workload sizes, shared by the VecL and Java sides (STACK.md's W1-W5). */
final class Sizes {
    private Sizes() {
    }

    /** W1, W2: arrays of 1000 float64, REPS passes per call so call overhead stays small. */
    static final int N_SMALL = 1000;
    static final int REPS = 10;
    /** W3: reductions over a million elements. */
    static final int N_REDUCE = 1_000_000;
    /** W4: one second of float32 audio. */
    static final int N_AUDIO = 44_100;
    /** W5: a 100 x 100 field. */
    static final int N_FIELD = 10_000;

    static final int OPS_W12 = N_SMALL * REPS;
    static final int OPS_W4 = N_AUDIO * 4;
}
