package dev.vecl.vecopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;

/**
 * The driver in vec mode, end to end: a program's loops are recorded, optimized, widened (or
 * refused, with the reason logged and counted), compiled by Graal with their scalar versions, and
 * run as machine code; the output is the interpreter's.
 */
class VecModeTest {

    static final String PROGRAM = """
            n = 100
            a = zeros(n)
            for i in range(n):
                a[i] = i * 1.5 - 20.0
            v = a[3:90]
            w = a[1:88]
            for rep in range(30):
                for i in range(len(v)):
                    v[i] = w[i] * 0.5 + 1.0
            print(a[0], a[3], a[50], a[89], a[99])
            s = a[::2]
            t = zeros(50)
            for rep in range(30):
                for i in range(len(s)):
                    t[i] = s[i] * 2.0
            print(t[0], t[49])
            x = zeros(67, dtype=int64)
            for i in range(67):
                x[i] = i * i - 40
            for rep in range(30):
                k = 0
                for i in range(67):
                    k = k + x[i]
            print(k)
            fs = 0.0
            for rep in range(30):
                fs = 0.0
                for i in range(n):
                    fs = fs + a[i]
            print(fs)
            """;

    record Run(String out, String log) {
    }

    /**
     * Regression (differential seeds 2, 4, 13, 14 in vec mode): a float32 loop whose only vector op
     * is a store of an invariant used to take its lane count from its data (none: 8 lanes) while the
     * store wrote 16, so each group's guards covered half of what it stored. On an array that ends
     * with the loop, the last store overran (IndexOutOfBoundsException in intoArray); on a view of a
     * longer array it silently wrote the elements after the view.
     */
    static final String FILL32 = """
            b = zeros(40, dtype=float32)
            v = b[0:27]
            for rep in range(30):
                for i in range(len(v)):
                    v[i] = 0.5
            print(b)
            c = zeros(27, dtype=float32)
            for rep in range(30):
                for i in range(27):
                    c[i] = 0.25
            print(c)
            """;

    /**
     * Outer loops whose inner loops are widened: a map over views of two arrays whose length
     * (0..67) and offset change on every outer iteration, and an int sum over 0..67 elements.
     * Every inner loop ends one of three ways: in the vector trace's preamble (n = 0), at a
     * group's lane-0 check (n = 8k + 1, at the loop header), or in the scalar version (the tail).
     */
    static final String NESTED = """
            b = zeros(80)
            for i in range(80):
                b[i] = i * 0.25 - 3.0
            c = zeros(80)
            for rep in range(300):
                n = rep % 68
                s = rep % 5
                v = c[s:s + n]
                w = b[3:3 + n]
                for i in range(len(v)):
                    v[i] = w[i] * 1.5 + v[i] * 0.5
            print(c)
            x = zeros(70, dtype=int64)
            for i in range(70):
                x[i] = i * i - 40
            tot = 0
            for rep in range(300):
                n = rep % 68
                k = rep
                for i in range(n):
                    k = k + x[i]
                tot = tot + k * (rep % 7)
            print(tot)
            """;

    /** A widened inner loop that an outer iteration now and then leaves by a guard (the break at i = m < 40). */
    static final String INNER_GUARD = """
            b = zeros(80)
            for i in range(80):
                b[i] = i * 0.25 - 3.0
            d = zeros(64)
            for rep in range(300):
                m = rep % 45 + ((rep + 1) % 37) * 1000
                for i in range(40):
                    if i >= m:
                        break
                    d[i] = d[i] * 0.5 + b[i]
            print(d)
            """;

    static final Pattern CALLS = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\), (\\d+) ended in compiled code");

    /** The ids of the traces vectorized, as the log names them in call_loop ({@code fn=loop.<id>}). */
    static java.util.Set<String> vectorizedIds(String log) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        Matcher m = Pattern.compile("# event vectorize trace=(\\d+) result=vectorized").matcher(log);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The inner loops an outer trace calls (call_loop's fn=loop.<id>). */
    static java.util.Set<String> calledIds(String log) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        Matcher m = Pattern.compile("call_loop\\([^\\n]*fn=loop\\.(\\d+)\\)").matcher(log);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static Run run(String jit) throws Exception {
        return run(jit, PROGRAM);
    }

    static Run run(String jit, String program) throws Exception {
        String old = System.getProperty("vecl.TraceExecutor");
        System.setProperty("vecl.TraceExecutor", "graal");
        Path log = Files.createTempFile("vecl-vec", ".log");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("vecl").out(out).err(out).allowExperimentalOptions(true)
                        .option("engine.BackgroundCompilation", "false").option("engine.MultiTier", "false")
                        .option("vecl.Jit", jit).option("vecl.JitThreshold", "2").option("vecl.JitStats", "true")
                        .option("vecl.JitLog", jit.equals("off") ? "" : log.toString()).build()) {
            c.eval(Source.newBuilder("vecl", program, "vec.vl").build());
        } finally {
            if (old == null) {
                System.clearProperty("vecl.TraceExecutor");
            } else {
                System.setProperty("vecl.TraceExecutor", old);
            }
        }
        String text = Files.readString(log);
        Files.deleteIfExists(log);
        return new Run(out.toString(StandardCharsets.UTF_8), text);
    }

    @Test
    void vectorizedLoopsRunCompiledAndPrintWhatTheInterpreterPrints() throws Exception {
        String expected = run("off").out();
        Run vec = run("vec");
        String printed = vec.out().substring(0, vec.out().indexOf("jit: "));
        assertEquals(expected, printed);
        // the map over overlapping views (distance 2) is widened; its alias check sends it to the scalar version
        Matcher m = Pattern.compile("# event vectorize trace=(\\d+) result=vectorized").matcher(vec.log());
        int vectorized = 0;
        boolean compiled = false;
        while (m.find()) {
            vectorized++;
            compiled |= vec.log().contains("# event compiled trace=" + m.group(1) + " executor=graal") && Pattern
                            .compile("# event compiled trace=" + m.group(1) + " executor=graal [^\\n]*machine_code=true").matcher(vec.log()).find();
        }
        assertEquals(3, vectorized, vec.log());
        assertTrue(compiled, "a vectorized trace has machine code");
        assertTrue(vec.log().contains("result=refused reason=float-reduction-in-program-order"), vec.log());
        assertTrue(vec.out().contains("loops vectorized 3, refused"), vec.out());
        // traces ran: entered from the interpreter, or called by an outer trace (call_loop)
        Matcher entries = Pattern.compile("trace entries (\\d+)").matcher(vec.out());
        Matcher calls = Pattern.compile("call_loop (\\d+)").matcher(vec.out());
        long ran = (entries.find() ? Long.parseLong(entries.group(1)) : 0) + (calls.find() ? Long.parseLong(calls.group(1)) : 0);
        assertTrue(ran > 20, vec.out());
    }

    @Test
    void float32StoreOfAnInvariantStaysInsideItsGroup() throws Exception {
        String expected = run("off", FILL32).out();
        Run vec = run("vec", FILL32);
        assertTrue(vec.out().contains("jit: "), vec.out());
        assertEquals(expected, vec.out().substring(0, vec.out().indexOf("jit: ")));
        assertTrue(vec.out().contains("loops vectorized 2,"), vec.out());
        // one group is one register of float32 lanes (16 with AVX-512), and an iteration of this small
        // body runs Widen.UNROLL groups: it steps by lanes * UNROLL, guards its last lane
        // (i + lanes * UNROLL - 1) and stores the next group lanes further on
        int lanes = dev.vecl.trace.ir.Type.VEC_F32.lanes();
        int span = lanes * dev.vecl.vecopt.widen.Widen.UNROLL;
        assertTrue(Pattern.compile("int_add\\(i\\d+, " + span + "\\)\njump").matcher(vec.log()).find(), vec.log());
        assertTrue(Pattern.compile("int_add\\(i\\d+, " + (span - 1) + "\\)").matcher(vec.log()).find(), vec.log());
        if (span > lanes) {
            assertTrue(Pattern.compile("vec_store_f32\\(p\\d+, (i\\d+), v\\d+\\)\ni\\d+ = int_add\\(\\1, " + lanes + "\\)\nvec_store_f32").matcher(vec.log()).find(), vec.log());
        }
    }

    @Test
    void outerTracesCallVectorizedInnerLoopsDirectlyAndEndThemInCompiledCode() throws Exception {
        String expected = run("off", NESTED).out();
        Run vec = run("vec", NESTED);
        assertTrue(vec.out().contains("jit: "), vec.out());
        assertEquals(expected, vec.out().substring(0, vec.out().indexOf("jit: ")));
        java.util.Set<String> called = calledIds(vec.log());
        assertEquals(2, called.size(), vec.log());
        assertTrue(vectorizedIds(vec.log()).containsAll(called), "every inner loop called is widened: " + called + " " + vec.log());
        Matcher m = CALLS.matcher(vec.out());
        assertTrue(m.find(), vec.out());
        long calls = Long.parseLong(m.group(1));
        // every call ended normally in the outer trace's compiled code (FastCall), whichever exit
        // of the vector trace or of its scalar version ended the loop: none went through the
        // driver's call_loop protocol, and none left the outer trace
        assertTrue(calls > 500, vec.out());
        assertEquals("0", m.group(2), vec.out());
        assertEquals(calls, Long.parseLong(m.group(3)), vec.out());
    }

    @Test
    void aGuardExitOfACalledVectorizedLoopResumesTheInterpreterExactly() throws Exception {
        String expected = run("off", INNER_GUARD).out();
        Run vec = run("vec", INNER_GUARD);
        assertTrue(vec.out().contains("jit: "), vec.out());
        assertEquals(expected, vec.out().substring(0, vec.out().indexOf("jit: ")));
        java.util.Set<String> called = calledIds(vec.log());
        assertEquals(1, called.size(), vec.log());
        assertTrue(vectorizedIds(vec.log()).containsAll(called), vec.log());
        Matcher m = CALLS.matcher(vec.out());
        assertTrue(m.find(), vec.out());
        long left = Long.parseLong(m.group(2));
        // the break leaves the inner loop (and the outer trace) by a guard of the scalar version
        assertTrue(left > 0, vec.out());
        assertTrue(Long.parseLong(m.group(3)) > 200, vec.out());
    }
}
