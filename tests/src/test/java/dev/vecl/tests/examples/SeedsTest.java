package dev.vecl.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed workloads (examples/seeds/*.vl) print checksums. In every JIT mode a program must
 * print exactly what it prints with the JIT off; with the JIT off it must print what CPython +
 * NumPy print for it (the .expected files, made with benchmarks/python/vlshim.py).
 */
class SeedsTest {
    static final String[] PROGRAMS = {"gsoc", "audio", "fields"};
    static final String[] MODES = {"off", "trace", "vec"};
    static final Map<String, String> OFF = new ConcurrentHashMap<>();

    static Path seeds() {
        return VeclRun.root().resolve("examples/seeds");
    }

    static Stream<Arguments> runs() {
        return Stream.of(PROGRAMS).flatMap(p -> Stream.of(MODES).map(m -> Arguments.of(p, m)));
    }

    static String offOutput(String program) {
        return OFF.computeIfAbsent(program,
                p -> VeclRun.run("--jit=off", seeds().resolve(p + ".vl").toString()).ok().out());
    }

    @ParameterizedTest(name = "{0}.vl --jit={1}")
    @MethodSource("runs")
    void sameOutputInEveryMode(String program, String mode) throws IOException {
        String off = offOutput(program);
        if (mode.equals("off")) {
            String expected = Files.readString(seeds().resolve(program + ".expected"));
            assertEquals(expected, off, program + ".vl with the JIT off vs CPython + NumPy");
            return;
        }
        String out = VeclRun.run("--jit=" + mode, "--jit-threshold=2", seeds().resolve(program + ".vl").toString()).ok().out();
        assertEquals(off, out, program + ".vl --jit=" + mode + " vs --jit=off");
    }
}
