package dev.vecl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void optimizingRuntimeIsActive() {
        try (Engine engine = Engine.create()) {
            assertEquals("GraalVM CE", engine.getImplementationName());
        }
        try (Context c = Context.create("vecl")) {
            assertEquals(42, c.eval("vecl", "x").asInt());
        }
    }
}
