package dev.vecl.trace.backend;

/**
 * A trace whose Truffle tree is too big for Graal to compile in reasonable time. Graal's partial
 * escape analysis grows faster than linearly with the graph: Prospero's 13,000-op per-pixel trace
 * (about 230,000 nodes after partial evaluation) ran past Graal's 100 s budget and was then run by
 * Truffle's AST interpreter, 6x slower than VecL's own interpreter. Such a loop is left to the
 * interpreter instead (the driver counts it as refused, not as a failure).
 */
public final class TraceTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TraceTooLargeException(String message) {
        super(message);
    }
}
