package dev.vecl.trace.ir;

/**
 * The width of VecOpt's vectors: one register of the machine's preferred vector shape (the Vector
 * API's {@code VectorShape.preferredShape()}: 512 bits with AVX-512, 256 with AVX2), at most 512.
 * One width per JVM, so the lane counts are constants for the vectorizer and for Graal.
 * {@code -Dvecl.VectorBits=128|256|512} overrides it: trace-text tests fix it to 512 so the text is
 * the same on every machine; with a width wider than the machine's, compiled vector code would run
 * the Vector API's slow Java fallback, so only traces run by the reference interpreter should use it.
 */
public final class VectorWidth {
    private VectorWidth() {
    }

    /** Bits of one vector value (128, 256 or 512), or 0 when this JVM has no usable vector API. */
    public static final int BITS = bits();

    private static int bits() {
        String forced = System.getProperty("vecl.VectorBits");
        if (forced != null) {
            int b = Integer.parseInt(forced.trim());
            if (b != 128 && b != 256 && b != 512) {
                throw new IllegalArgumentException("vecl.VectorBits must be 128, 256 or 512, not " + forced);
            }
            return b;
        }
        try {
            int b = jdk.incubator.vector.VectorShape.preferredShape().vectorBitSize();
            return b >= 512 ? 512 : b >= 256 ? 256 : b >= 128 ? 128 : 0;
        } catch (LinkageError e) {
            return 0; // jdk.incubator.vector not in the module graph
        }
    }

    /** Lanes of elements of {@code elementBits} bits in one vector (at least 1, also when BITS is 0). */
    public static int lanes(int elementBits) {
        return Math.max(1, BITS / elementBits);
    }
}
