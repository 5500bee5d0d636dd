package dev.vecl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.graalvm.polyglot.Context;
import org.junit.jupiter.api.Test;

class ReplTest {
    /** Lines as typed; records the prompts, so the transcript reads like a terminal session. */
    private static final class Typed implements Repl.LineInput {
        final Deque<String> lines;
        final StringBuilder transcript;

        Typed(List<String> lines, StringBuilder transcript) {
            this.lines = new ArrayDeque<>(lines);
            this.transcript = transcript;
        }

        @Override
        public String readLine(String prompt) {
            String line = lines.poll();
            transcript.append(prompt).append(line == null ? "<EOF>" : line).append('\n');
            return line;
        }

        @Override
        public void close() {
        }
    }

    private static String session(String... lines) throws Exception {
        StringBuilder transcript = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // output and errors go to one stream, in order, as on a terminal
        PrintStream both = new PrintStream(bytes, true, StandardCharsets.UTF_8) {
            @Override
            public void write(byte[] b, int off, int len) {
                transcript.append(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void write(int b) {
                transcript.append((char) b);
            }
        };
        try (Context context = Context.newBuilder(Launcher.LANGUAGE).out(both).err(both).build()) {
            assertEquals(0, Repl.loop(context, new Typed(List.of(lines), transcript), both, both));
        }
        return transcript.toString();
    }

    @Test
    void showsValuesOfExpressionsButNotNone() throws Exception {
        assertEquals("""
                >>> x = 3
                >>> x * 2
                6
                >>> None
                >>> 'a' + "b"
                'ab'
                >>> [1e16, 0.5, 'q']
                [1e+16, 0.5, 'q']
                >>> float32(0.1)
                0.1
                >>> arange(3)
                [0, 1, 2]
                >>> <EOF>

                """, session("x = 3", "x * 2", "None", "'a' + \"b\"", "[1e16, 0.5, 'q']", "float32(0.1)", "arange(3)"));
    }

    @Test
    void blocksContinueUntilABlankLine() throws Exception {
        assertEquals("""
                >>> def f(n):
                ...     return n + 1
                ...\s
                >>> f(41)
                42
                >>> for i in range(2):
                ...     print(i)
                ...\s
                0
                1
                >>> v = [1,
                ...   2]
                >>> v
                [1, 2]
                >>> <EOF>

                """, session("def f(n):", "    return n + 1", "", "f(41)", "for i in range(2):", "    print(i)", "",
                "v = [1,", "  2]", "v"));
    }

    @Test
    void errorsArePrintedAndThePromptGoesOn() throws Exception {
        assertEquals("""
                >>> print(nope)
                <stdin>:1:7: NameError: name 'nope' is not defined
                print(nope)
                      ^
                >>> repr = 1
                >>> 'still shown'
                'still shown'
                >>> <EOF>

                """, session("print(nope)", "repr = 1", "'still shown'"));
    }

    @Test
    void exitLeavesThePrompt() throws Exception {
        assertEquals("""
                >>> 1 + 1
                2
                >>> exit()
                """, session("1 + 1", "exit()", "print('not reached')"));
    }

    @Test
    void pythonReprOfStrings() {
        assertEquals("'abc'", Repl.pythonRepr("abc"));
        assertEquals("\"it's\"", Repl.pythonRepr("it's"));
        assertEquals("'both \\' and \"'", Repl.pythonRepr("both ' and \""));
        assertEquals("'a\\nb\\t\\\\ \\x00 é'", Repl.pythonRepr("a\nb\t\\ \u0000 é"));
    }
}
