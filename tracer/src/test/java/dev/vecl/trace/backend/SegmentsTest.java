package dev.vecl.trace.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.ir.Value;

/**
 * Long loop bodies are split into parts compiled on their own: at boundaries nothing before reads
 * after (VecOpt's cuts through a scratch array make them), never around an exit, never with a
 * vector flowing in. Part size 4 here, so a short loop shows the rule.
 */
class SegmentsTest {
    @RegisterExtension
    static final Graal.PerClass GRAAL = new Graal.PerClass();

    /** a[i..i+8) = (a*2 + a)^2 - a + 1, with the two live vectors passed through $scratch after four ops. */
    static final String CUT_LOOP = """
            [p0: ref, i1: int, i2: int]
            label(p0, i1, i2) [main@10: r0=p0 r1=i1 r2=i2]
            i3 = int_add(i1, 8)
            b4 = int_le(i3, i2)
            guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2]
            v5 = vec_load_f64(p0, i1)
            v6 = vec_splat_f64(2.0)
            v7 = vec_mul(v5, v6)
            v8 = vec_add(v7, v5)
            v9 = vec_mul(v8, v8)
            vec_store_f64($scratch, 0, v9)
            vec_store_f64($scratch, 8, v5)
            v10 = vec_load_f64($scratch, 0)
            v11 = vec_load_f64($scratch, 8)
            v12 = vec_sub(v10, v11)
            v13 = vec_splat_f64(1.0)
            v14 = vec_add(v12, v13)
            vec_store_f64(p0, i1, v14)
            jump(p0, i3, i2)
            """;

    @Test
    void cutsBecomeParts() {
        assertParts(CUT_LOOP, """
                [p0: ref, i1: int, i2: int]
                label(p0, i1, i2) [main@10: r0=p0 r1=i1 r2=i2]
                i3 = int_add(i1, 8)
                b4 = int_le(i3, i2)
                guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2]
                -- part (p0, i1)
                v5 = vec_load_f64(p0, i1)
                v6 = vec_splat_f64(2.0)
                v7 = vec_mul(v5, v6)
                v8 = vec_add(v7, v5)
                v9 = vec_mul(v8, v8)
                vec_store_f64($scratch, 0, v9)
                vec_store_f64($scratch, 8, v5)
                -- part (p0, i1)
                v10 = vec_load_f64($scratch, 0)
                v11 = vec_load_f64($scratch, 8)
                v12 = vec_sub(v10, v11)
                v13 = vec_splat_f64(1.0)
                v14 = vec_add(v12, v13)
                vec_store_f64(p0, i1, v14)
                -- end
                jump(p0, i3, i2)
                """);
    }

    /** A guard resumes the interpreter from the loop's frame: the run around it stays in the loop. */
    @Test
    void noPartAroundAnExit() {
        String withGuard = CUT_LOOP.replace("v13 = vec_splat_f64(1.0)\n", "v13 = vec_splat_f64(1.0)\nguard_true(b4) [main@12: r0=p0 r1=i1 r2=i2]\n");
        String parts = parts(TraceText.parse(withGuard));
        assertEquals(1, count(parts, "-- part"), parts);
        assertTrue(parts.contains("vec_store_f64($scratch, 8, v5)\n-- end\nv10"), parts);
    }

    /** A vector loop variable would be boxed on every call: a run that reads one stays in the loop. */
    @Test
    void noPartReadingAVectorLoopVariable() {
        String hoisted = CUT_LOOP.replace("[p0: ref, i1: int, i2: int]\nlabel(p0, i1, i2) [main@10: r0=p0 r1=i1 r2=i2]",
                        "[p0: ref, i1: int, i2: int]\nv20 = vec_splat_f64(1.0)\nlabel(p0, i1, i2, v20) [main@10: r0=p0 r1=i1 r2=i2]")
                        .replace("v14 = vec_add(v12, v13)", "v14 = vec_add(v12, v20)").replace("jump(p0, i3, i2)", "jump(p0, i3, i2, v20)");
        String parts = parts(TraceText.parse(hoisted));
        assertEquals(1, count(parts, "-- part"), parts);
        assertTrue(parts.contains("-- part (p0, i1)\nv6 = vec_load_f64(p0, i1)"), parts);
        assertTrue(parts.contains("vec_store_f64($scratch, 8, v6)\n-- end\n"), parts);
    }

    /** A value computed in the body and read after the last part (or a chain that never dies) leaves no boundary. */
    @Test
    void noBoundaryWhileAVectorIsLive() {
        String live = CUT_LOOP.replace("v12 = vec_sub(v10, v11)", "v12 = vec_sub(v10, v7)");
        String parts = parts(TraceText.parse(live));
        assertEquals(1, count(parts, "-- part"), parts);
        assertTrue(parts.contains("-- part (p0, i1)\nv5 = "), parts);
    }

    /** Split and compiled by Graal: each part is its own call target, and the loop computes what the trace says. */
    @Test
    void partsCompileAndAgree() {
        double[] scratch = new double[16];
        Trace t = TraceText.parse(CUT_LOOP, Map.of("scratch", scratch));
        CompiledTrace c = new TraceCompiler().segmentOps(4).compile(t);
        assertEquals(2, c.parts());
        assertTrue(c.isCompiled(), "the loop and both parts compiled");
        for (int n = 0; n <= 64; n += 8) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int k = 0; k < n; k++) {
                a[k] = b[k] = k * 0.75 - 3.0;
            }
            new TraceInterpreter(Map.of()).run(t, new Object[] {a, 0L, (long) n}, Integer.MAX_VALUE);
            TraceExit e = c.run(b, 0L, (long) n);
            assertEquals(TraceExit.Kind.GUARD, e.kind());
            assertArrayEquals(a, b, "n=" + n);
        }
        assertTrue(c.isCompiled());
    }

    static void assertParts(String trace, String expected) {
        assertEquals(expected, parts(TraceText.parse(trace)));
    }

    /** The trace's text with each part's first line preceded by "-- part (inputs)" and its end marked "-- end" (where no part follows). */
    static String parts(Trace t) {
        List<Segments.Segment> segs = Segments.of(t, 4);
        String[] lines = TraceText.print(t).split("\n");
        StringBuilder sb = new StringBuilder(lines[0]).append('\n');
        for (int k = 0; k < t.ops.size(); k++) {
            final int at = k;
            for (Segments.Segment s : segs) {
                if (s.end() == k && segs.stream().noneMatch(o -> o.start() == at)) {
                    sb.append("-- end\n");
                }
                if (s.start() == k) {
                    sb.append("-- part (").append(String.join(", ", s.inputs().stream().map(v -> name(t, v)).toList())).append(")\n");
                }
            }
            sb.append(lines[k + 1]).append('\n');
        }
        return sb.toString();
    }

    /** The value's name as TraceText.print numbers them (inputs, then results, in order). */
    static String name(Trace t, Value v) {
        int n = 0;
        for (dev.vecl.trace.ir.InputArg a : t.inputs) {
            if (a == v) {
                return a.type().prefix + Integer.toString(n);
            }
            n++;
        }
        for (dev.vecl.trace.ir.Op op : t.ops) {
            if (op.hasResult()) {
                if (op == v) {
                    return op.type().prefix + Integer.toString(n);
                }
                n++;
            }
        }
        return v.toString();
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
