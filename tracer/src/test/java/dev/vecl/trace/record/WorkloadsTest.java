package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The benchmark workloads W1-W5 at small sizes: same output in trace mode, and their hot loops traced, not aborted. */
class WorkloadsTest {
    static final Path WORKLOADS = Path.of("../benchmarks/src/main/resources/dev/vecl/bench/workloads.vl");

    static final String DRIVER = """
                    n = 300
                    a = ramp(n, 0.5, 1.0)
                    b = ramp(n, 0.25, -2.0)
                    c = ramp(n, 1.5, 0.0)
                    print(sum(w1(a, b, 5)))
                    print(sum(w2(zeros(n), b, c, 3)))
                    print(w3_sum(c), w3_prod(near_one(n)), w3_min(b), w3_max(b), w3_any(falses(n)), w3_all(trues(n)), w3_dot(a, b))
                    x = ramp32(n, 0.01, -1.0)
                    print(sum(w4(x, zeros(n, float32), 3)))
                    print(sum(w5(a, b)))
                    """;

    @Test
    void workloads() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(WORKLOADS));
        String program = Files.readString(WORKLOADS) + "\n" + DRIVER;
        JitRun r = RecorderTest.same(program, 20);
        Files.writeString(Path.of("target/workloads-jit.log"), r.log); // to read the traces
        System.out.println(r.log.lines().filter(l -> l.startsWith("# event abort") || l.startsWith("# event blacklist")
                        || l.matches("# trace \\d+ .* optimized")).reduce("", (x, y) -> x + y + "\n"));
        for (String loop : new String[] {"w2@", "w4@", "_loop_add@", "_pw_sum_leaf@", "_amin@", "_amax@", "any@", "all@", "sin@", "cos@"}) {
            RecorderTest.ran(r, loop);
        }
        String w4 = r.trace("loop w4@", "optimized");
        assertTrue(w4.contains("f32_mul(") && w4.contains("setarrayitem_f32("), w4);
    }
}
