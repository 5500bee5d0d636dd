package dev.vecl.trace.backend;

/**
 * Where a failing guard saves its snapshot's values before it jumps to the trace's one shared exit
 * handler: plain stores into two arrays that are constants of the compiled code, instead of boxing
 * every value on every exit path (which made traces with many live registers too large to install)
 * or materializing the frame (which kept every slot alive around the loop). The handler boxes them
 * right away, before anything else can run on this trace, so one buffer per trace suffices (a
 * context runs on one thread at a time; bridges have their own). Entries are indexed by frame
 * slot: loop invariants are saved once when the loop is entered, not at every exit.
 */
final class ExitBuffer {
    @com.oracle.truffle.api.CompilerDirectives.CompilationFinal(dimensions = 0) long[] prims = new long[0];
    @com.oracle.truffle.api.CompilerDirectives.CompilationFinal(dimensions = 0) Object[] refs = new Object[0];

    /** A loop version's inputs, saved by an {@link Exit.Version} exit at their input's index (not a slot's). */
    @com.oracle.truffle.api.CompilerDirectives.CompilationFinal(dimensions = 0) long[] versionPrims = new long[0];
    @com.oracle.truffle.api.CompilerDirectives.CompilationFinal(dimensions = 0) Object[] versionRefs = new Object[0];

    void versionInputs(int n) {
        versionPrims = new long[n];
        versionRefs = new Object[n];
    }

    /**
     * A value as the interpreter holds it, from the buffer's encoding of its type (the long, the
     * raw double bits, the raw float bits, 1 or 0; a reference as itself).
     */
    static Object box(dev.vecl.trace.ir.Type t, long bits, Object ref) {
        return switch (t) {
            case INT -> bits;
            case FLOAT -> Double.longBitsToDouble(bits);
            case F32 -> Float.intBitsToFloat((int) bits);
            case BOOL -> bits != 0;
            default -> ref;
        };
    }

    /** The slots that hold references: the only ones {@link #clearRefs} must clear. */
    private int[] refSlots = new int[0];

    /** One entry per frame slot of the trace (set once, when the trace is built). */
    void size(java.util.List<dev.vecl.trace.ir.Type> slotTypes) {
        prims = new long[slotTypes.size()];
        refs = new Object[slotTypes.size()];
        refSlots = java.util.stream.IntStream.range(0, slotTypes.size()).filter(i -> slotTypes.get(i) == dev.vecl.trace.ir.Type.REF).toArray();
    }

    /** Drops references held since the last exit, so the buffer keeps no program object alive. */
    void clearRefs() {
        for (int s : refSlots) {
            refs[s] = null;
        }
    }
}
