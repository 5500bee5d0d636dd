package dev.vecl.tests.corpus;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance corpus: every {@code .vl} program under {@code src/test/resources/corpus}, in
 * every execution mode ({@link Modes}), compared with its expected stdout, stderr and exit status.
 *
 * <p>How programs run: child JVMs ({@link CorpusWorker}, same JVM flags and class path as this
 * one), {@code -Dvecl.corpus.workers} of them (default 2: most of a program's time is one thread,
 * interpreting or compiling, so two use both cores of a CI machine), each working in its own fresh copy of the
 * corpus in {@code target/corpus-run-N}; a program runs in every mode on the same worker. A worker calls
 * {@code Launcher.run} in-process for each program with the program's path relative to the corpus
 * root, e.g. {@code errors/index/list_oob.vl}, exactly as a user would type it there. The child
 * JVM is what makes relative paths robust (the JVM's working directory cannot be changed
 * in-process), keeps files programs write out of the source tree, and isolates hangs and crashes:
 * a program that times out or kills the JVM fails alone and the worker restarts.
 *
 * <p>System properties: {@code -Dvecl.corpus.filter=sub1,sub2} (path substrings),
 * {@code -Dvecl.modes=off} (modes), {@code -Dvecl.corpus.timeout=60} (seconds per program),
 * {@code -Dvecl.corpus.extraArgs="..."} (more launcher options for every mode).
 */
public class CorpusTest {

    static final List<String> ERROR_KINDS = List.of("SyntaxError", "NameError", "TypeError", "ValueError",
            "IndexError", "ZeroDivisionError", "AssertionError", "AttributeError", "OverflowError",
            "RecursionError", "OSError");

    static Path corpusRoot() {
        URL url = CorpusTest.class.getResource("/corpus");
        if (url != null && url.getProtocol().equals("file")) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        Path p = Path.of(System.getProperty("vecl.root", "."), "tests", "src", "test", "resources", "corpus");
        assertTrue(Files.isDirectory(p), "corpus not found at " + p);
        return p;
    }

    static List<CorpusProgram> selectedPrograms() {
        String filter = System.getProperty("vecl.corpus.filter", "").trim();
        List<CorpusProgram> all = CorpusProgram.load(corpusRoot());
        if (filter.isEmpty()) {
            return all;
        }
        List<String> subs = List.of(filter.split(","));
        return all.stream().filter(p -> subs.stream().anyMatch(s -> p.path().contains(s.trim()))).toList();
    }

    /** A fresh copy of the corpus for programs to run in (they may write files). */
    static Path prepareRunDirectory(Path root, int worker) {
        Path run = Path.of("target", "corpus-run-" + worker).toAbsolutePath();
        try {
            if (Files.exists(run)) {
                try (Stream<Path> s = Files.walk(run)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.toList()) {
                    Path target = run.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return run;
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        List<CorpusProgram> programs = selectedPrograms();
        long timeout = TimeUnit.SECONDS.toMillis(Long.getLong("vecl.corpus.timeout", 60));
        int workers = Math.max(1, Integer.getInteger("vecl.corpus.workers", 2));
        List<WorkerClient> clients = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            clients.add(new WorkerClient(prepareRunDirectory(corpusRoot(), w), timeout));
        }
        Map<String, List<DynamicNode>> byMode = new TreeMap<>(Comparator.comparingInt(Modes.selected()::indexOf));
        for (String mode : Modes.selected()) {
            List<DynamicNode> tests = new ArrayList<>();
            for (int k = 0; k < programs.size(); k++) {
                CorpusProgram prog = programs.get(k);
                WorkerClient client = clients.get(k % workers);
                List<String> argv = new ArrayList<>(Modes.launcherArgs(mode));
                if (!mode.equals("off")) {
                    argv.add("--jit-stats");
                }
                argv.add(prog.path());
                argv.addAll(prog.args());
                WorkerClient.Job job = client.add(mode + ":" + prog.path(), argv);
                tests.add(DynamicTest.dynamicTest(prog.path(), () -> check(mode, prog, argv,
                        job.result().get(timeout * 4 + 300_000, TimeUnit.MILLISECONDS))));
            }
            byMode.put(mode, tests);
        }
        clients.forEach(WorkerClient::startInBackground);
        return byMode.entrySet().stream().map(e -> DynamicContainer.dynamicContainer("mode " + e.getKey(), e.getValue()));
    }

    /** Per JIT mode, the {@code --jit-stats} counters summed over the corpus. */
    static final Map<String, Map<String, Long>> JIT_TOTALS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern COUNTER = java.util.regex.Pattern.compile("([a-z][a-z -]*?) (\\d+)(?: ms)?(?=,|$| \\()");

    /** The counters of one {@code jit: } line, without the per-reason breakdowns in parentheses. */
    static Map<String, Long> counters(String line) {
        // reasons nest parentheses ("used as data (box_int) 2"): drop them innermost first
        String c = line.substring(5);
        for (String prev = null; !c.equals(prev);) {
            prev = c;
            c = c.replaceAll("\\s*\\([^()]*\\)", "");
        }
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        java.util.regex.Matcher m = COUNTER.matcher(c);
        while (m.find()) {
            out.merge(m.group(1).trim(), Long.parseLong(m.group(2)), Long::sum);
        }
        return out;
    }

    @Test
    void jitStatsCountersIgnoreNestedReasons() {
        assertEquals(Map.of("loops vectorized", 6L, "refused", 2L),
                counters("jit: loops vectorized 6, refused 2 (induction variable used as data (cast_int_to_float) 1, unsupported op f32_eq 1)"));
    }

    /** Takes the {@code jit: } lines that --jit-stats prints at exit out of a JIT run's stderr and adds them up. */
    static WorkerClient.Result takeJitStats(String mode, WorkerClient.Result r) {
        List<String> lines = new ArrayList<>(r.err().lines().toList());
        // the block is printed when the context closes: after the output, before an error report
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith("jit: loops recorded")) {
            start++;
        }
        if (start == lines.size()) {
            return r;
        }
        int end = start;
        while (end < lines.size() && lines.get(end).startsWith("jit: ")) {
            end++;
        }
        Map<String, Long> totals = JIT_TOTALS.computeIfAbsent(mode, m -> new java.util.concurrent.ConcurrentHashMap<>());
        totals.merge("programs", 1L, Long::sum);
        for (String l : lines.subList(start, end)) {
            counters(l).forEach((k, v) -> totals.merge(k, v, Long::sum));
        }
        List<String> rest = new ArrayList<>(lines.subList(0, start));
        rest.addAll(lines.subList(end, lines.size()));
        String err = rest.stream().map(x -> x + "\n").collect(java.util.stream.Collectors.joining());
        return new WorkerClient.Result(r.exit(), r.out(), err, r.stray(), r.millis());
    }

    /**
     * The JIT really ran the corpus: loops were recorded, every recorded loop was compiled by Graal
     * (none refused, none failed) and compiled traces were entered. Printed, and written to
     * {@code target/corpus-jit-stats.txt}.
     */
    @org.junit.jupiter.api.AfterAll
    static void jitStatsShowCompiledLoops() throws IOException {
        if (JIT_TOTALS.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(JIT_TOTALS).forEach((mode, t) -> sb.append("corpus --jit=").append(mode).append(": ").append(new TreeMap<>(t)).append('\n'));
        System.out.print(sb);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus-jit-stats.txt"), sb.toString());
        boolean whole = System.getProperty("vecl.corpus.filter", "").isBlank();
        for (Map.Entry<String, Map<String, Long>> e : JIT_TOTALS.entrySet()) {
            Map<String, Long> t = e.getValue();
            long recorded = t.getOrDefault("loops recorded", 0L);
            assertEquals(0L, t.getOrDefault("compile failures", 0L), "mode " + e.getKey() + ": compile failures " + t);
            assertEquals(recorded, (long) t.getOrDefault("compiled", 0L), "mode " + e.getKey() + ": every recorded loop is compiled " + t);
            if (whole) {
                assertTrue(recorded >= 100, "mode " + e.getKey() + ": the corpus's hot loops were recorded " + t);
                assertTrue(t.getOrDefault("trace entries", 0L) >= recorded, "mode " + e.getKey() + ": compiled traces ran " + t);
                if (e.getKey().equals("vec") && !"false".equals(System.getProperty("vecl.Vectorize"))) {
                    // vec is the default mode: VecOpt really widens the corpus's loops (329 of 1236 recorded, 2026-12-02)
                    assertTrue(t.getOrDefault("loops vectorized", 0L) >= 200, "mode vec: loops were vectorized " + t);
                }
            }
        }
    }

    static void check(String mode, CorpusProgram prog, List<String> argv, WorkerClient.Result r) {
        assertNotNull(prog.expectedOut(), prog.path() + ": missing expected .out file");
        if (!mode.equals("off")) {
            r = takeJitStats(mode, r);
        }
        boolean ok = r.exit() == prog.expectedExit() && r.out().equals(prog.expectedOut())
                && r.err().equals(prog.expectedErr() == null ? "" : prog.expectedErr());
        if (ok) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(prog.path()).append(" [mode ").append(mode).append("]  vecl ").append(String.join(" ", argv)).append('\n');
        if (r.exit() == -2 || r.exit() == -3) {
            sb.append(r.stray()).append('\n');
        }
        sb.append("exit status: expected ").append(prog.expectedExit()).append(", got ").append(r.exit()).append('\n');
        sb.append(TextDiff.describe("stdout", prog.expectedOut(), r.out()));
        sb.append(TextDiff.describe("stderr", prog.expectedErr() == null ? "" : prog.expectedErr(), r.err()));
        if (!r.stray().isEmpty() && r.exit() > -2) {
            sb.append("--- written to System.out/System.err instead of the launcher's streams:\n").append(r.stray());
        }
        // the JUnit stack trace says nothing about the program; keep the report readable
        AssertionFailedError e = new AssertionFailedError(sb.toString());
        e.setStackTrace(new StackTraceElement[0]);
        throw e;
    }

    /** The corpus cannot silently shrink. */
    @Test
    void corpusIsLargeEnough() {
        List<CorpusProgram> all = CorpusProgram.load(corpusRoot());
        assertTrue(all.size() >= 200, "corpus has only " + all.size() + " programs");
    }

    /** Every error kind of the spec is exercised by several programs. */
    @Test
    void everyErrorKindIsCovered() {
        Map<String, Integer> count = new TreeMap<>();
        for (CorpusProgram p : CorpusProgram.load(corpusRoot())) {
            if (p.expectedErr() != null) {
                String head = p.expectedErr().lines().findFirst().orElse("");
                for (String kind : ERROR_KINDS) {
                    if (head.contains(": " + kind + ":") || head.endsWith(": " + kind)) {
                        count.merge(kind, 1, Integer::sum);
                    }
                }
            }
        }
        for (String kind : ERROR_KINDS) {
            assertTrue(count.getOrDefault(kind, 0) >= 3, kind + " is covered by only "
                    + count.getOrDefault(kind, 0) + " programs: " + count);
        }
    }

    /** Expected files have the spec's shape, so a typo cannot make a test vacuous. */
    @Test
    void expectationsAreWellFormed() {
        for (CorpusProgram p : CorpusProgram.load(corpusRoot())) {
            assertNotNull(p.expectedOut(), p.path() + " has no .out file");
            if (p.expectedErr() != null) {
                List<String> lines = p.expectedErr().lines().toList();
                assertEquals(3, lines.size(), p.path() + ".err must be header, source line, caret");
                assertTrue(lines.get(0).matches("\\Q" + p.path() + "\\E:\\d+:\\d+: [A-Za-z]+Error(: .*)?"),
                        p.path() + ".err header: " + lines.get(0));
                int col = Integer.parseInt(lines.get(0).split(":")[2]);
                assertEquals(" ".repeat(col - 1) + "^", lines.get(2), p.path() + ".err caret line");
                assertTrue(p.expectedErr().endsWith("\n"), p.path() + ".err must end with a newline");
            }
        }
    }
}
