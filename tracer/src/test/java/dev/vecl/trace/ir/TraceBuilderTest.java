package dev.vecl.trace.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TraceBuilderTest {

    @Test
    void buildsWhatTheTextDescribes() {
        TraceBuilder b = new TraceBuilder();
        InputArg a = b.input(Type.REF);
        InputArg i = b.input(Type.INT);
        Snapshot head = Snapshot.of(Snapshot.Frame.of("main", 4, Map.of(0, a, 1, i)));
        b.label(head, a, i);
        b.guardClass(a, RefKind.ARRAY_FLOAT64, head);
        Op n = b.op(OpCode.ARRAYLEN, a);
        b.guard(OpCode.GUARD_INDEX, head, i, n);
        Op q = b.raising(OpCode.INT_FLOORDIV, head, n, i);
        Op s = b.call(OpCode.CALL_PURE_F, "sqrt", head, b.op(OpCode.CAST_INT_TO_FLOAT, q));
        Op next = b.op(OpCode.INT_ADD, i, Const.of(1L));
        b.add(new Op(OpCode.GUARD_VALUE, java.util.List.of(s, Const.of(2.0)), null, head));
        b.jump(a, next);
        assertEquals("""
                [p0: ref, i1: int]
                label(p0, i1) [main@4: r0=p0 r1=i1]
                guard_class(p0, cls=array.float64) [main@4: r0=p0 r1=i1]
                i2 = arraylen(p0)
                guard_index(i1, i2) [main@4: r0=p0 r1=i1]
                i3 = int_floordiv(i2, i1) [main@4: r0=p0 r1=i1]
                f4 = cast_int_to_float(i3)
                f5 = call_pure_f(f4, fn=sqrt) [main@4: r0=p0 r1=i1]
                i6 = int_add(i1, 1)
                guard_value(f5, 2.0) [main@4: r0=p0 r1=i1]
                jump(p0, i6)
                """, TraceText.print(b.build()));
    }

    @Test
    void buildRejectsAnInvalidTrace() {
        TraceBuilder b = new TraceBuilder();
        InputArg i = b.input(Type.INT);
        b.op(OpCode.INT_FLOORDIV, i, i); // may raise, but has no snapshot
        assertThrows(TraceVerifier.Invalid.class, b::build);
    }
}
