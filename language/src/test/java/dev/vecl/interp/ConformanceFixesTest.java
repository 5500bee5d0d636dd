package dev.vecl.interp;

import static dev.vecl.interp.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Regressions found by running outside-style programs against CPython 3.11 + NumPy 2. */
class ConformanceFixesTest {
    private static final String AMBIGUOUS = "ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()";

    @Test
    void ambiguousTruthIsReportedWhereCPythonMarksIt() {
        // statements: the whole if/elif/while/assert statement
        assertEquals(AMBIGUOUS + " @2:1", run("x = arange(3)\nif x:\n    pass\n"));
        assertEquals(AMBIGUOUS + " @2:1", run("x = arange(3)\nif 1 and not x:\n    pass\n"));
        assertEquals(AMBIGUOUS + " @4:1", run("x = arange(3)\nif 0:\n    pass\nelif x:\n    pass\n"));
        assertEquals(AMBIGUOUS + " @2:1", run("x = arange(3)\nwhile x:\n    pass\n"));
        assertEquals(AMBIGUOUS + " @2:1", run("x = arange(3)\nassert x\n"));
        assertEquals(AMBIGUOUS + " @3:5", run("x = arange(3)\nfor i in range(2):\n    if x: break\n"));
        // expressions: the conditional expression, the `not`, the and/or
        assertEquals(AMBIGUOUS + " @2:5", run("x = arange(3)\ny = 1 if x else 2\n"));
        assertEquals(AMBIGUOUS + " @2:5", run("x = arange(3)\ny = not x\n"));
        assertEquals(AMBIGUOUS + " @2:5", run("x = arange(3)\ny = 0 or x or 1\n"));
    }

    @Test
    void listTimesEqualsRepeatsInPlace() {
        assertEquals("[1, 2, 1, 2] [1, 2, 1, 2]\n", run("l = [1, 2]\nm = l\nl *= 2\nprint(l, m)\n"));
        assertEquals("[] []\n", run("l = [1, 2]\nm = l\nl *= 0\nprint(l, m)\n"));
        assertEquals("abab ab\n", run("s = 'ab'\nt = s\ns *= 2\nprint(s, t)\n"));
    }
}
