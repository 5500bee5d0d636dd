package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The language's reduction_bits.vl (NumPy's bits for sum, mean, prod and dot at the sizes where the
 * pairwise tree changes shape, views, -0.0, nan, inf, float32) in trace mode with Graal: the same
 * bits as NumPy, with the leaf loops called through call_loop and their normal ends taken in the
 * outer traces' compiled code.
 */
class ReductionTraceTest {
    static final Path DIR = Path.of("../language/src/test/resources/dev/vecl/builtins");

    @Test
    void sameBitsInTraceMode() throws IOException {
        String program = Files.readString(DIR.resolve("reduction_bits.vl"));
        String expected = Files.readString(DIR.resolve("reduction_bits.expected"));
        GraalExecutorTest.Run r = GraalExecutorTest.run(program, "trace");
        StringBuilder out = new StringBuilder();
        StringBuilder statsLines = new StringBuilder();
        for (String line : r.output().split("\n", -1)) {
            if (line.startsWith("jit: ")) {
                statsLines.append(line).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        String stats = statsLines.toString();
        assertEquals(expected, out.substring(0, out.length() - 1), "trace mode differs from NumPy");
        assertFalse(r.log().contains("compile-failure"), r.log());
        for (String loop : new String[] {"_pw_sum_leaf@", "_pw_prod_leaf@", "_pw_dot_leaf@", "_pairwise@", "_pairwise_prod@", "_pairwise_dot@", "_pw_tree_add@"}) {
            assertTrue(r.log().contains("# trace ") && r.log().contains("loop " + loop), () -> "no trace for " + loop + ":\n" + stats);
        }
        Matcher m = Pattern.compile("call_loop (\\d+) \\(left (\\d+)\\), (\\d+) ended in compiled code").matcher(stats);
        assertTrue(m.find(), stats);
        long calls = Long.parseLong(m.group(1));
        long compiled = Long.parseLong(m.group(3));
        assertEquals("0", m.group(2), stats);
        // the leaf loops of the 1e6-element reductions alone are ~100,000 calls
        assertTrue(calls > 50_000 && compiled > calls * 9 / 10, stats);
    }
}
