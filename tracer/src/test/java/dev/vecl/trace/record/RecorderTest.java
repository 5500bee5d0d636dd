package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Traces of small real programs, as recorded and as optimized, and the programs' output with the
 * traces run by the reference executor ({@code TraceInterpreter}), which must be the interpreter's.
 */
class RecorderTest {
    static final String W2 = """
                    def w2(a, b, c, n):
                        for i in range(n):
                            a[i] = b[i] + c[i] * 3.14
                    n = 200
                    a = zeros(n)
                    b = linspace(0.0, 1.0, n)
                    c = linspace(1.0, 2.0, n)
                    w2(a, b, c, n)
                    print(a[7], a[199], sum(a))
                    """;

    /** Runs in trace mode with the reference executor and checks the output against the interpreter's. */
    static JitRun same(String program, int threshold) {
        String off = JitRun.run(program, "off", "none", threshold).output;
        JitRun r = JitRun.run(program, "trace", "reference", threshold);
        assertEquals(off, r.output, () -> "trace mode differs; jit log:\n" + r.log);
        return r;
    }

    static void ran(JitRun r, String loop) {
        assertNotNull(r.trace("loop " + loop, "optimized"), () -> "no trace for " + loop + ":\n" + r.log);
        assertTrue(r.log.contains("# event exit trace="), () -> "no trace ran:\n" + r.log);
    }

    @Test
    void w2() {
        JitRun r = same(W2, 50);
        assertEquals("""
                        [p0: ref, p1: ref, p2: ref, i3: int, i4: int, i5: int]
                        label(p0, p1, p2, i3, i4, i5) [w2@13: r0=p0 r1=p1 r2=p2 r5=i3 r6=i4 r7=i5]
                        guard_value(i5, 1) [w2@15: r0=p0 r1=p1 r2=p2 r5=i3 r6=i4 r7=i5]
                        b6 = int_lt(i3, i4)
                        guard_true(b6) [w2@15: r0=p0 r1=p1 r2=p2 r5=i3 r6=i4 r7=1]
                        i7 = int_add(i3, 1)
                        guard_class(p1, cls=array.float64) [w2@21: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1]
                        i8 = arraylen(p1)
                        guard_index(i3, i8) [w2@21: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1]
                        p9 = array_storage(p1)
                        i10 = array_offset(p1)
                        i11 = array_stride(p1)
                        guard_value(i11, 1) [w2@21: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1]
                        i12 = int_add(i10, i3)
                        f13 = getarrayitem_f64(p9, i12)
                        guard_class(p2, cls=array.float64) [w2@25: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r9=f13]
                        i14 = arraylen(p2)
                        guard_index(i3, i14) [w2@25: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r9=f13]
                        p15 = array_storage(p2)
                        i16 = array_offset(p2)
                        i17 = array_stride(p2)
                        guard_value(i17, 1) [w2@25: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r9=f13]
                        i18 = int_add(i16, i3)
                        f19 = getarrayitem_f64(p15, i18)
                        f20 = float_mul(f19, 3.14)
                        f21 = float_add(f13, f20)
                        guard_class(p0, cls=array.float64) [w2@40: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r8=f21]
                        i22 = arraylen(p0)
                        guard_index(i3, i22) [w2@40: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r8=f21]
                        p23 = array_storage(p0)
                        i24 = array_offset(p0)
                        i25 = array_stride(p0)
                        guard_value(i25, 1) [w2@40: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r8=f21]
                        i26 = int_add(i24, i3)
                        setarrayitem_f64(p23, i26, f21)
                        jump(p0, p1, p2, i7, i4, 1)
                        """, r.trace("loop w2@", "recorded"));
        assertEquals("""
                        [p0: ref, p1: ref, p2: ref, i3: int, i4: int, i5: int]
                        guard_value(i5, 1) [w2@15: r0=p0 r1=p1 r2=p2 r5=i3 r6=i4 r7=i5]
                        b6 = int_lt(i3, i4)
                        guard_true(b6) [w2@15: r0=p0 r1=p1 r2=p2 r5=i3 r6=i4 r7=1]
                        i7 = int_add(i3, 1)
                        guard_class(p1, cls=array.float64) [w2@21: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1]
                        i8 = arraylen(p1)
                        guard_index(i3, i8) [w2@21: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1]
                        p9 = array_storage(p1)
                        i10 = array_offset(p1)
                        i11 = array_stride(p1)
                        guard_value(i11, 1) [w2@21: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1]
                        i12 = int_add(i10, i3)
                        f13 = getarrayitem_f64(p9, i12)
                        guard_class(p2, cls=array.float64) [w2@25: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r9=f13]
                        i14 = arraylen(p2)
                        guard_index(i3, i14) [w2@25: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r9=f13]
                        p15 = array_storage(p2)
                        i16 = array_offset(p2)
                        i17 = array_stride(p2)
                        guard_value(i17, 1) [w2@25: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r9=f13]
                        i18 = int_add(i16, i3)
                        f19 = getarrayitem_f64(p15, i18)
                        f20 = float_mul(f19, 3.14)
                        f21 = float_add(f13, f20)
                        guard_class(p0, cls=array.float64) [w2@40: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r8=f21]
                        i22 = arraylen(p0)
                        guard_index(i3, i22) [w2@40: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r8=f21]
                        p23 = array_storage(p0)
                        i24 = array_offset(p0)
                        i25 = array_stride(p0)
                        guard_value(i25, 1) [w2@40: r0=p0 r1=p1 r2=p2 r4=i3 r5=i7 r6=i4 r7=1 r8=f21]
                        i26 = int_add(i24, i3)
                        setarrayitem_f64(p23, i26, f21)
                        b27 = int_le(i4, i8)
                        guard_true(b27) [w2@13: r0=p0 r1=p1 r2=p2 r5=i7 r6=i4 r7=1]
                        b28 = int_le(i4, i14)
                        guard_true(b28) [w2@13: r0=p0 r1=p1 r2=p2 r5=i7 r6=i4 r7=1]
                        b29 = int_le(i4, i22)
                        guard_true(b29) [w2@13: r0=p0 r1=p1 r2=p2 r5=i7 r6=i4 r7=1]
                        label(i7, p0, p1, p2, i4, p9, i10, p15, i16, p23, i24) [w2@13: r0=p0 r1=p1 r2=p2 r5=i7 r6=i4 r7=1]
                        b30 = int_lt(i7, i4)
                        guard_true(b30) [w2@15: r0=p0 r1=p1 r2=p2 r5=i7 r6=i4 r7=1]
                        i31 = int_add(i7, 1)
                        i32 = int_add(i10, i7)
                        f33 = getarrayitem_f64(p9, i32)
                        i34 = int_add(i16, i7)
                        f35 = getarrayitem_f64(p15, i34)
                        f36 = float_mul(f35, 3.14)
                        f37 = float_add(f33, f36)
                        i38 = int_add(i24, i7)
                        setarrayitem_f64(p23, i38, f37)
                        jump(i31, p0, p1, p2, i4, p9, i10, p15, i16, p23, i24)
                        """, r.trace("loop w2@", "optimized"));
        ran(r, "w2@");
    }

    static final String SUM = """
                    a = linspace(0.0, 3.0, 500)
                    s = 0.0
                    for i in range(len(a)):
                        s = s + a[i]
                    print(s)
                    """;

    @Test
    void sumLoop() {
        JitRun r = same(SUM, 50);
        ran(r, "module@");
        assertTrue(r.trace("loop module@", "optimized").contains("float_add("), r.log);
    }

    static final String SCALAR_UFUNCS = """
                    def k(xs, ys, out, n):
                        c = float32(0.5)
                        for p in range(n):
                            x = xs[p]
                            y = ys[p]
                            r = maximum(x, y) - c
                            r = minimum(r, sqrt(x * x + y * y))
                            out[p] = maximum(r, 0.25) + minimum(2, p)
                    n = 300
                    xs = astype(linspace(-1.0, 1.0, n), float32)
                    ys = astype(linspace(1.0, -1.0, n), float32)
                    out = zeros(n, float32)
                    k(xs, ys, out, n)
                    print(out[0], out[150], out[299], out.dtype)
                    """;

    /**
     * maximum/minimum on scalars: the prelude's length, dtype and operand preparation steps
     * depend only on the operands' guarded kinds, so they fold away and the loop is arithmetic.
     */
    @Test
    void scalarUfuncsFold() {
        JitRun r = same(SCALAR_UFUNCS, 50);
        ran(r, "k@");
        String t = r.trace("loop k@", "optimized");
        assertTrue(t.contains("f32_maximum(") && t.contains("f32_minimum(") && t.contains("f32_sqrt("), t);
        for (String fn : List.of("fn=_check_len", "fn=_compute_dtype", "fn=_prep")) {
            assertTrue(!t.contains(fn), fn + " should fold: " + t);
        }
    }

    static final String INT32_WITH_PYTHON_INT = """
                    def k(a, n, big):
                        t = 0
                        for i in range(n):
                            t = t + maximum(a[i], big)
                        return t
                    a = astype(arange(300), int32)
                    print(k(a, 300, 7))
                    print(k(a, 300, 5000000000))
                    """;

    /** int32 next to a Python int: the value decides the dtype (and the overflow), so no folding. */
    @Test
    void int32WithPythonIntIsNotFolded() {
        JitRun r = same(INT32_WITH_PYTHON_INT, 50);
        ran(r, "k@");
    }

    static final String ENTRY_KINDS = """
                    def scale(a, n):
                        out = zeros(n)
                        for i in range(n):
                            out[i] = a[i] * 0.5
                        return out
                    ai = arange(200)
                    af = arange(200) * 1.0
                    t = 0.0
                    for k in range(30):
                        t = t + scale(ai, 200)[199] + scale(af, 200)[199]
                    print(t)
                    """;

    /** A loop entered with int64 and then float64 arrays gets a trace per kind, not an exit per iteration. */
    @Test
    void entryKindsGetTraces() {
        JitRun r = same(ENTRY_KINDS, 50);
        assertNotNull(r.trace("loop scale@", "optimized"), r.log);
        String ints = r.log.substring(r.log.indexOf("loop scale@"));
        assertTrue(ints.contains("cls=array.int64") && r.log.contains("cls=array.float64"), r.log);
        long exits = r.log.lines().filter(l -> l.startsWith("# trace ") && l.contains("loop scale@") && l.endsWith("optimized")).count();
        assertEquals(2, exits, "two traces of scale's loop: " + r.log);
    }

    static final String LAYOUTS = """
                    def madd(a, b, c, n):
                        for i in range(n):
                            a[i] = b[i] + c[i] * 3.0
                        return a
                    def scale(a, n, s):
                        for i in range(n):
                            a[i] = a[i] * s
                        return a
                    x = arange(120) * 1.0
                    out = zeros(120)
                    for k in range(20):
                        madd(out, x, x, 120)
                    print(out[0], out[119], sum(out))
                    for k in range(20):
                        madd(out[::2], x[1::2], x[::-2], 60)
                    print(out[0], out[1], out[118], sum(out))
                    for k in range(20):
                        madd(out[1:61], x[::2], x[60:], 60)
                    print(out[0], out[1], out[60], sum(out))
                    for k in range(20):
                        madd(out, x, out, 120)
                    print(out[0], out[119], sum(out))
                    m = arange(120) * 1.0
                    for k in range(20):
                        scale(m[::3], 40, 1.5)
                    for k in range(20):
                        scale(m, 120, 0.75)
                    print(m[0], m[3], m[119], sum(m))
                    """;

    /**
     * Contiguous input arrays are specialised on stride 1 (no multiply per access), and entry checks
     * it: strided and reversed views get the loop's generic trace instead of failing the stride
     * guard at entry on every call; a third layout reuses the generic trace. A loop first seen
     * with a strided view is traced generically and that trace serves contiguous arrays too.
     */
    @Test
    void contiguousArraysAreSpecialisedAndViewsGetTheGenericTrace() {
        JitRun r = same(LAYOUTS, 50);
        long madds = r.log.lines().filter(l -> l.startsWith("# trace ") && l.contains("loop madd@") && l.endsWith("optimized")).count();
        assertEquals(2, madds, "a specialised and a generic trace of madd's loop: " + r.log);
        String contiguous = r.trace("loop madd@", "optimized");
        String body = contiguous.substring(contiguous.indexOf("\nlabel("));
        assertTrue(contiguous.contains("guard_value(") && contiguous.contains("= array_stride(p"), contiguous);
        assertTrue(!body.contains("int_mul") && !body.contains("array_stride") && !body.contains("guard_value"), "index offset + i in the loop: " + contiguous);
        String generic = r.log.substring(r.log.indexOf("loop madd@", r.log.indexOf("loop madd@") + 1));
        generic = generic.substring(generic.indexOf("optimized"));
        assertTrue(generic.substring(generic.indexOf("\nlabel(")).contains("int_mul("), "the generic trace multiplies by the stride: " + generic);
        long scales = r.log.lines().filter(l -> l.startsWith("# trace ") && l.contains("loop scale@") && l.endsWith("optimized")).count();
        assertEquals(1, scales, "scale's generic trace serves the contiguous array too: " + r.log);
        assertTrue(!r.log.contains("op=guard_value"), "no entry fails a stride guard: " + r.log);
    }

    static final String NESTED_LAYOUTS = """
                    def w2(a, b, c, reps):
                        for r in range(reps):
                            for i in range(len(a)):
                                a[i] = b[i] + c[i] * 3.14
                        return a
                    x = arange(240) * 1.0
                    a = zeros(120)
                    for k in range(30):
                        w2(a, x[:120], x[120:], 10)
                    print(a[5], sum(a))
                    for k in range(30):
                        w2(a, x[::2], x[1::2], 10)
                    print(a[5], sum(a))
                    for k in range(30):
                        w2(a, x[:120], x[120:], 10)
                    print(a[5], sum(a))
                    """;

    /**
     * The outer loop passes its arrays to the inner loop's stride-specialised trace (call_loop):
     * the inner trace's stride checks are the outer trace's entry checks, so views run the outer
     * loop's generic trace, which calls the inner generic trace, instead of leaving the outer trace
     * at the call in every outer iteration.
     */
    @Test
    void outerTraceChecksTheStridesOfTheInnerTraceItCalls() {
        // the call_loop path: with bridges the nest may instead run as the inner trace plus a
        // bridge around the outer body (RecorderTest.nestedLoopsRunTogether, BridgeDriverTest)
        String old = System.getProperty("vecl.JitBridgeThreshold");
        System.setProperty("vecl.JitBridgeThreshold", "0");
        JitRun r;
        try {
            r = same(NESTED_LAYOUTS, 50);
        } finally {
            if (old == null) {
                System.clearProperty("vecl.JitBridgeThreshold");
            } else {
                System.setProperty("vecl.JitBridgeThreshold", old);
            }
        }
        long outer = r.log.lines().filter(l -> l.startsWith("# trace ") && l.contains("loop w2@13") && l.endsWith("optimized")).count();
        assertEquals(2, outer, "a contiguous and a generic outer trace: " + r.log);
        String stats = r.log.substring(r.log.lastIndexOf("# event stats"));
        assertTrue(stats.contains("(left 0)"), "no call_loop leaves its outer trace: " + stats);
    }

    static final String CALL = """
                    def f(x, k):
                        if x > 0.25:
                            return x * k + 1.0
                        return x
                    def run(a, n):
                        t = 0.0
                        for i in range(n):
                            t = t + f(a[i], 0.5)
                        return t
                    a = linspace(0.0, 1.0, 300)
                    print(run(a, 300))
                    """;

    @Test
    void callInlined() {
        JitRun r = same(CALL, 50);
        ran(r, "run@");
        String t = r.trace("loop run@", "recorded");
        assertTrue(t.contains(", $f)"), t);
        assertTrue(r.trace("loop run@", "optimized").contains("call_pure_r($globals.__main__"), "f read as a pure global: " + r.log);
        assertTrue(t.contains("; f@"), "an inlined frame in a snapshot: " + t);
        assertTrue(!t.contains("fn=f)"), "f is inlined, not called: " + t);
    }

    static final String PRELUDE_ADD = """
                    a = arange(400) * 1.0
                    b = linspace(0.0, 1.0, 400)
                    c = a + b
                    a += b
                    print(c[0], c[399], sum(c), a[5])
                    """;

    @Test
    void preludeAdd() {
        JitRun r = same(PRELUDE_ADD, 50);
        ran(r, "_loop_add@");
        String t = r.trace("loop _loop_add@", "optimized");
        assertTrue(t.contains("float_add(") && t.contains("getarrayitem_f64(") && t.contains("setarrayitem_f64("), t);
    }

    static final String BRANCH = """
                    def count(a, n):
                        pos = 0
                        neg = 0
                        for i in range(n):
                            if a[i] > 0.5:
                                pos += 1
                            else:
                                neg += 1
                        return [pos, neg]
                    a = linspace(0.0, 1.0, 400)
                    print(count(a, 400))
                    """;

    @Test
    void branch() {
        JitRun r = same(BRANCH, 50);
        ran(r, "count@");
        assertTrue(r.trace("loop count@", "recorded").contains("float_gt("), r.log);
    }

    static final String TYPE_CHANGE = """
                    x = 0
                    for i in range(400):
                        if i == 300:
                            x = 0.5
                        x = x + 1
                    print(x)
                    """;

    @Test
    void typeChangeMidLoop() {
        JitRun r = same(TYPE_CHANGE, 50);
        ran(r, "module@");
        assertTrue(r.log.contains("# trace 2 loop module@"), "a second trace for float x:\n" + r.log);
    }

    static final String INDEX_ERROR = """
                    def copy1(a, b, n):
                        for i in range(n):
                            b[i] = a[i + 1]
                    a = arange(300) * 1.0
                    b = zeros(300)
                    copy1(a, b, 300)
                    print("not reached")
                    """;

    @Test
    void indexErrorAtIterationK() {
        JitRun r = same(INDEX_ERROR, 50);
        ran(r, "copy1@");
        assertTrue(r.output.contains("IndexError: index 300 is out of bounds") && r.output.contains("at 3:16"), r.output);
    }

    static final String ERROR_IN_CALL = """
                    def g(x, d):
                        return x // d
                    def run(n):
                        t = 0
                        for i in range(n):
                            t = t + g(i, 250 - i)
                        return t
                    print(run(400))
                    """;

    @Test
    void errorInsideInlinedCall() {
        JitRun r = same(ERROR_IN_CALL, 50);
        ran(r, "run@");
        assertTrue(r.output.contains("ZeroDivisionError") && r.output.contains("at 2:12"), r.output);
    }

    static final String FLOAT32 = """
                    a = linspace(0.0, 1.0, 300, dtype=float32)
                    b = zeros(300, float32)
                    for i in range(300):
                        b[i] = ((a[i] * 0.5 + 1) * 2) - 0.5
                    print(b[3], b[299], sum(b))
                    """;

    @Test
    void float32WeakScalars() {
        JitRun r = same(FLOAT32, 50);
        ran(r, "module@");
        String t = r.trace("loop module@", "recorded");
        assertTrue(t.contains("f32_mul(") && t.contains("f32_sub(") && !t.contains("float_mul("), t);
    }

    static final String LISTS = """
                    words = []
                    for i in range(300):
                        words.append(str(i % 7))
                    total = 0
                    for w in words:
                        total = total + int(w)
                    s = ""
                    for i in range(200):
                        s = s + "ab"[i % 2]
                    print(total, len(s), s[:6], words[-1])
                    """;

    static final String NESTED = """
                    def mat(n):
                        t = 0
                        for i in range(n):
                            for j in range(n):
                                t = t + i * j
                        return t
                    print(mat(60))
                    """;

    /** The outer loop's trace runs the inner loop's with call_loop (or the inner loop's exit gets a bridge around the outer body). */
    @Test
    void nestedLoopsRunTogether() {
        JitRun r = same(NESTED, 20);
        ran(r, "mat@");
        assertTrue(r.log.contains("call_loop(") || r.log.contains("ends=jump"), r.log);
    }

    static final String MODULE_NESTED = """
                    a = arange(50) * 1.0
                    scale = 3
                    name = "x"
                    t = 0.0
                    for i in range(40):
                        for j in range(50):
                            t = t + a[j] * scale
                        t = t - scale
                    print(t, scale, name)
                    """;

    /**
     * After a call_loop only the registers the inner loop writes (t, j and its counter) come back
     * as loop results: a, scale and name keep their trace values, so the outer body does not
     * re-guard them and scale's conversion to float stays loop-invariant.
     */
    @Test
    void callLoopKeepsRegistersTheInnerLoopDoesNotWrite() {
        JitRun r = same(MODULE_NESTED, 2);
        String outer = r.trace("loop module@62", "optimized");
        assertNotNull(outer, r.log);
        assertTrue(outer.contains("call_loop("), outer);
        String body = outer.substring(outer.indexOf("label("));
        assertEquals(2, body.split("loop_result\\(", -1).length - 1, body);
        assertEquals(2, body.split("guard_class\\(", -1).length - 1, body);
        assertTrue(!body.contains("cast_int_to_float"), body);
    }

    static final String GLOBALS = """
                    scale = 2.0
                    def f(a, n):
                        global total
                        for i in range(n):
                            total = total + a[i] * scale
                    total = 0.0
                    a = linspace(0.0, 1.0, 300)
                    f(a, 300)
                    print(total)
                    """;

    static final String VIEWS = """
                    a = arange(100) * 1.0
                    v = a[::2]
                    s = 0.0
                    for i in range(1, 51):
                        s = s + v[-i]
                    v[3] = -1.0
                    t = 0.0
                    for x in v:
                        t = t + x
                    print(s, t, a[6])
                    """;

    static final String WHILE_BREAK = """
                    i = 0
                    s = 0
                    while i < 1000:
                        s = s + i * i
                        i = i + 1
                        if s > 100000:
                            break
                    print(i, s)
                    """;

    static final String INT32 = """
                    a = arange(300, dtype=int32)
                    b = zeros(300, int32)
                    for i in range(300):
                        b[i] = a[i] * 3 - 7
                    print(b[0], b[299], sum(b))
                    for i in range(300):
                        b[i] = a[i] * 10000000
                    print("not reached")
                    """;

    static final String MATH = """
                    a = linspace(0.0, 4.0, 300)
                    print(sum(sqrt(a)), min(a - 1.0), max(abs(a - 2.0)), sum(floor(a)))
                    f = linspace(-1.0, 1.0, 300, dtype=float32)
                    print(sum(f * f), max(f))
                    """;

    static final String MIXED = """
                    def poly(n):
                        acc = 0.0
                        k = 0
                        for i in range(n):
                            k = k + (i % 3) - 1
                            acc = acc + i / 7 + (k * 0.25) - (i // 5) % 4 + (i > k) + (i < 50 and k > 0)
                            if i % 2 == 0:
                                acc = -acc
                        return [acc, k]
                    print(poly(500))
                    def isness(n):
                        c = 0
                        x = None
                        for i in range(n):
                            if x is None or (i > 3) is True or 3 is not 3:
                                c = c + 1
                            if i % 5 == 0:
                                x = [i]
                            elif x is not None and x[0] is not None:
                                c = c + x[0]
                        return c
                    print(isness(300))
                    """;

    static final String CALL_SHAPES = """
                    def scale(x, k=2.0, off=0.0):
                        return x * k + off
                    def pick(*xs):
                        return xs[0] + len(xs)
                    def run(n):
                        t = 0.0
                        for i in range(n):
                            t = t + scale(i, off=1.0) + pick(i, 1, 2) + scale(0.5)
                        return t
                    print(run(300))
                    m = ones(50, bool)
                    z = zeros(100, int64)
                    for i in range(100):
                        z[i] = i * 0.75
                    print(m[3], sum(z))
                    """;

    @Test
    void keywordsDefaultsAndRest() {
        JitRun r = same(CALL_SHAPES, 20);
        ran(r, "run@");
        assertTrue(r.trace("loop run@", "recorded").contains("fn=makelist"), r.log);
        assertTrue(!r.log.contains("reason="), "nothing aborts: " + r.log);
    }

    static final String GUARDS = """
                    def fill(a, n):
                        for i in range(n):
                            a[i] = a[i] * 2.0 + i
                    b = arange(200) * 1.0
                    fill(b, 200)
                    v = b[10:110]
                    fill(v, 100)
                    w = b[::3]
                    fill(w, len(w))
                    print(sum(b), b[15], w[5])
                    def fact(k):
                        if k <= 1:
                            return 1
                        return k * fact(k - 1)
                    t = 0
                    for i in range(200):
                        t = t + fact(i % 6)
                    print(t)
                    flip = 0
                    for i in range(500):
                        if i < 450:
                            flip = flip + 1
                        else:
                            flip = flip - 3
                    print(flip)
                    """;

    /** Views with offsets and steps through a trace recorded on a plain array, recursion inlined, a branch flipping at 90%. */
    @Test
    void guardSuite() {
        JitRun r = same(GUARDS, 20);
        ran(r, "fill@");
        assertTrue(r.trace("loop module@", "recorded").contains("; fact@"), r.log);
    }

    /** Without an executor (until the backend lands) traces are recorded, optimized and logged, and the program runs as before. */
    @Test
    void recordOnly() {
        String off = JitRun.run(W2, "off", "none", 50).output;
        JitRun r = JitRun.run(W2, "trace", "none", 50);
        assertEquals(off, r.output);
        assertNotNull(r.trace("loop w2@", "optimized"), r.log);
        assertTrue(!r.log.contains("# event exit"), r.log);
    }

    /** A recording longer than vecl.JitTraceLimit aborts; after three aborts the loop is left to the interpreter. */
    @Test
    void tooLongAbortsAndBlacklists() {
        System.setProperty("vecl.JitTraceLimit", "10");
        try {
            JitRun r = same(W2, 20);
            assertTrue(r.log.contains("reason=too-long") && r.log.contains("# event blacklist loop=w2@"), r.log);
            assertTrue(r.trace("loop w2@", "recorded") == null, r.log);
        } finally {
            System.clearProperty("vecl.JitTraceLimit");
        }
    }

    /** {@code calls} calls of a function whose loop runs {@code n} iterations. */
    static String shortLoop(int calls, int n) {
        return """
                        def f(n):
                            s = 0
                            for i in range(n):
                                s = s + i
                            return s
                        t = 0
                        for k in range(%d):
                            t = t + f(%d)
                        print(t)
                        """.formatted(calls, n);
    }

    /**
     * A short loop whose counter reaches the threshold on its exit test (threshold 4, three
     * iterations per call: every fourth header visit is the last): each such recording aborts at
     * once, and the next one starts at the loop's next entry, so the loop is traced, not blacklisted.
     */
    @Test
    void recordingThatLeavesAtOnceRetriesAtTheNextEntry() {
        JitRun r = same(shortLoop(200, 3), 4);
        assertTrue(r.log.contains("# event abort loop=f@") && r.log.contains("reason=loop-exit"), r.log);
        assertNotNull(r.trace("loop f@", "recorded"), r.log);
        assertTrue(!r.log.contains("# event blacklist loop=f@"), r.log);
    }

    /** A loop that never runs an iteration aborts every recording: after MAX_EXIT_ABORTS it is left alone. */
    @Test
    void loopThatNeverIteratesIsBlacklisted() {
        JitRun r = same(shortLoop(400, 0), 4);
        assertTrue(r.log.contains("# event blacklist loop=f@") && r.log.contains("left-the-loop-16-times"), r.log);
    }

    static List<String> programs() {
        return List.of(W2, SUM, CALL, PRELUDE_ADD, BRANCH, TYPE_CHANGE, INDEX_ERROR, ERROR_IN_CALL, FLOAT32, LISTS, NESTED, GLOBALS, VIEWS,
                        WHILE_BREAK, INT32, MATH, MIXED, CALL_SHAPES, GUARDS);
    }

    /** Every program, with thresholds from "record at the first header" up: output identical to the interpreter's. */
    @ParameterizedTest
    @MethodSource("programs")
    void sameOutputAtAnyThreshold(String program) {
        for (int threshold : new int[] {1, 7, 50}) {
            same(program, threshold);
        }
    }
}
