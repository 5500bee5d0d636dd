package dev.vecl.interp;

import dev.vecl.VeclContext;

/** Found with {@link java.util.ServiceLoader} (the tracer module provides one) unless vecl.Jit=off. */
public interface JitProvider {
    /** Called once per context after the prelude is loaded; may return null to run without a JIT. */
    JitHooks create(VeclContext context, Interpreter interp);
}
