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

    @Test
    void unclosedBracketOnlyWinsWhereCPythonReportsIt() {
        // the parser fails before looking past the bracket's line: the parse error stands
        assertEquals("SyntaxError: invalid syntax @1:7", run("def f(:\n    pass\n"));
        assertEquals("SyntaxError: invalid syntax @1:6", run("if (x:\n  pass\n"));
        // it looked at a later line, or at the end of the input: the bracket is the error
        assertEquals("SyntaxError: '[' was never closed @1:5", run("l = [1, 2\ny = 3\n"));
        assertEquals("SyntaxError: '(' was never closed @1:5", run("x = (1 + 2\nprint(x)\n"));
        assertEquals("SyntaxError: '(' was never closed @1:4", run("foo(1 2\n"));
        assertEquals("SyntaxError: '(' was never closed @2:6", run("y = 1\nx = f(a b\n"));
        assertEquals("SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:6", run("a = [1 2]\n"));
    }

    @Test
    void minMaxWithoutArgumentsIsPythonsTypeError() {
        assertEquals("TypeError: min expected at least 1 argument, got 0 @1:7", run("print(min())\n"));
        assertEquals("TypeError: max expected at least 1 argument, got 0 @1:7", run("print(max())\n"));
        assertEquals("1 3 2 [1, 2]\n", run("print(min(3, 1, 2), max(3, 1, 2), max([1, 2]), [min(1, 2.0), max(array([1, 2]))])\n"));
    }

    @Test
    void notIterableIsReportedAtTheForStatement() {
        assertEquals("TypeError: 'int' object is not iterable @1:1", run("for v in 5:\n    pass\n"));
        assertEquals("TypeError: 'NoneType' object is not iterable @2:5", run("def f():\n    for v in None: pass\nf()\n"));
        // an error while computing the iterable stays at its own expression
        assertEquals("ValueError: range() arg 3 must not be zero @1:10", run("for i in range(0, 5, 0):\n    pass\n"));
    }

    @Test
    void linspaceNumMustBeAnInteger() {
        assertEquals("TypeError: 'float' object cannot be interpreted as an integer @1:7", run("print(linspace(0, 1, 2.5))\n"));
        assertEquals("[0.0, 1.0]\n", run("print(linspace(0, 1, 2))\n"));
    }

    @Test
    void leadingByteOrderMarkIsIgnored() {
        assertEquals("bom\n", run("\uFEFFprint('bom')\n"));
        assertEquals("IndexError: list index out of range @1:5", run("\uFEFFx = [1][3]\n"));
    }

    @Test
    void elementwiseFunctionsTakeListsAsNumPyDoes() {
        assertEquals("[1.0, 2.0, 3.0] [1.0, 0.0] []\n", run("print(sqrt([1, 4, 9]), floor([1.5, 0.2]), exp([]))\n"));
        assertEquals("TypeError: array() element of type 'str' is not a number @1:7", run("print(sqrt([1, 'a']))\n"));
    }
}
