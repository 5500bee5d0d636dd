package dev.vecl.tests.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code vecl} command run in-process through {@code Launcher.run}. */
class LauncherTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertRun(LauncherRun r, int status, String out, String err) {
        assertEquals(err, r.err(), r::toString);
        assertEquals(out, r.out(), r::toString);
        assertEquals(status, r.status(), r::toString);
    }

    @Test
    void theEngineIsTheOptimizingOne() {
        try (Engine engine = Engine.create()) {
            assertEquals("GraalVM CE", engine.getImplementationName(),
                    "Truffle fell back to the interpreter: the Graal compiler jars are not on --upgrade-module-path");
        }
    }

    @Test
    void help() {
        LauncherRun r = LauncherRun.of("--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("usage: vecl "), r::toString);
        for (String option : new String[] {"--jit=off|trace|vec", "--jitlog=FILE", "--jit-stats", "--jit-threshold=N",
                "--jit-reassociate", "--vecl.NAME=VALUE", "--engine.NAME=VALUE", "-c CODE", "--version"}) {
            assertTrue(r.out().contains(option), () -> "help does not mention " + option + "\n" + r);
        }
        // the language's own options, as it declares them, with their defaults
        assertTrue(r.out().contains("--vecl.JitThreshold") && r.out().contains("Default: "), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void version() {
        LauncherRun r = LauncherRun.of("--version");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().matches("vecl \\d+\\.\\d+\\.\\d+ \\(GraalVM \\d+(\\.\\d+)+, JDK 25[0-9.]*\\)\n"), r::toString);
        assertEquals("", r.err(), "a warning here means the Graal compiler is not active");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertRun(LauncherRun.of("--bogus", "prog.vl"), 2, "",
                "vecl: unknown option '--bogus'\nTry 'vecl --help' for more information.\n");
        assertRun(LauncherRun.of("-c"), 2, "",
                "vecl: option -c requires an argument (the program's code)\nTry 'vecl --help' for more information.\n");
    }

    @Test
    void unknownLanguageOptionIsAUsageError() {
        LauncherRun r = LauncherRun.of("--vecl.NoSuchOption=1", "-c", "print(1)");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("vecl: ") && r.err().contains("vecl.NoSuchOption"), r::toString);
        assertEquals("", r.out());
    }

    @Test
    void missingFile() {
        assertRun(LauncherRun.of("no/such/prog.vl"), 2, "",
                "vecl: can't open file 'no/such/prog.vl': No such file or directory\n");
    }

    @Test
    void runsAFile() throws IOException {
        Path prog = write("hello.vl", "print(\"Hello, VecL!\")\n");
        assertRun(LauncherRun.of(prog.toString()), 0, "Hello, VecL!\n", "");
    }

    @Test
    void runsCode() {
        assertRun(LauncherRun.of("-c", "print(1 + 2)"), 0, "3\n", "");
    }

    @Test
    void runsStandardInput() {
        assertRun(LauncherRun.withStdin("print('from stdin')\n", "-"), 0, "from stdin\n", "");
        // no program and no terminal: the program is read from standard input
        assertRun(LauncherRun.withStdin("x = 2\nprint(x * 21)\n"), 0, "42\n", "");
    }

    @Test
    void argumentsAfterTheProgramAreItsArgv() throws IOException {
        assertRun(LauncherRun.of("-c", "print(argv)", "a", "b c"), 0, "['a', 'b c']\n", "");
        Path prog = write("args.vl", "print(len(argv), argv)\n");
        assertRun(LauncherRun.of("--jit=off", prog.toString(), "--jit=vec", "-c"), 0, "2 ['--jit=vec', '-c']\n", "");
        assertRun(LauncherRun.withStdin("print(argv)", "-", "x"), 0, "['x']\n", "");
        assertRun(LauncherRun.of("-c", "print(argv)"), 0, "[]\n", "");
    }

    @Test
    void programErrorIsReportedAtItsLocation() throws IOException {
        Path prog = write("index.vl", """
                a = zeros(10)
                print("before")
                i = 9
                if i > 0:
                    y = a[i + 1]
                print("after")
                """);
        assertRun(LauncherRun.of(prog.toString()), 1, "before\n", prog + """
                :5:9: IndexError: index 10 is out of bounds for array of length 10
                    y = a[i + 1]
                        ^
                """);
    }

    @Test
    void errorInsideAFunctionIsReportedWhereItHappens() {
        String code = "def f(n):\n    return n // 0\nprint(f(3))\n";
        assertRun(LauncherRun.of("-c", code), 1, "",
                "<string>:2:12: ZeroDivisionError: integer division or modulo by zero\n    return n // 0\n           ^\n");
    }

    @Test
    void nameErrorOnStandardInput() {
        assertRun(LauncherRun.withStdin("print(1)\nprint(undefined_name)\n", "-"), 1, "1\n",
                "<stdin>:2:7: NameError: name 'undefined_name' is not defined\nprint(undefined_name)\n      ^\n");
    }

    @Test
    void syntaxErrorIsReportedLikeOtherErrors() {
        LauncherRun r = LauncherRun.of("-c", "x = 1\ny = (1 +\n");
        assertEquals(1, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().matches("<string>:\\d+:\\d+: SyntaxError: [^\n]+\n([^\n]*\n *\\^\n)?"), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
    }

    @Test
    void anUnexpectedJavaExceptionIsAnInternalError() {
        // An output stream that fails with a RuntimeException is not a program error: whatever
        // the language does with it, the launcher must turn it into one line and status 70.
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("the output device is broken");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw new IllegalStateException("the output device is broken");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = LauncherRun.run("", new PrintStream(broken, true, StandardCharsets.UTF_8), err, "-c", "print(1)");
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(70, status, text);
        assertTrue(text.startsWith("vecl: internal error: "), text);
        if (!"1".equals(System.getenv("VECL_DEBUG"))) {
            assertEquals(1, text.lines().count(), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"off", "trace", "vec"})
    void everyJitModeRunsTheSameProgram(String mode) {
        String loop = "s = 0\nfor i in range(2000):\n    s += i\nprint(s)\n";
        assertRun(LauncherRun.of("--jit=" + mode, "--jit-threshold=10", "-c", loop), 0, "1999000\n", "");
    }

    @Test
    void jitAndEngineOptionsAreAccepted() throws IOException {
        Path log = dir.resolve("jit.log");
        LauncherRun r = LauncherRun.of("--jit=vec", "--jitlog=" + log, "--jit-reassociate",
                "--vecl.JitThreshold=5", "--engine.BackgroundCompilation=false", "-c", "print(sum(arange(10)))");
        assertEquals(0, r.status(), r::toString);
        assertEquals("45\n", r.out(), r::toString);
    }

    @Test
    void invalidOptionValueIsAUsageError() {
        LauncherRun r = LauncherRun.of("--jit=sideways", "-c", "print(1)");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("vecl: "), r::toString);
    }
}
