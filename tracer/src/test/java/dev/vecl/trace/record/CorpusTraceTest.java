package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance corpus (tests/src/test/resources/corpus) with every loop traced from its second
 * header visit and the traces run by the reference executor: output and errors must be the
 * interpreter's. Abort reasons over the corpus are printed at the end.
 */
class CorpusTraceTest {
    static final Path CORPUS = Path.of("../tests/src/test/resources/corpus");
    static final Map<String, Integer> ABORTS = new TreeMap<>();
    static int traces;
    static int entered;

    static List<Path> programs() throws IOException {
        if (!Files.isDirectory(CORPUS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".vl")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("programs")
    void sameAsInterpreter(Path program) throws IOException {
        assumeTrue(Files.isRegularFile(program));
        String text = Files.readString(program);
        String off = JitRun.run(text, "off", "none", 2).output;
        JitRun r = JitRun.run(text, "trace", "reference", 2);
        assertEquals(off, r.output, () -> program + " differs in trace mode; jit log:\n" + r.log);
        Matcher m = Pattern.compile("# event abort loop=\\S+ reason=(\\S+)").matcher(r.log);
        synchronized (ABORTS) {
            while (m.find()) {
                ABORTS.merge(m.group(1), 1, Integer::sum);
            }
            traces += r.log.split("# trace \\d+ loop \\S+ optimized", -1).length - 1;
            entered += r.log.contains("# event exit trace=") ? 1 : 0;
        }
    }

    @AfterAll
    static void summary() {
        System.out.println("corpus in trace mode: " + traces + " traces, " + entered + " programs ran traces; aborts " + ABORTS);
    }
}
