package dev.vecl.trace.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;

/**
 * The {@code --jitlog} file: traces in their text form (so a logged trace can be pasted into an
 * optimizer test) between headers, and one-line events. Every line that is not trace text starts
 * with {@code #}, so a trace section parses with {@link TraceText#parse} as it stands.
 *
 * <pre>
 * # trace 3 loop main@4 optimized (LoopPeel, 0.4 ms)
 * [p0: ref, i1: int]
 * ...
 * # event guard-exit trace=3 op=7 count=1
 * </pre>
 */
public final class JitLog implements AutoCloseable {
    private final Writer out;

    public JitLog(Writer out) {
        this.out = out;
    }

    public static JitLog open(Path file) {
        try {
            return new JitLog(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A trace at one stage ("recorded", a pass name, "compiled"). */
    public synchronized void trace(int id, String what, String stage, Trace t) {
        write("# trace " + id + " " + what + " " + stage + "\n" + TraceText.print(t));
    }

    /** One event line: {@code kind key=value ...}. */
    public synchronized void event(String kind, String details) {
        write("# event " + kind + (details.isEmpty() ? "" : " " + details) + "\n");
    }

    private void write(String s) {
        try {
            out.write(s);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
