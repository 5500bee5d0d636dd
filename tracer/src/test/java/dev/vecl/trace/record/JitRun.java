package dev.vecl.trace.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** Runs a VecL program in a fresh context with the JIT set up for tests, returning stdout (+ the error) and the jit log. */
final class JitRun {
    final String output;
    final String log;

    private JitRun(String output, String log) {
        this.output = output;
        this.log = log;
    }

    /**
     * @param jit {@code off} or {@code trace}
     * @param executor {@code reference} (traces run in the IR's reference interpreter) or {@code none}
     */
    static JitRun run(String program, String jit, String executor, int threshold) {
        String old = System.getProperty("vecl.TraceExecutor");
        System.setProperty("vecl.TraceExecutor", executor);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Path logFile = Files.createTempFile("vecl-jit", ".log");
            try (Context c = Context.newBuilder("vecl").out(out).err(out).option("engine.WarnInterpreterOnly", "false")
                            .option("vecl.Jit", jit).option("vecl.JitThreshold", Integer.toString(threshold))
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
            }
            String log = Files.readString(logFile);
            Files.deleteIfExists(logFile);
            return new JitRun(out.toString(StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (old == null) {
                System.clearProperty("vecl.TraceExecutor");
            } else {
                System.setProperty("vecl.TraceExecutor", old);
            }
        }
    }

    /** The text of trace section {@code stage} of the first trace whose header contains {@code loop}. */
    String trace(String loop, String stage) {
        StringBuilder sb = null;
        for (String line : log.split("\n")) {
            if (line.startsWith("# ")) {
                if (sb != null) {
                    return sb.toString();
                }
                if (line.startsWith("# trace ") && line.contains(loop) && line.endsWith(" " + stage)) {
                    sb = new StringBuilder();
                }
                continue;
            }
            if (sb != null) {
                sb.append(line).append('\n');
            }
        }
        return sb == null ? null : sb.toString();
    }
}
