package dev.vecl.tests.differential;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs seeded random programs in mode {@code off} and in each JIT mode and requires identical
 * stdout, stderr and exit status.
 *
 * <p>{@code -Dvecl.diff.count=N} programs (default 420, which keeps the suite under 20 minutes on 2 cores; the long profile uses 10000 with {@code -Dvecl.diff.split=false}), starting at
 * {@code -Dvecl.diff.first} (default 0); {@code -Dvecl.diff.modes=trace,vec} (default; each seed
 * runs in trace, one in four in vec too, unless {@code -Dvecl.diff.split=false}, see {@link DiffModes#forSeed}). A failing seed is
 * written to {@code target/differential-failures/seed-N.vl} with both outputs next to it; rerun one
 * seed with {@code -Dvecl.diff.first=N -Dvecl.diff.count=1}, or run the file with the {@code vecl}
 * command and the flags printed in the report.
 */
class DifferentialTest {
    private static final Path WORK = Path.of("target", "differential-work");
    private static final Path FAILURES = Path.of("target", "differential-failures");
    /** Seeds run concurrently on this many threads ({@code -Dvecl.diff.threads}, default: the cores), one runner each. */
    private static final int THREADS = Integer.getInteger("vecl.diff.threads", Runtime.getRuntime().availableProcessors());
    private static final ThreadLocal<VeclRunner> RUNNER = ThreadLocal.withInitial(VeclRunner::new);
    private static final List<VeclRunner> RUNNERS = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static ExecutorService pool;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(Math.max(1, THREADS), r -> {
            Thread t = new Thread(() -> {
                RUNNERS.add(RUNNER.get());
                r.run();
            }, "vecl-differential-seed");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        RUNNERS.forEach(VeclRunner::close);
        VeclRunner.closeEngines();
    }

    @TestFactory
    Stream<DynamicTest> jitModesMatchInterpreter() {
        int first = Integer.getInteger("vecl.diff.first", 0);
        int count = Integer.getInteger("vecl.diff.count", 420);
        List<String> modes = DiffModes.compared();
        // every seed is submitted at once; each dynamic test waits for its own (JUnit reports them in order)
        List<Future<?>> done = IntStream.range(first, first + count)
            .mapToObj(seed -> pool.submit(() -> check(seed, DiffModes.forSeed(seed, modes)))).collect(java.util.stream.Collectors.toList());
        return IntStream.range(0, count).mapToObj(k -> DynamicTest.dynamicTest(
            "seed " + (first + k) + " " + DiffModes.forSeed(first + k, modes), () -> await(done.get(k))));
    }

    private static void await(Future<?> f) throws Throwable {
        try {
            f.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void check(long seed, List<String> modes) {
        VeclRunner runner = RUNNER.get();
        ProgramGenerator.Program p = ProgramGenerator.generate(seed);
        String path = write(WORK, p);
        VeclRunner.Result ref;
        try {
            ref = runner.run(DiffModes.REFERENCE, path);
        } catch (VeclRunner.LauncherMissing e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        StringBuilder problems = new StringBuilder();
        String invalid = Expectations.violation(p, path, ref);
        if (invalid != null) {
            problems.append("mode off: ").append(invalid).append('\n');
        }
        Map<String, VeclRunner.Result> results = new LinkedHashMap<>();
        String culprit = null;
        for (String mode : modes) {
            VeclRunner.Result got = runner.run(mode, path);
            results.put(mode, got);
            if (!got.equals(ref)) {
                culprit = culprit == null ? mode : culprit;
                problems.append("mode ").append(mode).append(" differs from off: ").append(firstDifference(ref, got)).append('\n');
                save(p, mode, got);
            }
        }
        if (!problems.isEmpty()) {
            String failed = write(FAILURES, p);
            save(p, DiffModes.REFERENCE, ref);
            fail("seed " + seed + " (" + p.features() + ")\n" + problems
                + "reproduce: vecl " + DiffModes.describe(culprit == null ? DiffModes.REFERENCE : culprit) + " " + failed
                + "\n=== program ===\n" + p.text() + "=== off: " + ref.describe()
                + results.entrySet().stream().map(e -> "=== " + e.getKey() + ": " + e.getValue().describe()).reduce("", String::concat));
        }
    }

    static String firstDifference(VeclRunner.Result a, VeclRunner.Result b) {
        if (a.exit() != b.exit()) {
            return "exit " + a.exit() + " vs " + b.exit();
        }
        String which = a.out().equals(b.out()) ? "stderr" : "stdout";
        String[] x = (which.equals("stdout") ? a.out() : a.err()).split("\n", -1);
        String[] y = (which.equals("stdout") ? b.out() : b.err()).split("\n", -1);
        for (int k = 0; k < Math.max(x.length, y.length); k++) {
            String l = k < x.length ? x[k] : "<end>";
            String m = k < y.length ? y[k] : "<end>";
            if (!l.equals(m)) {
                return which + " line " + (k + 1) + ": '" + l + "' vs '" + m + "'";
            }
        }
        return which;
    }

    /** Writes the program as {@code dir/seed-N.vl}, returns the path as given to the launcher. */
    static String write(Path dir, ProgramGenerator.Program p) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve("seed-" + p.seed() + ".vl");
            Files.writeString(f, p.text());
            return f.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void save(ProgramGenerator.Program p, String mode, VeclRunner.Result r) {
        try {
            Files.createDirectories(FAILURES);
            Files.writeString(FAILURES.resolve("seed-" + p.seed() + "." + mode + ".txt"), r.describe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
