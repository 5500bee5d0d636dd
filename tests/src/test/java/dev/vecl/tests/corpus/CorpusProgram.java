package dev.vecl.tests.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One corpus program: {@code name.vl}, its expected stdout {@code name.out}, expected stderr
 * {@code name.err} (present iff the program ends in an error, exit status 1) and optional
 * arguments {@code name.args} (one per line).
 *
 * @param path the path relative to the corpus root with '/' separators; it is what the runner
 *             passes to the launcher and what error reports name
 */
public record CorpusProgram(String path, String expectedOut, String expectedErr, int expectedExit,
                            List<String> args) {

    public static List<CorpusProgram> load(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".vl"))
                    .map(p -> of(root, p))
                    .sorted((a, b) -> a.path.compareTo(b.path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusProgram of(Path root, Path vl) {
        String rel = root.relativize(vl).toString().replace('\\', '/');
        String base = vl.toString().substring(0, vl.toString().length() - 3);
        String out = readOrNull(Path.of(base + ".out"));
        String err = readOrNull(Path.of(base + ".err"));
        String argsText = readOrNull(Path.of(base + ".args"));
        List<String> args = new ArrayList<>();
        if (argsText != null) {
            args.addAll(Arrays.asList(argsText.split("\n", -1)));
            if (!args.isEmpty() && args.getLast().isEmpty()) {
                args.removeLast();
            }
        }
        return new CorpusProgram(rel, out, err, err == null ? 0 : 1, List.copyOf(args));
    }

    static String readOrNull(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
