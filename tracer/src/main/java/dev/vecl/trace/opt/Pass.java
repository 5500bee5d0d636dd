package dev.vecl.trace.opt;

import dev.vecl.trace.ir.Trace;

/** One optimization: a trace in, an equivalent trace out (the input is never modified). */
public interface Pass {
    Trace apply(Trace trace);

    default String name() {
        return getClass().getSimpleName();
    }
}
