package dev.vecl.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;

/** Arrays and lists seen from the polyglot API (read through the language bindings). */
class InteropTest {
    @Test
    void arraysAndLists() {
        try (Context c = Context.newBuilder("vecl").option("engine.WarnInterpreterOnly", "false").build()) {
            c.eval("vecl", "a = arange(4) * 1.5\nb = array([1, 2], int32)\nl = [1, 'x', 2.5]\nf = ones(2, float32)\n");
            Value b = c.getBindings("vecl");
            Value a = b.getMember("a");
            assertTrue(a.hasArrayElements());
            assertEquals(4, a.getArraySize());
            assertEquals(4.5, a.getArrayElement(3).asDouble());
            a.setArrayElement(0, 7);
            assertEquals(7.0, a.getArrayElement(0).asDouble());
            assertEquals("[7.0, 1.5, 3.0, 4.5]", a.toString());
            assertTrue(a.hasBufferElements());
            assertFalse(a.isBufferWritable());
            assertEquals(32, a.getBufferSize());
            assertEquals(1.5, a.readBufferDouble(ByteOrder.nativeOrder(), 8));
            Value i = b.getMember("b");
            i.setArrayElement(1, 2.9);
            assertEquals(2, i.getArrayElement(1).asInt());
            assertThrows(PolyglotException.class, () -> i.setArrayElement(0, 1L << 40));
            assertEquals(0.1f, b.getMember("f").getArrayElement(0).asFloat() * 0.1f);
            Value l = b.getMember("l");
            assertEquals(3, l.getArraySize());
            assertEquals("x", l.getArrayElement(1).asString());
            l.setArrayElement(3, 4);
            assertEquals("[1, 'x', 2.5, 4]", l.toString());
        }
    }
}
