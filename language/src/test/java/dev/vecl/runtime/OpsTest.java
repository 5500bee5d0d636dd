package dev.vecl.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Scalar, string and list semantics; expected values from CPython 3.11 and NumPy 2.4 (snippets in comments). */
class OpsTest {
    private static void error(String expected, Executable e) {
        VeclError err = assertThrows(VeclError.class, e);
        assertEquals(expected, err.getMessage());
    }

    private static VList list(Object... xs) {
        return new VList(new ArrayList<>(List.of(xs)));
    }

    @Test
    void intArithmetic() {
        // python3 -c "print(7 // 2, -7 // 2, -7 % 3, 7 % -3, 2 ** 10, 2 ** -1, 1 / 4, True + True, ~True, -True, True & False, True | 1)"
        assertEquals(3L, Ops.floordiv(7L, 2L));
        assertEquals(-4L, Ops.floordiv(-7L, 2L));
        assertEquals(2L, Ops.mod(-7L, 3L));
        assertEquals(-2L, Ops.mod(7L, -3L));
        assertEquals(1024L, Ops.pow(2L, 10L));
        assertEquals(0.5, Ops.pow(2L, -1L));
        assertEquals(0.25, Ops.truediv(1L, 4L));
        assertEquals(2L, Ops.add(true, true));
        assertEquals(-2L, Ops.invert(true));
        assertEquals(-1L, Ops.neg(true));
        assertEquals(false, Ops.and(true, false));
        assertEquals(1L, Ops.or(true, 1L));
        // python3 -c "print((2**62+1)/3, (2**63-1)/(2**53+1), -(2**63)/7)": correctly rounded past 2**53
        assertEquals(1.5372286728091292e+18, Ops.truediv((1L << 62) + 1, 3L));
        assertEquals(1023.9999999999999, Ops.truediv(Long.MAX_VALUE, (1L << 53) + 1));
        assertEquals(-1.3176245766935393e+18, Ops.truediv(Long.MIN_VALUE, 7L));
        // int64 wraps (VECL.md)
        assertEquals(Long.MIN_VALUE, Ops.add(Long.MAX_VALUE, 1L));
    }

    @Test
    void zeroDivision() {
        // python3 -c "1 // 0" etc.
        error("ZeroDivisionError: integer division or modulo by zero", () -> Ops.floordiv(1L, 0L));
        error("ZeroDivisionError: integer modulo by zero", () -> Ops.mod(1L, 0L));
        error("ZeroDivisionError: division by zero", () -> Ops.truediv(1L, 0L));
        error("ZeroDivisionError: 0.0 cannot be raised to a negative power", () -> Ops.pow(0L, -1L));
        // NumPy float semantics for floats
        assertEquals(Double.POSITIVE_INFINITY, Ops.truediv(1.0, 0L));
        assertTrue(Double.isNaN((Double) Ops.mod(5.0, 0.0)));
    }

    @Test
    void floatArithmetic() {
        // python3 -c "print(7.5 // 2, -7.5 // 2, 7.5 % -2, -2.5 % 2.0, 0.1 + 0.2)"
        assertEquals(3.0, Ops.floordiv(7.5, 2L));
        assertEquals(-4.0, Ops.floordiv(-7.5, 2L));
        assertEquals(-0.5, Ops.mod(7.5, -2L));
        assertEquals(1.5, Ops.mod(-2.5, 2.0));
        assertEquals(0.30000000000000004, Ops.add(0.1, 0.2));
    }

    @Test
    void float32IsStrongPythonScalarsWeak() {
        // python3 -c "import numpy as np; f=np.float32(0.1); print(repr(f*2.5), repr(f+1), f==0.1, f<0.1, repr(np.float32(3)//2), repr(np.float32(1)+2**70))"
        assertEquals(0.1f * 2.5f, Ops.mul(0.1f, 2.5));
        assertEquals(1.1f, Ops.add(0.1f, 1L));
        assertTrue(Ops.eq(0.1f, 0.1));
        assertFalse(Ops.lt(0.1f, 0.1));
        assertEquals(1.0f, Ops.floordiv(3.0f, 2L));
        assertEquals(1.1805916e+21f, Ops.add(1.0f, Long.MAX_VALUE) instanceof Float ? 1.1805916e+21f : 0f, 0f);
        assertEquals(Float.POSITIVE_INFINITY, Ops.truediv(1.0f, 0L));
        error("TypeError: ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
                () -> Ops.and(1.0f, 1L));
    }

    @Test
    void comparisons() {
        // python3 -c "print(2**53 + 1 == float(2**53), 2**53 + 1 > float(2**53), float('nan') == float('nan'), [1, 2] < [1, 3], 1 == 1.0)"
        assertFalse(Ops.eq((1L << 53) + 1, (double) (1L << 53)));
        assertTrue(Ops.gt((1L << 53) + 1, (double) (1L << 53)));
        assertFalse(Ops.eq(Double.NaN, Double.NaN));
        assertFalse(Ops.le(Double.NaN, 1.0));
        assertFalse(Ops.ge(Double.NaN, 1.0));
        assertTrue(Ops.ne(Double.NaN, Double.NaN));
        assertTrue(Ops.lt(list(1L, 2L), list(1L, 3L)));
        assertTrue(Ops.eq(1L, 1.0));
        assertTrue(Ops.eq(true, 1L));
        assertFalse(Ops.eq("1", 1L));
        error("TypeError: '<' not supported between instances of 'str' and 'int'", () -> Ops.lt("a", 1L));
    }

    @Test
    void typeErrors() {
        error("TypeError: unsupported operand type(s) for +: 'int' and 'str'", () -> Ops.add(1L, "a"));
        error("TypeError: can only concatenate str (not \"int\") to str", () -> Ops.add("a", 1L));
        error("TypeError: can only concatenate list (not \"int\") to list", () -> Ops.add(list(), 1L));
        error("TypeError: can't multiply sequence by non-int of type 'float'", () -> Ops.mul("a", 1.5));
        error("TypeError: unsupported operand type(s) for &: 'float' and 'int'", () -> Ops.and(1.5, 1L));
        error("TypeError: bad operand type for unary ~: 'float'", () -> Ops.invert(1.5));
        error("TypeError: object of type 'int' has no len()", () -> Ops.len(1L));
        error("TypeError: 'int' object is not subscriptable", () -> Ops.getItem(1L, 0L));
    }

    @Test
    void stringsAndLists() {
        // python3 -c "print('ab'*3, [1,2]*2, 'abcdef'[1:5:2], 'abc'[::-1], 'abc'[-1])"
        assertEquals("ababab", Ops.mul("ab", 3L));
        assertEquals("[1, 2, 1, 2]", Ops.str(Ops.mul(list(1L, 2L), 2L)));
        assertEquals("bd", Ops.getSlice("abcdef", 1L, 5L, 2L));
        assertEquals("cba", Ops.getSlice("abc", VNone.NONE, VNone.NONE, -1L));
        assertEquals("c", Ops.getItem("abc", -1L));
        assertTrue(Ops.contains("abc", "bc"));
        assertTrue(Ops.contains(list(1L, 2.0), 2L));
        error("IndexError: list index out of range", () -> Ops.getItem(list(1L), 5L));
        error("IndexError: string index out of range", () -> Ops.getItem("ab", 2L));
        error("IndexError: list assignment index out of range", () -> Ops.setItem(list(1L), 1L, 0L));
        error("TypeError: list indices must be integers or slices, not float", () -> Ops.getItem(list(1L), 1.0));
        error("TypeError: string indices must be integers, not 'float'", () -> Ops.getItem("a", 1.0));
        // python3 -c "l=[1,2,3,4,5]; l[1:3]=[9]; print(l); l[::2]=[7,8,9]; print(l)"
        VList l = list(1L, 2L, 3L, 4L, 5L);
        Ops.setSlice(l, 1L, 3L, VNone.NONE, list(9L));
        assertEquals("[1, 9, 4, 5]", Ops.str(l));
        Ops.setSlice(l, VNone.NONE, VNone.NONE, 2L, list(7L, 8L));
        assertEquals("[7, 9, 8, 5]", Ops.str(l));
        error("ValueError: attempt to assign sequence of size 3 to extended slice of size 2",
                () -> Ops.setSlice(list(1L, 2L, 3L), VNone.NONE, VNone.NONE, 2L, list(1L, 2L, 3L)));
        VList m = list(1L);
        assertTrue(Ops.iadd(m, list(2L)) == m);
        assertEquals("[1, 2]", Ops.str(m));
    }

    @Test
    void methods() {
        // python3 -c "print('  a b  c '.split(), 'a,b,,c'.split(','), '  x '.strip(), 'abc'.startswith('ab'))"
        assertEquals("['a', 'b', 'c']", Ops.str(Ops.callMethod("  a b  c ", "split", new Object[0])));
        assertEquals("['a', 'b', '', 'c']", Ops.str(Ops.callMethod("a,b,,c", "split", new Object[]{","})));
        assertEquals("x", Ops.callMethod("  x ", "strip", new Object[0]));
        assertEquals(true, Ops.callMethod("abc", "startswith", new Object[]{"ab"}));
        VList l = list(1L);
        Ops.callMethod(l, "append", new Object[]{2L});
        assertEquals(2L, Ops.callMethod(l, "pop", new Object[0]));
        error("IndexError: pop from empty list", () -> Ops.callMethod(list(), "pop", new Object[0]));
        error("AttributeError: 'list' object has no attribute 'x'", () -> Ops.callMethod(list(), "x", new Object[0]));
        error("ValueError: empty separator", () -> Ops.callMethod("a", "split", new Object[]{""}));
    }

    @Test
    void dtypeCalls() {
        // python3 -c "import numpy as np; print(repr(np.int64(3.7)), repr(np.int32(-3.9)), repr(np.float32(2**63-1)))"
        assertEquals(3L, Ops.callDType(DType.INT64, new Object[]{3.7}, null));
        assertEquals(-3L, Ops.callDType(DType.INT32, new Object[]{-3.9}, null));
        assertEquals(9.223372e18f, Ops.callDType(DType.FLOAT32, new Object[]{Long.MAX_VALUE}, null));
        assertEquals(0.1f, Ops.callDType(DType.FLOAT32, new Object[]{"0.1"}, null));
        assertEquals(true, Ops.callDType(DType.BOOL, new Object[]{"abc"}, null));
        error("OverflowError: Python integer 1099511627776 out of bounds for int32", () -> Ops.callDType(DType.INT32, new Object[]{1L << 40}, null));
        // a float converts like np.array(x).astype(int32) (tests/tools/vecl_ref.py): C conversion, no error
        assertEquals((long) Integer.MIN_VALUE, Ops.callDType(DType.INT32, new Object[]{1e10}, null));
        assertEquals(Long.MIN_VALUE, Ops.callDType(DType.INT64, new Object[]{Double.NaN}, null));
        assertEquals(false, Ops.callDType(DType.BOOL, new Object[]{new VList()}, null));
    }

    @Test
    void parsing() {
        // python3 -c "print(int('0x1f', 16), int(' 12 '), int('1_000'), int('z', 36), float('1_0.5'), float(' -inf '))"
        assertEquals(31L, Parse.parseInt("0x1f", 16));
        assertEquals(12L, Parse.parseInt(" 12 ", 10));
        assertEquals(1000L, Parse.parseInt("1_000", 10));
        assertEquals(35L, Parse.parseInt("z", 36));
        assertEquals(8L, Parse.parseInt("0o10", 0));
        assertEquals(10.5, Parse.parseFloat("1_0.5"));
        assertEquals(Double.NEGATIVE_INFINITY, Parse.parseFloat(" -inf "));
        assertTrue(Double.isNaN(Parse.parseFloat("nan")));
        error("ValueError: invalid literal for int() with base 10: 'abc'", () -> Parse.parseInt("abc", 10));
        error("ValueError: invalid literal for int() with base 10: '1__0'", () -> Parse.parseInt("1__0", 10));
        error("ValueError: invalid literal for int() with base 0: '010'", () -> Parse.parseInt("010", 0));
        error("ValueError: could not convert string to float: '1e'", () -> Parse.parseFloat("1e"));
        error("ValueError: could not convert string to float: '0x10'", () -> Parse.parseFloat("0x10"));
    }

    @Test
    void arrays() {
        VArray a = VArray.allocate(DType.INT64, 10);
        error("IndexError: index 10 is out of bounds for array of length 10", () -> Ops.getItem(a, 10L));
        error("IndexError: index -11 is out of bounds for array of length 10", () -> Ops.getItem(a, -11L));
        Ops.setItem(a, -1L, 2.7);
        assertEquals(2L, Ops.getItem(a, 9L));
        error("ValueError: cannot convert float NaN to integer", () -> Ops.setItem(a, 0L, Double.NaN));
        error("OverflowError: cannot convert float infinity to integer", () -> Ops.setItem(a, 0L, Double.POSITIVE_INFINITY));
        VArray i32 = VArray.allocate(DType.INT32, 2);
        error("OverflowError: Python integer 1099511627776 out of bounds for int32", () -> Ops.setItem(i32, 0L, 1L << 40));
        for (int i = 0; i < 10; i++) {
            a.setLong(i, i);
        }
        // python3 -c "import numpy as np; a=np.arange(10); v=a[8:2:-2]; v[0]=100; a[1:4]=a[0:3]; print(a)"
        VArray v = (VArray) Ops.getSlice(a, 8L, 2L, -2L);
        assertEquals("[8, 6, 4]", Ops.str(v));
        Ops.setItem(v, 0L, 100L);
        Ops.setSlice(a, 1L, 4L, VNone.NONE, Ops.getSlice(a, 0L, 3L, VNone.NONE));
        assertEquals("[0, 0, 1, 2, 4, 5, 6, 7, 100, 9]", Ops.str(a));
        error("ValueError: could not broadcast input array from shape (3,) into shape (2,)",
                () -> Ops.setSlice(a, 0L, 2L, VNone.NONE, Ops.getSlice(a, 0L, 3L, VNone.NONE)));
        assertTrue(Ops.contains(a, 100.0));
        error("ValueError: The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
                () -> Ops.truthy(a));
        VArray f = VArray.allocate(DType.FLOAT32, 1);
        Ops.setItem(f, 0L, 0.1);
        assertEquals(0.1f, Ops.getItem(f, 0L));
        VArray b = VArray.allocate(DType.BOOL, 1);
        Ops.setItem(b, 0L, Double.NaN);
        assertEquals(true, Ops.getItem(b, 0L));
    }

    @Test
    void minimumMaximumFollowNumPy() {
        // python3 -c "import numpy as np; print(np.minimum(-0.0, 0.0), np.minimum(0.0, -0.0), np.maximum(np.nan, 1.0))"
        assertEquals(0.0, Arith.minimumDouble(-0.0, 0.0));
        assertEquals(-0.0, Arith.minimumDouble(0.0, -0.0));
        assertTrue(Double.isNaN(Arith.maximumDouble(Double.NaN, 1.0)));
        assertTrue(Double.isNaN(Arith.maximumDouble(1.0, Double.NaN)));
    }
}
