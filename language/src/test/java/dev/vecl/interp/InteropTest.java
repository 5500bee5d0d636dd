package dev.vecl.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** VecL as seen by an embedder. */
class InteropTest {
    @Test
    void bindingsAndFunctionCalls() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Run.context(out, "off")) {
            c.eval("vecl", "def scale(a, k):\n    a *= k\n    return sum(a)\nn = 3\n");
            Value b = c.getBindings("vecl");
            assertEquals(3, b.getMember("n").asInt());
            double[] host = {1, 2, 3};
            Value r = b.getMember("scale").execute(host, 2);
            assertEquals(12.0, r.asDouble());
            // the VecL array wrapped the host array: the in-place update is visible to the host
            assertArrayEquals(new double[]{2, 4, 6}, host);
            // successive evals share the module
            assertEquals(4, c.eval("vecl", "n + 1").asInt());
            c.eval("vecl", "n = n * 10\nprint(n)");
            assertEquals(30, b.getMember("n").asInt());
            assertEquals("30\n", out.toString(StandardCharsets.UTF_8));
            b.putMember("m", 5);
            assertEquals(6, c.eval("vecl", "m + 1").asInt());
        }
    }

    @Test
    void functionsDefinedLaterSeeModuleVariables() {
        try (Context c = Run.context(new ByteArrayOutputStream(), "off")) {
            c.eval("vecl", "x = 1\n");
            c.eval("vecl", "def f():\n    return x\n");
            assertEquals(7, c.eval("vecl", "x = 7\nf()").asInt());
        }
    }

    @Test
    void errorsCarryTheirLocation() {
        try (Context c = Run.context(new ByteArrayOutputStream(), "off")) {
            PolyglotException e = assertThrows(PolyglotException.class,
                            () -> c.eval(Source.newBuilder("vecl", "x = 1\ny = [1][x + 1]\n", "p.vl").buildLiteral()));
            assertFalse(e.isInternalError());
            assertFalse(e.isSyntaxError());
            assertTrue(e.getMessage().startsWith("IndexError: "), e.getMessage());
            assertEquals(2, e.getSourceLocation().getStartLine());
            assertEquals(5, e.getSourceLocation().getStartColumn());
            assertEquals("p.vl", e.getSourceLocation().getSource().getName());

            PolyglotException s = assertThrows(PolyglotException.class, () -> c.eval("vecl", "x = (1 +\n"));
            assertTrue(s.isSyntaxError());
            assertTrue(s.isIncompleteSource());
            assertEquals(1, s.getSourceLocation().getStartLine());
            assertEquals(5, s.getSourceLocation().getStartColumn());

            PolyglotException s2 = assertThrows(PolyglotException.class, () -> c.eval("vecl", "x = )\n"));
            assertTrue(s2.isSyntaxError());
            assertFalse(s2.isIncompleteSource());
        }
    }

    @Test
    void outputIsFlushedBeforeAnError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Run.context(out, "off")) {
            assertThrows(PolyglotException.class, () -> c.eval("vecl", "print('before')\nprint(1 // 0)\n"));
            assertEquals("before\n", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void optionsAreDeclared() {
        try (Context c = Context.newBuilder("vecl").option("vecl.Jit", "off").option("vecl.JitThreshold", "5").option("vecl.JitStats", "true")
                        .option("vecl.JitReassociate", "true").option("vecl.JitLog", "").build()) {
            assertEquals(3, c.eval("vecl", "1 + 2").asInt());
        }
        assertThrows(IllegalArgumentException.class, () -> Context.newBuilder("vecl").option("vecl.Jit", "fast").build().eval("vecl", "1"));
    }
}
