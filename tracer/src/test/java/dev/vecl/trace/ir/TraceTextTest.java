package dev.vecl.trace.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;

class TraceTextTest {

    private static void assertRoundTrip(String canonical) {
        Trace t = TraceVerifier.verify(TraceText.parse(canonical));
        assertEquals(canonical, TraceText.print(t));
        assertEquals(canonical, TraceText.print(TraceText.parse(TraceText.print(t))));
    }

    @Test
    void loopTraceRoundTrips() {
        assertRoundTrip("""
                [p0: ref, i1: int, i2: int]
                label(p0, i1, i2) [main@4: r0=p0 r1=i1 r2=i2]
                guard_class(p0, cls=array.float64) [main@6: r0=p0 r1=i1 r2=i2]
                b3 = int_lt(i1, i2)
                guard_true(b3) [main@6: r0=p0 r1=i1 r2=i2]
                i4 = arraylen(p0)
                guard_index(i1, i4) [main@9: r0=p0 r1=i1 r2=i2]
                p5 = array_storage(p0)
                i6 = array_offset(p0)
                i7 = array_stride(p0)
                i8 = int_mul(i1, i7)
                i9 = int_add(i6, i8)
                f10 = getarrayitem_f64(p5, i9)
                f11 = float_mul(f10, 2.5)
                setarrayitem_f64(p5, i9, f11)
                i12 = int_add(i1, 1)
                jump(p0, i12, i2)
                """);
    }

    @Test
    void everyConstantKindRoundTrips() {
        assertRoundTrip("""
                [f0: float, s1: f32, p2: ref]
                f3 = float_add(f0, -0.0)
                f4 = float_add(f3, 1.0E-5)
                f5 = float_add(f4, inf)
                f6 = float_mul(f5, -inf)
                f7 = float_sub(f6, nan)
                f8 = float_add(f7, 0.30000000000000004)
                s9 = f32_add(s1, 0.1f)
                s10 = f32_mul(s9, nanf)
                s11 = f32_mul(s10, -inff)
                s12 = f32_mul(s11, 1.0E10f)
                i13 = int_add(-9223372036854775808, 9223372036854775807)
                b14 = bool_and(True, False)
                b15 = ref_eq(p2, null)
                b16 = ref_eq(p2, $arr)
                p17 = call_pure_r($arr, i13, fn=copy) [<module>@2:]
                call_n(p17, f8, s12, b14, b15, b16, fn=print) [<module>@3: r0=p17]
                finish(p17) [<module>@4: r0=p17 r7=3 r8=2.5 r9=0.5f r10=True r11=null]
                """);
    }

    @Test
    void snapshotsWithSeveralFramesRoundTrip() {
        assertRoundTrip("""
                [p0: ref, i1: int]
                label(p0, i1) [main@2: r0=p0 r1=i1]
                i2 = int_add(i1, 1)
                guard_nonnull(p0) [main@5: r0=p0 r1=i1; _add@7: r0=p0 r3=i2; _loop@0:]
                jump(p0, i2)
                """);
    }

    @Test
    void namesAreCanonicalisedByTypeAndOrder() {
        Trace t = TraceText.parse("""
                # comments and any names are accepted
                [arr: ref, n: int]
                len = arraylen(arr)   # trailing comment
                ok = int_lt(n, len)
                guard_true(ok) [f@1: r0=arr]
                finish() [f@2:]
                """);
        assertEquals("""
                [p0: ref, i1: int]
                i2 = arraylen(p0)
                b3 = int_lt(i1, i2)
                guard_true(b3) [f@1: r0=p0]
                finish() [f@2:]
                """, TraceText.print(t));
    }

    @Test
    void refConstantsTakeTheirObjectsFromTheEnvironment() {
        VArray a = new VArray(DType.FLOAT32, new float[3], 0, 1, 3);
        Trace t = TraceText.parse("""
                [i0: int]
                i1 = arraylen($a)
                i2 = arraylen($a)
                finish(i1, i2) [f@1:]
                """, Map.of("a", a));
        Const.Ref r = (Const.Ref) t.ops.get(0).arg(0);
        assertSame(a, r.object());
        assertEquals(r, t.ops.get(1).arg(0));
        assertEquals(RefKind.ARRAY_FLOAT32, RefKind.of(a));
    }

    @Test
    void parseErrorsNameTheLine() {
        var e = assertThrows(TraceText.ParseError.class, () -> TraceText.parse("[i0: int]\ni1 = int_add(i0, i9)\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("i9"), e.getMessage());
        assertThrows(TraceText.ParseError.class, () -> TraceText.parse("[i0: int]\ni1 = int_frob(i0)\n"));
        assertThrows(TraceText.ParseError.class, () -> TraceText.parse("[i0: int, i0: int]\n"));
        assertThrows(TraceText.ParseError.class, () -> TraceText.parse("[i0: int]\nint_add(i0, 1)\n"));
        assertThrows(TraceText.ParseError.class, () -> TraceText.parse("[p0: ref]\nguard_class(p0, cls=array.float16) [f@1:]\n"));
    }

    @Test
    void verifierRejectsBrokenTraces() {
        String[] bad = {
            // preamble value used after the label without being a label variable
            "[i0: int]\ni1 = int_add(i0, 1)\nlabel(i0) [f@0: r0=i0]\ni2 = int_add(i1, 1)\njump(i2)\n",
            // jump arity
            "[i0: int]\nlabel(i0) [f@0: r0=i0]\njump(i0, i0)\n",
            // jump type
            "[i0: int, f1: float]\nlabel(i0) [f@0: r0=i0]\njump(f1)\n",
            // guard without snapshot
            "[b0: bool]\nguard_true(b0)\nfinish() [f@0:]\n",
            // argument type
            "[f0: float]\ni1 = int_add(f0, 1)\nfinish() [f@0:]\n",
            // label variable given twice
            "[i0: int]\nlabel(i0, i0) [f@0:]\njump(i0, i0)\n",
            // guard_value needs a constant
            "[i0: int, i1: int]\nguard_value(i0, i1) [f@0:]\nfinish() [f@0:]\n",
            // call without fn=
            "[i0: int]\ni1 = call_i(i0)\nfinish() [f@0:]\n",
        };
        for (String s : bad) {
            Trace t = TraceText.parse(s);
            assertThrows(TraceVerifier.Invalid.class, () -> TraceVerifier.verify(t), s);
        }
    }

    @Test
    void evalFoldsThroughArithAndRefusesWhatRaises() {
        assertEquals(Const.of(-4L), Eval.fold(OpCode.INT_FLOORDIV, Const.of(-7L), Const.of(2L)));
        assertEquals(Const.of(1L), Eval.fold(OpCode.INT_MOD, Const.of(-7L), Const.of(2L)));
        assertNull(Eval.fold(OpCode.INT_FLOORDIV, Const.of(7L), Const.of(0L)));
        assertNull(Eval.fold(OpCode.INT_MOD, Const.of(7L), Const.of(0L)));
        assertNull(Eval.fold(OpCode.INT_POW, Const.of(2L), Const.of(-1L)));
        assertNull(Eval.fold(OpCode.INT_LSHIFT, Const.of(2L), Const.of(-1L)));
        assertNull(Eval.fold(OpCode.CAST_FLOAT_TO_INT, Const.of(Double.NaN)));
        assertEquals(Const.of(Double.POSITIVE_INFINITY), Eval.fold(OpCode.FLOAT_TRUEDIV, Const.of(1.0), Const.of(0.0)));
        assertEquals(Const.of(-1.0), Eval.fold(OpCode.FLOAT_FLOORDIV, Const.of(-7.0), Const.of(10.0)));
        assertEquals(Const.of(0.1f + 0.2f), Eval.fold(OpCode.F32_ADD, Const.of(0.1f), Const.of(0.2f)));
        assertEquals(Const.of(Long.MIN_VALUE), Eval.fold(OpCode.INT_ADD, Const.of(Long.MAX_VALUE), Const.of(1L)));
        assertEquals(Const.FALSE, Eval.fold(OpCode.FLOAT_EQ, Const.of(Double.NaN), Const.of(Double.NaN)));
        // whatever Arith says about signed zeros is what folding gives
        assertEquals(Const.of(dev.vecl.runtime.Arith.minimumDouble(0.0, -0.0)), Eval.fold(OpCode.FLOAT_MINIMUM, Const.of(0.0), Const.of(-0.0)));
    }
}
