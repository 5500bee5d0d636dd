package dev.vecl.trace.opt;

import java.util.List;
import java.util.function.BiConsumer;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceVerifier;

/** Passes run in order, each result verified; an observer (the jit log) may see every stage. */
public final class Pipeline implements Pass {
    private final List<Pass> passes;
    private BiConsumer<String, Trace> observer = (name, t) -> {
    };

    public Pipeline(List<Pass> passes) {
        this.passes = List.copyOf(passes);
    }

    /**
     * The standard scalar pipeline: clean up and strengthen the one-iteration trace, peel (so the
     * strengthened guards' invariant limits land in the preamble), clean up the loop, then hoist.
     */
    public static Pipeline standard() {
        return new Pipeline(List.of(
                new ConstFold(), new GuardElim(), new CommonSubexpr(), new GuardStrengthen(), new DeadCode(),
                new LoopPeel(),
                new ConstFold(), new GuardElim(), new CommonSubexpr(),
                new GuardStrengthen(), new BoundsHoist(),
                new ConstFold(), new GuardElim(), new CommonSubexpr(), new DeadCode()));
    }

    public Pipeline observe(BiConsumer<String, Trace> o) {
        this.observer = o;
        return this;
    }

    @Override
    public Trace apply(Trace trace) {
        Trace t = TraceVerifier.verify(trace);
        for (Pass p : passes) {
            t = TraceVerifier.verify(p.apply(t));
            observer.accept(p.name(), t);
        }
        return t;
    }
}
