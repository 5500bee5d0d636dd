package dev.vecl.trace.jit;

import dev.vecl.VeclContext;
import dev.vecl.interp.Interpreter;
import dev.vecl.interp.JitHooks;
import dev.vecl.interp.JitProvider;

/** The tracer's entry point for the interpreter (registered in META-INF/services). */
public final class TraceJitProvider implements JitProvider {
    @Override
    public JitHooks create(VeclContext context, Interpreter interp) {
        if ("off".equals(context.jitMode)) {
            return null;
        }
        return new TraceJit(context, interp);
    }
}
