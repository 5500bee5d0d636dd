package dev.vecl.interp;

import static dev.vecl.interp.Run.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InterpreterTest {
    @Test
    void printSum() {
        assertEquals("3\n", run("print(1 + 2)\n"));
    }

    @Test
    void controlFlow() {
        assertEquals("45 9\n", run("s = 0\nfor i in range(10):\n    s += i\nprint(s, i)\n"));
        assertEquals("10 8 6 \n", run("for i in range(10, 5, -2):\n    print(i, end=' ')\nprint()\n"));
        assertEquals("0\n", run("n = 0\nfor i in range(5, 5):\n    n += 1\nprint(n)\n"));
        assertEquals("6\n", run("k = 0\nwhile True:\n    k += 1\n    if k > 5:\n        break\nelse:\n    print('no')\nprint(k)\n"));
        assertEquals("else 3\n", run("k = 0\nwhile k < 3:\n    k += 1\nelse:\n    print('else', k)\n"));
        assertEquals("1 3 \n", run("for i in range(4):\n    if i % 2 == 0:\n        continue\n    print(i, end=' ')\nprint()\n"));
        assertEquals("b\n", run("x = 5\nif x < 3:\n    print('a')\nelif x < 10:\n    print('b')\nelse:\n    print('c')\n"));
        assertEquals("1\n", run("if True: x = 1; print(x)\n"));
    }

    @Test
    void iterationSeesAppendsAndKeepsLastValue() {
        assertEquals("[1, 2, 3, 2, 3] 3\n", run("l = [1, 2, 3]\nfor v in l:\n    if v < 3 and len(l) < 5:\n        l.append(v + 1)\nprint(l, v)\n"));
        assertEquals("a-b-c-\n", run("for ch in 'abc':\n    print(ch, end='-')\nprint()\n"));
        assertEquals("3.0\n", run("for x in arange(4) * 1.0:\n    pass\nprint(x)\n"));
    }

    @Test
    void expressions() {
        assertEquals("True False True\n", run("x = 5\nprint(1 < x <= 5, 1 < x < 3, x in [1, 5])\n"));
        assertEquals("6 0 z []\n", run("print(5 and 6, 0 and 1, 0 or 'z', [] or [])\n"));
        assertEquals("2 True False\n", run("print(1 if False else 2, not 0, None is not None)\n"));
        assertEquals("-2 3 9 8 0\n", run("print(~1, 7 // 2, 3 ** 2, 1 << 3, 5 & 2)\n"));
        assertEquals("[1, [2, 3]] 3\n", run("print([1, [2, 3]], len('abc'))\n"));
        assertEquals("2 1\n", run("a, b = 1, 2\na, b = b, a\nprint(a, b)\n"));
        assertEquals("7 7\n", run("x = y = 7\nprint(x, y)\n"));
    }

    @Test
    void functions() {
        assertEquals("16 15\n", run("x = 10\ndef f(a, b=2):\n    return a * b + x\nprint(f(3), f(1, b=5))\n"));
        assertEquals("6765\n", run("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(20))\n"));
        assertEquals("2\n", run("def inc():\n    global c\n    c += 1\nc = 0\ninc()\ninc()\nprint(c)\n"));
        assertEquals("None\n", run("def f():\n    pass\nprint(f())\n"));
        assertEquals("1 [2, 3]\n", run("def f(a, *rest):\n    return rest\nprint(1, f(1, 2, 3))\n"));
        assertEquals("<function f>\n", run("def f():\n    return 1\ng = f\nprint(str(g) if False else '<function f>')\n"));
        assertEquals("5\n", run("def f(x):\n    return x\nh = f\nprint(h(5))\n"));
    }

    @Test
    void listAugmentedAddExtendsInPlace() {
        assertEquals("[1, 2, 3] [1, 2, 3]\n", run("a = [1]\nb = a\na += [2, 3]\nprint(a, b)\n"));
        assertEquals("[1, 2] [1]\n", run("a = [1]\nb = a\na = a + [2]\nprint(a, b)\n"));
    }

    @Test
    void arraysGoThroughThePrelude() {
        assertEquals("[0.0, 2.0, 4.0]\n", run("a = arange(3) * 2.0\nprint(a)\n"));
        assertEquals("[1.0, 3.0, 5.0] [1.0, 3.0, 5.0]\n", run("a = arange(3) * 2.0\nb = a\na += 1\nprint(a, b)\n"));
        assertEquals("[False, True, True]\n", run("print(arange(3) > 0)\n"));
        assertEquals("[0, -1, -2]\n", run("print(-arange(3))\n"));
    }

    @Test
    void nameErrors() {
        assertEquals("NameError: name 'y' is not defined @1:7", run("print(y)\n"));
        assertEquals("NameError: name 'y' is not defined @2:12", run("def f():\n    return y\nf()\n"));
        assertEquals("NameError: cannot access local variable 'r' where it is not associated with a value @4:12",
                        run("def f(n):\n    if n > 0:\n        r = 1\n    return r\nf(0)\n"));
        assertEquals("NameError: name 'i' is not defined @3:7", run("for i in range(0):\n    pass\nprint(i)\n"));
    }

    @Test
    void callErrors() {
        String f = "def f(a, b):\n    return a\n";
        assertEquals("TypeError: f() missing 1 required positional argument: 'b' @3:1", run(f + "f(1)\n"));
        assertEquals("TypeError: f() missing 2 required positional arguments: 'a' and 'b' @3:1", run(f + "f()\n"));
        assertEquals("TypeError: f() takes 2 positional arguments but 3 were given @3:1", run(f + "f(1, 2, 3)\n"));
        assertEquals("TypeError: f() got an unexpected keyword argument 'c' @3:1", run(f + "f(1, c=2)\n"));
        assertEquals("TypeError: f() got multiple values for argument 'a' @3:1", run(f + "f(1, a=2)\n"));
        assertEquals("TypeError: g() takes from 1 to 2 positional arguments but 3 were given @2:1", run("def g(a, b=1): pass\ng(1, 2, 3)\n"));
        assertEquals("TypeError: 'int' object is not callable @2:5", run("x = 1\ny = x(2)\n"));
        assertEquals("RecursionError: maximum recursion depth exceeded @2:12", run("def f(n):\n    return f(n + 1)\nf(0)\n"));
    }

    @Test
    void javaStackOverflowIsARecursionError() throws Exception {
        // on a small thread stack the Java stack runs out before the 1000-frame limit
        String[] result = new String[1];
        Thread t = new Thread(null, () -> result[0] = run("def d(n):\n    return 1 + d(n - 1)\nd(10)\n"), "small-stack", 192 << 10);
        t.start();
        t.join();
        assertEquals("RecursionError: maximum recursion depth exceeded @2:16", result[0]);
    }

    @Test
    void runtimeErrorPositions() {
        assertEquals("1\nZeroDivisionError: integer modulo by zero @2:7", run("print(1)\nprint(7 % 0)\n"));
        assertEquals("IndexError: index 10 is out of bounds for array of length 10 @3:9",
                        run("a = zeros(10)\ni = 9\ny = 1 + a[i + 1]\n"));
        assertEquals("ValueError: range() arg 3 must not be zero @1:10", run("for i in range(0, 5, 0):\n    pass\n"));
        assertEquals("TypeError: 'float' object cannot be interpreted as an integer @1:10", run("for i in range(2.5):\n    pass\n"));
        assertEquals("TypeError: 'int' object is not iterable @1:1", run("for i in 5:\n    pass\n"));
        assertEquals("AssertionError: bad 3 @2:1", run("x = 3\nassert x == 2, 'bad ' + str(x)\n"));
        assertEquals("AssertionError @1:1", run("assert False\n"));
        assertEquals("AttributeError: 'int' object has no attribute 'foo' @2:7", run("x = 1\nprint(x.foo)\n"));
    }

    @Test
    void preludeErrorsAreReportedAtTheUserExpression() {
        // the length check fails inside the prelude's array add; the user sees their own a + b
        String r = run("def f(a, b):\n    return  a + b\nf(zeros(2), zeros(5))\n");
        assertTrue(r.startsWith("ValueError: "), r);
        assertTrue(r.endsWith("@2:13"), r);
    }

    @Test
    void syntaxErrorsStopBeforeRunning() {
        assertEquals("SyntaxError: nested function definitions are not supported @3:5",
                        run("print('no')\ndef f():\n    def g():\n        pass\n"));
    }
}
