package dev.vecl.runtime;

/**
 * Scalar arithmetic on primitive Java types: the one definition of each operation, called by the
 * interpreter (through {@link Ops}), the tracer's constant folding and the backend's scalar nodes.
 * int = long (wrapping), float = double, float32 = float. OWNER: runtime helper.
 */
public final class Arith {
    private Arith() {
    }
}
