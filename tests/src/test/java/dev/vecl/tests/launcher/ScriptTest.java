package dev.vecl.tests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code ./vecl} script as a process; skipped when the launcher has not been built. */
class ScriptTest {
    static Path root;

    @BeforeAll
    static void findBuild() {
        String configured = System.getProperty("vecl.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("vecl")) && Files.isDirectory(p.resolve("launcher"))) {
                root = p;
                break;
            }
        }
        Assumptions.assumeTrue(root != null, "the vecl script was not found");
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("launcher/target/vecl-launch.txt")),
                "the launcher is not built (launcher/target/vecl-launch.txt)");
    }

    record Proc(int status, String out, String err) {
    }

    static Proc vecl(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("vecl").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().put("VECL_NO_REBUILD", "1"); // never start Maven from inside a test
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile("vecl-out", ".txt");
        Path err = Files.createTempFile("vecl-err", ".txt");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "vecl did not finish");
            return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void helloWorld() throws Exception {
        Proc p = vecl(root, "examples/hello.vl");
        assertEquals("", p.err(), "stderr must be clean (no JVM warnings)");
        assertEquals("Hello, VecL!\n", p.out());
        assertEquals(0, p.status());
    }

    @Test
    void relativePathsStayRelativeToTheCallersDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("oops.vl"), "print('first')\nx = [1, 2][5]\n");
        Proc p = vecl(dir, "oops.vl", "arg");
        assertEquals("first\n", p.out());
        assertEquals("oops.vl:2:5: IndexError: list index out of range\nx = [1, 2][5]\n    ^\n", p.err());
        assertEquals(1, p.status());
    }

    @Test
    void versionThroughTheScript() throws Exception {
        Proc p = vecl(root, "--version");
        assertEquals(0, p.status(), p.err());
        assertTrue(p.out().startsWith("vecl "), p.out());
        assertEquals("", p.err());
    }
}
