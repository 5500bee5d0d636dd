package dev.vecl.trace.backend;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An entered polyglot context whose engine compiles deterministically: synchronously, single
 * tier, failures thrown. Trace root nodes made while it is entered belong to its engine.
 */
final class Graal implements AutoCloseable {
    final Context context;

    private Graal(Context context) {
        this.context = context;
        context.enter();
    }

    static Graal enter() {
        Context c = Context.newBuilder()
                .allowExperimentalOptions(true)
                .option("engine.BackgroundCompilation", "false")
                .option("engine.MultiTier", "false")
                .option("engine.CompilationFailureAction", "Throw")
                .option("engine.SingleTierCompilationThreshold", "1000000")
                .option("engine.OSR", "false")
                .build();
        return new Graal(c);
    }

    String implementation() {
        Engine e = context.getEngine();
        return e.getImplementationName();
    }

    @Override
    public void close() {
        context.leave();
        context.close();
    }

    /**
     * The context a test class's tests run in, entered before the first and closed after the
     * last: {@code @RegisterExtension static final Graal.PerClass GRAAL = new Graal.PerClass();}
     */
    static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private Graal graal;

        @Override
        public void beforeAll(ExtensionContext c) {
            graal = Graal.enter();
        }

        @Override
        public void afterAll(ExtensionContext c) {
            graal.close();
        }

        String implementation() {
            return graal.implementation();
        }
    }
}
