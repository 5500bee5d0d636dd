package dev.vecl.tests.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VecL seen from Java through the polyglot API, as the embedding example uses it. */
class EmbeddingTest {
    private static final HostAccess ARRAYS = HostAccess.newBuilder().allowArrayAccess(true).build();

    private Context context;

    @BeforeEach
    void open() {
        context = Context.newBuilder("vecl").allowHostAccess(ARRAYS).build();
        context.eval("vecl", """
                def saxpy(a, x, y):
                    return a * x + y

                def total(x):
                    return sum(x)

                def answer():
                    return 42
                """);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private Value fn(String name) {
        Value f = context.getBindings("vecl").getMember(name);
        assertTrue(f != null && f.canExecute(), () -> name + " is not an executable member of the bindings");
        return f;
    }

    @Test
    void callAFunctionWithJavaArraysAndReadTheArrayBack() {
        Value result = fn("saxpy").execute(2.0, new double[] {1, 2, 3}, new double[] {10, 20, 30});
        assertTrue(result.hasArrayElements(), result::toString);
        assertEquals(3, result.getArraySize());
        assertEquals(12.0, result.getArrayElement(0).asDouble());
        assertEquals(36.0, result.getArrayElement(2).asDouble());
        assertArrayEquals(new double[] {12, 24, 36}, result.as(double[].class));
    }

    @Test
    void javaBuiltinsAreExecutableLikeVeclFunctions() {
        Value len = fn("len");
        assertTrue(len.canExecute());
        assertEquals(3, len.execute(new double[] {1, 2, 3}).asInt());
        assertEquals("<built-in function len>", len.toString());
    }

    @Test
    void javaNullBecomesNone() {
        context.getBindings("vecl").putMember("nothing", null);
        assertEquals("None", context.eval("vecl", "str(nothing)").asString());
        assertTrue(context.eval("vecl", "nothing").isNull());
    }

    @Test
    void scalarsCrossInBothDirections() {
        assertEquals(42, fn("answer").execute().asInt());
        assertEquals(6.0, fn("total").execute(new double[] {1, 2, 3}).asDouble());
        assertEquals(6L, fn("total").execute(new long[] {1, 2, 3}).asLong());
        Value mixed = fn("saxpy").execute(3, 4, 5);
        assertTrue(mixed.fitsInLong(), mixed::toString);
        assertEquals(17L, mixed.asLong());
    }

    @Test
    void arraysOfEachDtypeReadAsJavaValues() {
        context.eval("vecl", """
                def ints():
                    return arange(5)

                def singles():
                    return array([0.5, 1.5], float32)

                def flags():
                    return arange(4) > 1
                """);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, fn("ints").execute().as(long[].class));
        Value singles = fn("singles").execute();
        assertEquals(1.5f, singles.getArrayElement(1).asFloat());
        Value flags = fn("flags").execute();
        assertFalse(flags.getArrayElement(1).asBoolean());
        assertTrue(flags.getArrayElement(2).asBoolean());
    }

    @Test
    void writesThroughTheArrayAreSeenByVecl() {
        context.eval("vecl", """
                data = zeros(3)
                def read_data():
                    return sum(data)
                """);
        Value data = context.getBindings("vecl").getMember("data");
        data.setArrayElement(1, 2.5);
        assertEquals(2.5, fn("read_data").execute().asDouble());
    }

    @Test
    void bindingsCarryJavaValuesIn() {
        Value bindings = context.getBindings("vecl");
        bindings.putMember("scale", 0.5);
        context.eval("vecl", "def scaled(x):\n    return x * scale\n");
        assertArrayEquals(new double[] {1, 2}, fn("scaled").execute(new double[] {2, 4}).as(double[].class));
        assertTrue(bindings.hasMember("saxpy"));
    }

    @Test
    void programOutputGoesToTheContextsStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("vecl").out(out).build()) {
            c.eval("vecl", "print('to the embedder', [1, 2.5])");
        }
        assertEquals("to the embedder [1, 2.5]\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void guestErrorsAreGuestExceptionsWithPythonKinds() {
        PolyglotException e = assertThrows(PolyglotException.class,
                () -> fn("saxpy").execute(1.0, new double[] {1, 2}, new double[] {1, 2, 3}));
        assertTrue(e.isGuestException(), e::toString);
        assertFalse(e.isInternalError(), e::toString);
        assertTrue(e.getMessage().startsWith("ValueError: "), e.getMessage());
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void fileAccessIsDeniedUnlessTheContextAllowsIo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("data.txt");
        Files.writeString(file, "secret");
        String program = "print(read_text('" + file + "'))";

        try (Context sandboxed = Context.create("vecl")) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> sandboxed.eval("vecl", program));
            assertTrue(e.isGuestException(), e::toString);
            assertFalse(e.isInternalError(), e::toString);
            assertTrue(e.getMessage().startsWith("OSError: "), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
            assertEquals(1, e.getSourceLocation().getStartLine(), "the error points at the call");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context trusted = Context.newBuilder("vecl").allowIO(IOAccess.ALL).out(out).build()) {
            trusted.eval("vecl", program);
        }
        assertEquals("secret\n", out.toString(StandardCharsets.UTF_8));
    }
}
