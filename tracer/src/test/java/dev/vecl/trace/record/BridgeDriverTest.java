package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard suite for bridges and nested loops: programs whose guards keep failing (late branch
 * flips, type changes, errors at iteration k, views, recursion, inner loops), run with the trace
 * JIT and bridges after 2 failures, must print exactly what the interpreter prints (errors and
 * their locations included) — with the reference executor at several thresholds and with Graal.
 * Where a bridge must be recorded and attached, the jit log is checked for it.
 */
class BridgeDriverTest {
    private static String oldThreshold;

    @BeforeAll
    static void bridgeSoon() {
        oldThreshold = System.getProperty("vecl.JitBridgeThreshold");
        System.setProperty("vecl.JitBridgeThreshold", "2");
    }

    @AfterAll
    static void restore() {
        if (oldThreshold == null) {
            System.clearProperty("vecl.JitBridgeThreshold");
        } else {
            System.setProperty("vecl.JitBridgeThreshold", oldThreshold);
        }
    }

    /** A branch that flips after 90% of the iterations. */
    static final String FLIP90 = """
                    def run(a, n):
                        s = 0.0
                        for i in range(n):
                            if i < n * 9 // 10:
                                s = s + a[i]
                            else:
                                s = s - a[i] * 2.0
                        return s
                    a = arange(2000) * 0.5
                    print(run(a, 2000))
                    print(run(a, 1000))
                    """;

    /**
     * Differential seed 38, reduced: the loop specialises clip's result to the constant 1446; once
     * the clip stops applying, the bridge's value for acc differs from that constant and the short
     * preamble's guard_value on it fails. Its exit must resume with the bridge's value, not 1446.
     */
    static final String CLIPPED_CONSTANT = """
                    def clip(x, lo, hi):
                        if x < lo:
                            return lo
                        if x > hi:
                            return hi
                        return x
                    acc = 0
                    for i in range(47):
                        acc = (acc + i * -3 + 1 + 2000) % 100003
                        acc = clip(acc, -7, 1446)
                        if i > 20:
                            acc = acc - 900 - i
                    print(acc)
                    """;

    /** The flip inside an inlined call: the bridge starts in the callee's frame. */
    static final String INLINED_FLIP = """
                    def f(x, i):
                        if i < 900:
                            return x * 2.0
                        return x - 1.0
                    s = 0.0
                    for i in range(1000):
                        s = s + f(i * 0.5, i)
                    print(s)
                    """;

    /** Types changing mid-loop: x becomes a float at iteration 300, then a bool-mixed int. */
    static final String TYPE_CHANGE = """
                    x = 0
                    y = 1
                    for i in range(600):
                        if i == 300:
                            x = 0.5
                        if i > 450:
                            y = True
                        x = x + y
                    print(x, y)
                    """;

    /** An IndexError at iteration k, after bridges were attached to a flipping branch. */
    static final String INDEX_ERROR = """
                    def copy1(a, b, n):
                        for i in range(n):
                            if i % 7 == 3:
                                b[i] = a[i + 1] * 2.0
                            else:
                                b[i] = a[i + 1]
                    a = arange(300) * 1.0
                    b = zeros(300)
                    copy1(a, b, 300)
                    print("not reached")
                    """;

    /** An exception inside an inlined call, in the branch a bridge holds. */
    static final String ERROR_IN_CALL = """
                    def g(x, d):
                        return x // d
                    def run(n):
                        t = 0
                        for i in range(n):
                            if i % 5 == 0:
                                t = t + g(i, 250 - i)
                            else:
                                t = t + 1
                        return t
                    print(run(240))
                    print(run(400))
                    """;

    /** The same loop on a plain array, then on views (offset, stride, negative stride). */
    static final String VIEWS = """
                    def total(a):
                        s = 0.0
                        for i in range(len(a)):
                            if a[i] > 10.0:
                                s = s + a[i]
                            else:
                                s = s - 1.0
                        return s
                    a = arange(400) * 0.25
                    print(total(a))
                    print(total(a[1::3]))
                    print(total(a[::-2]))
                    b = a
                    for k in range(3):
                        b = b[1::2]
                        print(total(b))
                    """;

    /** Recursion inside traced code, with a branch that flips. */
    static final String RECURSION = """
                    def fact(n):
                        if n <= 1:
                            return 1
                        return n * fact(n - 1)
                    s = 0
                    for i in range(300):
                        if i < 250:
                            s = s + fact(i % 6)
                        else:
                            s = s - fact(i % 4)
                    print(s)
                    """;

    /** Nested loops in one function: the outer loop's trace calls the inner loop's (its end gets no bridge). */
    static final String NESTED = """
                    def run(a, n, m):
                        s = 0.0
                        for i in range(n):
                            t = 0.0
                            for j in range(m):
                                t = t + a[i * m + j]
                            s = s + t * 0.5
                        return s
                    a = arange(4000) * 0.25
                    print(run(a, 80, 50))
                    print(run(a, 50, 80))
                    print(run(a, 3, 2))
                    """;

    /** Nested loops through a call, and an inner loop that sometimes does not run. */
    static final String NESTED_CALL = """
                    def row(a, i, m):
                        t = 0
                        for j in range(m):
                            t = t + a[i * m + j]
                        return t
                    def run(a, n, m):
                        s = 0
                        for i in range(n):
                            s = s + row(a, i, m - i % 3)
                            w = 0
                            while w < i % 4:
                                w = w + 1
                                s = s + w
                        return s
                    a = arange(3000)
                    print(run(a, 100, 30))
                    """;

    /** An outer loop calling a function whose loop has a trace: the outer trace runs it with call_loop. */
    static final String CALL_LOOP = """
                    def row(a, i, m):
                        t = 0
                        for j in range(m):
                            t = t + a[i * m + j]
                        return t
                    def run(a, n, m):
                        s = 0
                        for i in range(n):
                            s = s + row(a, i, m - i % 3)
                        return s
                    a = arange(30000)
                    print(run(a, 300, 30))
                    print(run(a, 100, 300))
                    """;

    /**
     * The inner loop of a call_loop leaving other than by its end: a branch taken at one element,
     * an array of another dtype, and an IndexError in the last row; the outer trace must leave
     * with the inner frames so that the interpreter resumes (and raises) exactly there.
     */
    static final String CALL_LOOP_LEAVES = """
                    def row(a, i, m):
                        t = 0
                        for j in range(m):
                            if a[i * m + j] < 0:
                                t = t - 1
                            else:
                                t = t + a[i * m + j]
                        return t
                    def run(a, n, m):
                        s = 0
                        for i in range(n):
                            s = s + row(a, i, m)
                        return s
                    a = arange(6000)
                    a[4321] = -5
                    print(run(a, 150, 40))
                    print(run(a * 0.5, 150, 40))
                    print(run(a, 151, 40))
                    """;

    /** A branch of the inner loop that flips for the last rows: the inner trace's guard, left through call_loop, gets a bridge. */
    static final String CALL_LOOP_FLIP = """
                    def row(a, i, m):
                        t = 0
                        for j in range(m):
                            if a[i * m + j] < 6000:
                                t = t + a[i * m + j]
                            else:
                                t = t - a[i * m + j]
                        return t
                    def run(a, n, m):
                        s = 0
                        for i in range(n):
                            s = s + row(a, i, m)
                        return s
                    a = arange(12000)
                    print(run(a, 300, 40))
                    """;

    /**
     * Inner range loops with steps other than 1 (an overflow guard shares the loop test's pc),
     * counting down, and with no iteration at all: the compiled normal end of call_loop must take
     * exactly the runs that end, with the registers the interpreter would have.
     */
    static final String CALL_LOOP_STEPS = """
                    def down(a, i, m):
                        t = 0
                        for j in range(i * m + m - 1, i * m - 1, -2):
                            t = t + a[j]
                        return t
                    def up(a, i, m):
                        t = 0.0
                        k = 0
                        for j in range(i * m, i * m + m, 3):
                            t = t + a[j] * 0.5
                            k = k + 1
                        return t + k
                    def run(a, n, m):
                        s = 0.0
                        for i in range(n):
                            s = s + down(a, i, m) + up(a, i, m)
                        return s
                    a = arange(30000)
                    print(run(a, 300, 30))
                    print(run(a, 200, 7))
                    print(run(a, 50, 0))
                    print(run(a, 20, 1))
                    print(run(a * 1.5, 100, 13))
                    """;

    /** A bridge that grows the list the loop reads its length from (an invariant of the loop). */
    static final String LIST_GROWS = """
                    def run(lst):
                        i = 0
                        s = 0.0
                        while i < len(lst):
                            s = s + lst[i]
                            if len(lst) < 400 and i % 5 != 4:
                                lst.append(i * 1.5)
                                lst.append(i * 0.5)
                            i = i + 1
                        return s
                    lst = [0.5]
                    print(run(lst), len(lst))
                    """;

    /** A bridge that writes a global the loop reads. */
    static final String GLOBAL_WRITE = """
                    g = 1
                    def get():
                        return g
                    def bump():
                        global g
                        g = g + 1
                    def run():
                        s = 0
                        for i in range(500):
                            s = s + get()
                            if i % 50 == 49:
                                bump()
                        return s
                    print(run(), g)
                    """;

    /** A loop whose exit is a return inside the body, reached through a bridge. */
    static final String RETURN_IN_BRIDGE = """
                    def find(a, x):
                        for i in range(len(a)):
                            if a[i] == x:
                                return i
                        return -1
                    a = arange(500)
                    t = 0
                    for k in range(60):
                        t = t + find(a, k * 7)
                    print(t)
                    """;

    static String program(String name) {
        return switch (name) {
            case "CLIPPED_CONSTANT" -> CLIPPED_CONSTANT;
            case "FLIP90" -> FLIP90;
            case "INLINED_FLIP" -> INLINED_FLIP;
            case "TYPE_CHANGE" -> TYPE_CHANGE;
            case "INDEX_ERROR" -> INDEX_ERROR;
            case "ERROR_IN_CALL" -> ERROR_IN_CALL;
            case "VIEWS" -> VIEWS;
            case "RECURSION" -> RECURSION;
            case "NESTED" -> NESTED;
            case "NESTED_CALL" -> NESTED_CALL;
            case "LIST_GROWS" -> LIST_GROWS;
            case "GLOBAL_WRITE" -> GLOBAL_WRITE;
            case "RETURN_IN_BRIDGE" -> RETURN_IN_BRIDGE;
            case "CALL_LOOP" -> CALL_LOOP;
            case "CALL_LOOP_LEAVES" -> CALL_LOOP_LEAVES;
            case "CALL_LOOP_FLIP" -> CALL_LOOP_FLIP;
            case "CALL_LOOP_STEPS" -> CALL_LOOP_STEPS;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLIPPED_CONSTANT", "FLIP90", "INLINED_FLIP", "TYPE_CHANGE", "INDEX_ERROR", "ERROR_IN_CALL", "VIEWS", "RECURSION", "NESTED", "NESTED_CALL",
                    "LIST_GROWS", "GLOBAL_WRITE", "RETURN_IN_BRIDGE", "CALL_LOOP", "CALL_LOOP_LEAVES", "CALL_LOOP_FLIP", "CALL_LOOP_STEPS"})
    void referenceExecutorMatchesInterpreter(String name) {
        String p = program(name);
        String expect = JitRun.run(p, "off", "none", 1).output;
        for (int threshold : new int[]{1, 3, 20}) {
            JitRun r = JitRun.run(p, "trace", "reference", threshold);
            assertEquals(expect, r.output, name + " at threshold " + threshold + "\n" + events(r.log));
            assertTrue(!r.log.contains("bridge-abort") || !r.log.contains("reason=internal"), "internal bridge abort:\n" + events(r.log));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CLIPPED_CONSTANT", "FLIP90", "INLINED_FLIP", "TYPE_CHANGE", "INDEX_ERROR", "ERROR_IN_CALL", "VIEWS", "RECURSION", "NESTED", "NESTED_CALL",
                    "LIST_GROWS", "GLOBAL_WRITE", "RETURN_IN_BRIDGE", "CALL_LOOP", "CALL_LOOP_LEAVES", "CALL_LOOP_FLIP", "CALL_LOOP_STEPS"})
    void graalExecutorMatchesInterpreter(String name) throws IOException {
        String p = program(name);
        String expect = GraalExecutorTest.run(p, "off").output();
        GraalExecutorTest.Run r = GraalExecutorTest.run(p, "trace");
        assertEquals(expect, withoutStats(r.output()), name + "\n" + events(r.log()));
        assertTrue(!r.log().contains("reason=internal"), "internal abort:\n" + events(r.log()));
        assertTrue(!r.log().contains("compile-failure"), "compile failure:\n" + events(r.log()));
    }

    /**
     * With Graal, an outer trace takes the inner range loop's normal end in its own compiled code
     * (FastCall), and the inner loop's other exits still leave the outer trace with the inner frames.
     */
    @Test
    void graalCallLoopEndsInCompiledCode() throws IOException {
        for (String name : new String[] {"CALL_LOOP_STEPS", "CALL_LOOP_LEAVES"}) {
            String p = program(name);
            GraalExecutorTest.Run r = GraalExecutorTest.run(p, "trace");
            assertEquals(GraalExecutorTest.run(p, "off").output(), withoutStats(r.output()), name + "\n" + events(r.log()));
            Matcher m = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\), (\\d+) ended in compiled code").matcher(r.output());
            assertTrue(m.find() && Long.parseLong(m.group(3)) > 100, name + ": " + r.output());
            if (name.equals("CALL_LOOP_LEAVES")) {
                assertTrue(Long.parseLong(m.group(2)) > 0, m.group());
            }
        }
    }

    /** Bridges are recorded, attached and used: the flipping loop then runs in few trace entries. */
    @Test
    void flippingBranchGetsBridges() {
        JitRun r = JitRun.run(FLIP90, "trace", "reference", 3);
        assertTrue(bridges(r.log) >= 1, events(r.log));
        assertTrue(r.log.contains("ends=jump"), "a bridge back to the loop:\n" + events(r.log));
        // without bridges every iteration after the flip would enter the trace once
        assertTrue(entries(r.log) < 50, "trace entries " + entries(r.log) + "\n" + events(r.log));
    }

    @Test
    void bridgeFromInlinedFrame() {
        JitRun r = JitRun.run(INLINED_FLIP, "trace", "reference", 3);
        assertTrue(bridges(r.log) >= 1, events(r.log));
        assertTrue(entries(r.log) < 50, "trace entries " + entries(r.log) + "\n" + events(r.log));
    }

    /**
     * The inner loop's end is taken once per outer iteration, far past the bridge threshold, yet
     * gets no bridge: a bridge there would run the outer body and keep the outer loop from getting
     * hot, where the outer trace calling the inner one (call_loop) is faster.
     */
    @Test
    void nestedLoopsStayInTraces() {
        JitRun r = JitRun.run(NESTED, "trace", "reference", 3);
        assertEquals(JitRun.run(NESTED, "off", "none", 1).output, r.output);
        assertEquals(0, bridges(r.log), events(r.log));
        assertTrue(entries(r.log) < 40, "trace entries " + entries(r.log) + " for 133 outer iterations\n" + events(r.log));
        Matcher m = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\)").matcher(r.log);
        assertTrue(m.find() && Long.parseLong(m.group(1)) > 100 && Long.parseLong(m.group(2)) == 0, events(r.log));
    }

    /** The outer loop's trace calls the inner loop's: few trace entries, many loop calls, none leaving. */
    @Test
    void outerTraceCallsInnerLoop() {
        JitRun r = JitRun.run(CALL_LOOP, "trace", "reference", 5);
        assertTrue(r.log.contains("call_loop("), "an outer trace with call_loop:\n" + events(r.log));
        assertTrue(entries(r.log) < 40, "trace entries " + entries(r.log) + "\n" + events(r.log));
        Matcher m = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\)").matcher(r.log);
        assertTrue(m.find(), events(r.log));
        assertTrue(Long.parseLong(m.group(1)) > 300 && Long.parseLong(m.group(2)) == 0, m.group());
    }

    /** Inner exits other than the loop's end leave the outer trace and resume inside the callee. */
    @Test
    void innerLoopLeavesOuterTrace() {
        JitRun r = JitRun.run(CALL_LOOP_LEAVES, "trace", "reference", 5);
        assertEquals(JitRun.run(CALL_LOOP_LEAVES, "off", "none", 1).output, r.output);
        assertTrue(r.output.contains("IndexError") && r.output.contains("at 4:12"), r.output);
        Matcher m = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\)").matcher(r.log);
        assertTrue(m.find() && Long.parseLong(m.group(2)) > 0, events(r.log));
    }

    /** The inner loop's flipped branch gets a bridge although the outer trace runs it: few outer exits. */
    @Test
    void innerGuardLeftThroughCallLoopIsBridged() {
        JitRun r = JitRun.run(CALL_LOOP_FLIP, "trace", "reference", 5);
        assertTrue(r.log.contains("call_loop("), events(r.log));
        assertTrue(bridges(r.log) >= 1, events(r.log));
        Matcher m = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\)").matcher(r.log);
        assertTrue(m.find() && Long.parseLong(m.group(2)) < 20, m.group() + "\n" + events(r.log));
    }

    /** The bridge's jump recomputes the loop's invariants (list length, global reads) after its own writes. */
    @Test
    void invariantsRecomputedAfterBridge() {
        for (String p : new String[]{LIST_GROWS, GLOBAL_WRITE}) {
            JitRun r = JitRun.run(p, "trace", "reference", 3);
            assertTrue(bridges(r.log) >= 1, events(r.log));
            assertEquals(JitRun.run(p, "off", "none", 1).output, r.output);
        }
    }

    @Test
    void errorsKeepTheirLocation() {
        JitRun r = JitRun.run(INDEX_ERROR, "trace", "reference", 3);
        assertTrue(r.output.contains("IndexError") && r.output.contains("at 6:20"), r.output);
        JitRun e = JitRun.run(ERROR_IN_CALL, "trace", "reference", 3);
        assertTrue(e.output.contains("ZeroDivisionError") && e.output.contains("at 2:12"), e.output);
    }

    private static String withoutStats(String out) {
        return out.replaceAll("(?m)^jit: .*\\n", "");
    }

    private static int bridges(String log) {
        int n = 0;
        for (String line : log.split("\n")) {
            if (line.startsWith("# event bridge ")) {
                n++;
            }
        }
        return n;
    }

    private static long entries(String log) {
        Matcher m = Pattern.compile("trace entries (\\d+)").matcher(log);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last;
    }

    private static String events(String log) {
        StringBuilder sb = new StringBuilder();
        for (String line : log.split("\n")) {
            if (line.startsWith("# event") && !line.startsWith("# event exit")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
