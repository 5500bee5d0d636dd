package dev.vecl.trace.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The recorder's programs with traces compiled by Graal ({@code GraalCompiler}, opted in with -Dvecl.TraceExecutor=graal), compilation synchronous and failures loud: output and errors must be the
 * interpreter's, the traces must have run as machine code, and the stats must print at close.
 */
class GraalExecutorTest {

    static String program(String name) {
        return switch (name) {
            case "W2" -> RecorderTest.W2;
            case "SUM" -> RecorderTest.SUM;
            case "CALL" -> RecorderTest.CALL;
            case "PRELUDE_ADD" -> RecorderTest.PRELUDE_ADD;
            case "BRANCH" -> RecorderTest.BRANCH;
            case "TYPE_CHANGE" -> RecorderTest.TYPE_CHANGE;
            case "INDEX_ERROR" -> RecorderTest.INDEX_ERROR;
            case "ERROR_IN_CALL" -> RecorderTest.ERROR_IN_CALL;
            case "FLOAT32" -> RecorderTest.FLOAT32;
            case "LISTS" -> RecorderTest.LISTS;
            case "GLOBALS" -> RecorderTest.GLOBALS;
            case "VIEWS" -> RecorderTest.VIEWS;
            case "INT32" -> RecorderTest.INT32;
            case "MATH" -> RecorderTest.MATH;
            case "MIXED" -> RecorderTest.MIXED;
            case "CALL_SHAPES" -> RecorderTest.CALL_SHAPES;
            case "GUARDS" -> RecorderTest.GUARDS;
            default -> throw new IllegalArgumentException(name);
        };
    }

    record Run(String output, String log) {
    }

    static Run run(String program, String jit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path logFile = Files.createTempFile("vecl-jit", ".log");
        String old = System.getProperty("vecl.TraceExecutor");
        System.setProperty("vecl.TraceExecutor", "graal");
        try (Context c = Context.newBuilder("vecl").allowExperimentalOptions(true).out(out).err(out).option("engine.WarnInterpreterOnly", "false")
                        .option("engine.BackgroundCompilation", "false").option("engine.MultiTier", "false")
                        .option("engine.CompilationFailureAction", "Throw")
                        .option("vecl.Jit", jit).option("vecl.JitThreshold", "7").option("vecl.JitStats", Boolean.toString(!jit.equals("off")))
                        .option("vecl.JitLog", jit.equals("off") ? "" : logFile.toString()).build()) {
            try {
                c.eval(Source.newBuilder("vecl", program, "test.vl").build());
            } catch (PolyglotException e) {
                if (e.isInternalError()) {
                    throw e;
                }
                String at = e.getSourceLocation() == null ? "" : " at " + e.getSourceLocation().getStartLine() + ":" + e.getSourceLocation().getStartColumn();
                out.writeBytes(("ERR " + e.getMessage() + at + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            if (old != null) {
                System.setProperty("vecl.TraceExecutor", old);
            } else {
                System.clearProperty("vecl.TraceExecutor");
            }
        }
        String log = Files.readString(logFile);
        Files.deleteIfExists(logFile);
        return new Run(out.toString(StandardCharsets.UTF_8), log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"W2", "SUM", "CALL", "PRELUDE_ADD", "BRANCH", "TYPE_CHANGE", "INDEX_ERROR", "ERROR_IN_CALL", "FLOAT32",
                    "LISTS", "GLOBALS", "VIEWS", "INT32", "MATH", "MIXED", "CALL_SHAPES", "GUARDS"})
    void sameAsInterpreter(String name) throws IOException {
        String p = program(name);
        String off = run(p, "off").output();
        Run r = run(p, "trace");
        // the stats go to the same stream at close: strip them before comparing
        StringBuilder out = new StringBuilder();
        String stats = "";
        for (String line : r.output().split("\n", -1)) {
            if (line.startsWith("jit: ")) {
                stats += line + "\n";
            } else {
                out.append(line).append('\n');
            }
        }
        String got = out.substring(0, out.length() - 1);
        assertEquals(off, got, () -> "trace mode (Graal) differs; jit log:\n" + r.log());
        assertTrue(stats.contains("jit: loops recorded"), () -> "no stats at context close:\n" + r.output());
        assertTrue(r.log().contains("executor=graal"), r.log());
        if (name.equals("W2") || name.equals("SUM")) {
            assertTrue(r.log().contains("# event compiled") && r.log().contains("# event exit"), () -> "the hot loop was not compiled and run:\n" + r.log());
        }
        if (r.log().contains("# event compiled")) {
            assertTrue(r.log().contains("machine_code=true"), () -> "synchronous compilation left no machine code:\n" + r.log());
        }
        assertFalse(r.log().contains("compile-failure"), () -> "compile failure:\n" + r.log());
    }
}
