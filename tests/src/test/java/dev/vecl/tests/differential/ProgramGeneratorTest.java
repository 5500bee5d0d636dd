package dev.vecl.tests.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generator is deterministic, covers what it promises, and its programs are valid VecL: they
 * run in mode {@code off} with exit status 0, or, for a deliberate error, exit 1 with the spec's
 * report at the expected line and column. Where CPython + NumPy are installed, a subset is also
 * checked against the reference harness {@code tests/tools/vecl_ref.py}.
 */
class ProgramGeneratorTest {
    private static final Path WORK = Path.of("target", "differential-work");

    @Test
    void sameSeedSameProgram() {
        for (long seed : new long[] {0, 1, 17, 4242, 9999}) {
            assertEquals(ProgramGenerator.generate(seed), ProgramGenerator.generate(seed));
        }
        assertNotEquals(ProgramGenerator.generate(1).text(), ProgramGenerator.generate(2).text());
    }

    @Test
    void coversEveryBlockKindAndSomeErrors() {
        Set<String> seen = new TreeSet<>();
        int errors = 0;
        for (int seed = 0; seed < 300; seed++) {
            ProgramGenerator.Program p = ProgramGenerator.generate(seed);
            seen.addAll(p.features());
            errors += p.expectsError() ? 1 : 0;
        }
        for (String f : new String[] {"for", "while", "nested", "elementwise", "views", "overlap", "reductions",
            "user-reductions", "lists", "calls", "type-change", "special", "float32", "int-wrap", "floordiv",
            "user-array-loops", "strings", "array-float64", "array-float32", "array-int64", "array-int32", "array-bool",
            "error-IndexError", "error-ZeroDivisionError", "error-ValueError"}) {
            assertTrue(seen.contains(f), "no program with " + f + " in 300 seeds: " + seen);
        }
        assertTrue(errors > 10 && errors < 80, "deliberate errors in 300 programs: " + errors);
    }

    @TestFactory
    Stream<DynamicTest> programsAreValid() {
        int count = Integer.getInteger("vecl.diff.validCount", 40);
        VeclRunner runner = new VeclRunner();
        return IntStream.range(0, count).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            ProgramGenerator.Program p = ProgramGenerator.generate(seed);
            String path = DifferentialTest.write(WORK, p);
            VeclRunner.Result r;
            try {
                r = runner.run(DiffModes.REFERENCE, path);
            } catch (VeclRunner.LauncherMissing e) {
                Assumptions.abort(e.getMessage());
                return;
            }
            assertNull(Expectations.violation(p, path, r), () -> Expectations.violation(p, path, r)
                + "\n=== program " + path + " ===\n" + p.text() + "=== off: " + r.describe());
        }));
    }

    /**
     * CPython + NumPy through the reference harness must print what mode {@code off} prints, for
     * the first {@code -Dvecl.diff.pythonCount} programs (default 25) that avoid what may legitimately
     * differ (see {@link ProgramGenerator.Program#pythonComparable}). Error messages may be worded
     * differently, so an error is compared by exit status, location and kind.
     */
    @TestFactory
    Stream<DynamicTest> agreesWithCPythonAndNumPy() {
        int count = Integer.getInteger("vecl.diff.pythonCount", 25);
        Path harness = Path.of(System.getProperty("vecl.root", ".."), "tests", "tools", "vecl_ref.py");
        if (count <= 0 || !Files.isRegularFile(harness) || !pythonWithNumPy()) {
            return Stream.of(DynamicTest.dynamicTest("CPython + NumPy reference unavailable",
                () -> Assumptions.abort("python3 with numpy, or " + harness + ", is missing")));
        }
        VeclRunner runner = new VeclRunner();
        // the first `count` seeds whose programs are comparable
        return LongStream.iterate(0, s -> s + 1).mapToObj(ProgramGenerator::generate).filter(ProgramGenerator.Program::pythonComparable)
            .limit(count).map(p -> DynamicTest.dynamicTest("seed " + p.seed(), () -> {
            long seed = p.seed();
            String path = DifferentialTest.write(WORK, p);
            VeclRunner.Result ours;
            try {
                ours = runner.run(DiffModes.REFERENCE, path);
            } catch (VeclRunner.LauncherMissing e) {
                Assumptions.abort(e.getMessage());
                return;
            }
            VeclRunner.Result ref = runPython(harness, path);
            String why = null;
            if (ours.exit() != ref.exit()) {
                why = "exit status";
            } else if (!ours.out().equals(ref.out())) {
                why = DifferentialTest.firstDifference(ref, ours);
            } else if (ref.exit() != 0 && !errorLocation(ours.err()).equals(errorLocation(ref.err()))) {
                why = "error location/kind: " + errorLocation(ref.err()) + " vs " + errorLocation(ours.err());
            }
            if (why != null) {
                throw new AssertionError("seed " + seed + " differs from CPython + NumPy: " + why + "\n=== program " + path
                    + " ===\n" + p.text() + "=== vecl_ref.py: " + ref.describe() + "=== vecl off: " + ours.describe());
            }
        }));
    }

    /** {@code path:line:col: Kind} of an error report. */
    private static String errorLocation(String err) {
        String first = err.lines().findFirst().orElse("");
        int kindEnd = first.indexOf(": ", first.indexOf(": ") + 2);
        return kindEnd < 0 ? first : first.substring(0, kindEnd);
    }

    private static boolean pythonWithNumPy() {
        try {
            Process pr = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor(60, TimeUnit.SECONDS) && pr.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static VeclRunner.Result runPython(Path harness, String program) throws IOException, InterruptedException {
        Path out = Files.createTempFile("vecl-ref", ".out");
        Path err = Files.createTempFile("vecl-ref", ".err");
        try {
            Process pr = new ProcessBuilder("python3", harness.toString(), program)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!pr.waitFor(120, TimeUnit.SECONDS)) {
                pr.destroyForcibly();
                throw new AssertionError("vecl_ref.py timed out on " + program);
            }
            return new VeclRunner.Result(pr.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
