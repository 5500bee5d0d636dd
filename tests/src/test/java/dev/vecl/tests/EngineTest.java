package dev.vecl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

/** The optimizing Truffle runtime (Graal as the JIT of guest code) must be active in the tests. */
class EngineTest {
    @Test
    void optimizingRuntimeIsActive() {
        try (Engine engine = Engine.create()) {
            // "Interpreted" means Truffle fell back to its interpreter-only runtime
            assertEquals("GraalVM CE", engine.getImplementationName());
        }
    }

    @Test
    void evaluatesThroughTheOptimizingEngine() {
        try (Context c = Context.create("vecl")) {
            assertEquals("GraalVM CE", c.getEngine().getImplementationName());
            assertEquals(42, c.eval("vecl", "6 * 7").asInt());
        }
    }
}
