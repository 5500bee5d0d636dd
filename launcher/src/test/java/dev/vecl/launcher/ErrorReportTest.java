package dev.vecl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ErrorReportTest {
    @Test
    void programErrorHasLocationLineAndCaret() {
        assertEquals("""
                prog.vl:3:9: IndexError: index 10 is out of bounds for array of length 10
                    y = a[i + 1]
                        ^
                """, ErrorReport.format("prog.vl", 3, 9, "    y = a[i + 1]",
                "IndexError: index 10 is out of bounds for array of length 10"));
    }

    @Test
    void caretInFirstColumnAndLineEndsStripped() {
        assertEquals("<string>:1:1: NameError: name 'x' is not defined\nx\n^\n",
                ErrorReport.format("<string>", 1, 1, "x\r\n", "NameError: name 'x' is not defined"));
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        // "😀" is two UTF-16 units: Truffle's column 13 is the 12th character
        assertEquals(12, ErrorReport.characterColumn("s = \"😀\" + 1 / x", 13));
        assertEquals(5, ErrorReport.characterColumn("x = y", 5));
        assertEquals(1, ErrorReport.characterColumn("😀", 1));
    }

    @Test
    void withoutSourceTextOnlyTheFirstLine() {
        assertEquals("<stdin>:2:4: SyntaxError: invalid syntax\n",
                ErrorReport.format("<stdin>", 2, 4, null, "SyntaxError: invalid syntax"));
    }

    @Test
    void internalErrorIsOneLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = ErrorReport.internal(new IllegalStateException("broken\ninvariant"), err);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(70, status);
        assertEquals("vecl: internal error: java.lang.IllegalStateException: broken\n", ErrorReport.debug() ? text.lines()
                .findFirst().orElseThrow() + "\n" : text);
        if (!ErrorReport.debug()) {
            assertFalse(text.contains("\tat "), text);
        }
        assertTrue(text.startsWith("vecl: internal error: "));
    }
}
