package dev.vecl.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.oracle.truffle.api.source.Source;

import dev.vecl.ast.Expr;
import dev.vecl.ast.Stmt;
import dev.vecl.runtime.VNone;
import dev.vecl.runtime.VeclError;

class ParserTest {
    static List<Stmt> parse(String text) {
        return Parser.parse(Source.newBuilder("vecl", text, "t.vl").build()).body();
    }

    static Expr expr(String text) {
        return ((Stmt.ExprStmt) parse(text + "\n").get(0)).value();
    }

    static VeclError error(String text) {
        return assertThrows(VeclError.class, () -> parse(text));
    }

    @Test
    void numberLiterals() {
        Object[][] cases = {{"7", 7L}, {"0x1f", 31L}, {"0o17", 15L}, {"0b101", 5L}, {"1_000", 1000L}, {"1.5", 1.5}, {"2.", 2.0}, {".5", 0.5},
            {"1e-3", 1e-3}, {"1E5", 1e5}, {"0", 0L}, {"00", 0L}, {"1_0.5e1_0", 10.5e10}, {"0xFFFF_FFFF_FFFF_FFFF", -1L},
            {"-9223372036854775808", Long.MIN_VALUE}};
        for (Object[] c : cases) {
            Expr e = expr((String) c[0]);
            assertInstanceOf(Expr.Const.class, e, (String) c[0]);
            assertEquals(c[1], ((Expr.Const) e).value(), (String) c[0]);
        }
    }

    @Test
    void stringEscapes() {
        assertEquals("a\nb\t\r\\'\"\u0041\u00e9", ((Expr.Const) expr("'a\\nb\\t\\r\\\\\\'\\\"\\x41\\u00e9'")).value());
        assertEquals("ab", ((Expr.Const) expr("'a' \"b\"")).value());
        assertEquals("\\d", ((Expr.Const) expr("'\\d'")).value());
        assertEquals("x\ny", ((Expr.Const) expr("'''x\ny'''")).value());
    }

    @Test
    void constants() {
        assertEquals(Boolean.TRUE, ((Expr.Const) expr("True")).value());
        assertEquals(VNone.NONE, ((Expr.Const) expr("None")).value());
    }

    @Test
    void precedenceAndPositions() {
        // CPython marks a binary operation from its left operand
        Expr.BinOp add = (Expr.BinOp) expr("  1 + 2 * x" .trim());
        assertEquals("+", add.op());
        assertEquals("*", ((Expr.BinOp) add.right()).op());
        assertEquals(1, add.col());
        assertEquals(5, add.right().col());
        Expr.BinOp pow = (Expr.BinOp) ((Expr.UnaryOp) expr("-2 ** 2")).operand();
        assertEquals("**", pow.op());
        Expr.Subscript sub = (Expr.Subscript) ((Expr.Call) expr("print(a[i + 1])")).args().get(0);
        assertEquals(7, sub.col());
        assertEquals(9, ((Expr.BinOp) sub.index()).col());
        Expr.Compare cmp = (Expr.Compare) expr("a < b <= c not in d is not e");
        assertEquals(List.of("<", "<=", "not in", "is not"), cmp.ops());
        Expr.BoolOp or = (Expr.BoolOp) expr("a and b or not c");
        assertEquals("or", or.op());
        assertEquals("and", ((Expr.BoolOp) or.left()).op());
        Expr.IfExp ife = (Expr.IfExp) expr("x if c else y");
        assertEquals(1, ife.col());
        Expr.BinOp bits = (Expr.BinOp) expr("a | b ^ c & d << 1");
        assertEquals("|", bits.op());
    }

    @Test
    void callsAndSlices() {
        Expr.Call c = (Expr.Call) expr("zeros(5, dtype=int32)");
        assertEquals(1, c.args().size());
        assertEquals(List.of("dtype"), c.kwNames());
        Expr.Call m = (Expr.Call) expr("s.split(',')");
        assertInstanceOf(Expr.Attribute.class, m.func());
        Expr.Slice sl = (Expr.Slice) ((Expr.Subscript) expr("a[::2]")).index();
        assertEquals(null, sl.lower());
        assertEquals(null, sl.upper());
        assertEquals(2L, ((Expr.Const) sl.step()).value());
        Expr.Slice sl2 = (Expr.Slice) ((Expr.Subscript) expr("a[1:]")).index();
        assertEquals(1L, ((Expr.Const) sl2.lower()).value());
        assertEquals(null, sl2.upper());
    }

    @Test
    void statements() {
        List<Stmt> body = parse("""
                        x = y = 1
                        a[i] += 2; b[1:2] = c
                        if x: pass
                        elif y:
                            pass
                        else:
                            x = 2
                        for i in range(3):
                            continue
                        else:
                            pass
                        while x:
                            break
                        def f(a, b=1, *rest):
                            global g
                            assert a, 'm'
                            return
                        a, b = b, a
                        """);
        assertEquals(8, body.size());
        assertEquals(2, ((Stmt.Assign) body.get(0)).targets().size());
        assertEquals("+", ((Stmt.AugAssign) body.get(1)).op());
        Stmt.If ifs = (Stmt.If) body.get(3);
        assertInstanceOf(Stmt.If.class, ifs.orelse().get(0));
        Stmt.FunctionDef f = (Stmt.FunctionDef) body.get(6);
        assertEquals(List.of("a", "b"), f.params());
        assertEquals("rest", f.varargs());
        assertEquals(1, f.defaults().size());
        assertInstanceOf(Expr.TupleExpr.class, ((Stmt.Assign) body.get(7)).value());
    }

    @Test
    void layout() {
        // implicit line joining, comments, blank lines, backslash continuation
        List<Stmt> body = parse("x = (1 +\n     2)  # c\n\n   # only a comment\ny = [1,\n 2,\n]\nz = 1 + \\\n 2\n");
        assertEquals(3, body.size());
        assertEquals(3, parse("if a:\n    b = 1\n\n    c = 2\nd = 3").size() + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
        "x = 1abc\\n|1|5|invalid decimal literal",
        "if x\\n  y=1\\n|1|5|expected ':'",
        "x = (1,\\n|1|5|'(' was never closed",
        "x = 'abc\\n|1|5|unterminated string literal (detected at line 1)",
        "x = )\\n|1|5|unmatched ')'",
        "x = 1 +\\n|1|8|invalid syntax",
        "def f():\\n    def g():\\n        pass\\n|2|5|nested function definitions are not supported",
        "if x:\\n\\ty = 1\\n|2|1|tab in indentation",
        "if x:\\n    y=1\\n  z=2\\n|3|6|unindent does not match any outer indentation level",
        "  x=1\\n|1|3|unexpected indent",
        "x = 1\\n    y = 2\\n|2|5|unexpected indent",
        "1 = x\\n|1|1|cannot assign to literal here. Maybe you meant '==' instead of '='?",
        "f() = 3\\n|1|1|cannot assign to function call here. Maybe you meant '==' instead of '='?",
        "x = [1, 2\\ny = 3\\n|1|5|'[' was never closed",
        "return 5\\n|1|1|'return' outside function",
        "break\\n|1|1|'break' outside loop",
        "continue\\n|1|1|'continue' not properly in loop",
        "x += \\n|1|6|invalid syntax",
        "while x\\n|1|8|expected ':'",
        "x = $\\n|1|5|invalid syntax",
        "a b\\n|1|3|invalid syntax",
        "x = 0x\\n|1|7|invalid hexadecimal literal",
        "if x:\\npass\\n|2|1|expected an indented block after 'if' statement on line 1",
        "f(a=1, 2)\\n|1|8|positional argument follows keyword argument",
        "x = 08\\n|1|5|leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        "x = [1,2)\\n|1|9|closing parenthesis ')' does not match opening parenthesis '['",
        "x + 1 = 2\\n|1|1|cannot assign to expression here. Maybe you meant '==' instead of '='?",
        "x = 1\\nif x > 3\\n    print(x)\\n|2|9|expected ':'",
        "y = x $ 4\\n|1|7|invalid syntax",
        "def f(a):\\n    return (a + 1\\ndef g():\\n    return 2\\n|2|12|'(' was never closed",
        "x = 1\\ny = 2 +\\nz = 'abc\\n|2|8|invalid syntax",
        "x = 99999999999999999999\\n|1|5|integer literal too large for a 64-bit int",
        "True = 1\\n|1|1|cannot assign to True",
        "if x y:\\n  pass\\n|1|6|invalid syntax",
        "for i in x y:\\n  pass\\n|1|12|invalid syntax",
        "def f() x:\\n  pass\\n|1|9|expected ':'",
        "x = (1 2)\\n|1|6|invalid syntax. Perhaps you forgot a comma?",
        "f(1 2)\\n|1|3|invalid syntax. Perhaps you forgot a comma?",
        "x = [1 2]\\n|1|6|invalid syntax. Perhaps you forgot a comma?",
        "x = 1 2\\n|1|7|invalid syntax",
        "x =\\n|1|4|invalid syntax",
        "def f(x):\\nreturn 1\\n|2|1|expected an indented block after function definition on line 1",
        "x = 1 = 2\\n|1|5|cannot assign to literal",
        "for 1 in x: pass\\n|1|5|cannot assign to literal",
        "def f(a, a): pass\\n|1|10|duplicate argument 'a' in function definition",
        "f() += 1\\n|1|1|'function call' is an illegal expression for augmented assignment",
    })
    void syntaxErrorPositions(String src, int line, int col, String msg) {
        VeclError e = error(src.replace("\\n", "\n").replace("\\t", "\t"));
        assertEquals("SyntaxError", e.kind);
        assertEquals(msg, e.detail);
        assertEquals(line + ":" + col, e.getLine() + ":" + e.getColumn(), msg);
        assertTrue(e.isSyntaxError());
    }

    @Test
    void incompleteInputIsMarked() {
        assertTrue(error("def f(x):\n").isIncompleteSource());
        assertTrue(error("x = (1,\n").isIncompleteSource());
        assertTrue(error("s = '''abc\n").isIncompleteSource());
        assertFalse(error("x = )\n").isIncompleteSource());
    }
}
