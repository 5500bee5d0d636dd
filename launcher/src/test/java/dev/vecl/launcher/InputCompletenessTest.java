package dev.vecl.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputCompletenessTest {
    private static boolean complete(String s) {
        return InputCompleteness.isComplete(s);
    }

    @Test
    void simpleStatementsAreComplete() {
        assertTrue(complete("x = 1\n"));
        assertTrue(complete("print(a[1:2])\n"));
        assertTrue(complete("s = 'a:' # done:\n"));
        assertTrue(complete("# just a comment\n"));
    }

    @Test
    void blocksNeedABlankLine() {
        assertFalse(complete("def f(x):\n"));
        assertFalse(complete("def f(x):\n    return x\n"));
        assertTrue(complete("def f(x):\n    return x\n\n"));
        assertFalse(complete("if x: y = 1\n"));
        assertTrue(complete("if x: y = 1\n\n"));
        assertFalse(complete("for i in range(3):\n    print(i)\n"));
        assertFalse(complete("while x :  # loop\n"));
    }

    @Test
    void openBracketsAndStringsContinue() {
        assertFalse(complete("a = [1,\n"));
        assertFalse(complete("f(a,\n  b\n"));
        assertTrue(complete("f(a,\n  b)\n"));
        assertTrue(complete("s = '(['\n"));
        assertTrue(complete("s = \"\\\"(\"\n"));
        assertFalse(complete("s = \"\"\"abc\n"));
        assertTrue(complete("s = \"\"\"abc\ndef\"\"\"\n"));
        assertFalse(complete("x = 1 + \\\n"));
        assertTrue(complete("x = 1 + \\\n  2\n"));
    }

    @Test
    void identifiersThatStartLikeKeywordsAreNotBlocks() {
        assertTrue(complete("iffy = 3\n"));
        assertTrue(complete("format = 1\n"));
        assertTrue(complete("definitely = 2\n"));
    }
}
