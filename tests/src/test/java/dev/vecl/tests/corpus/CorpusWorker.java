package dev.vecl.tests.corpus;

import dev.vecl.launcher.Launcher;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Runs corpus programs in-process through {@link Launcher#run}, inside a child JVM whose working
 * directory is (a copy of) the corpus root, so relative paths (the program path, data files read
 * with {@code read_text}, PGM files written) resolve exactly as for a user in that directory.
 *
 * <p>Protocol: each stdin line is a job, tab-separated: {@code id}, then the launcher's argv.
 * For each job one line goes to the real stdout:
 * {@code RESULT id exit base64(stdout) base64(stderr) base64(stray) millis}, where stray is
 * whatever was written to {@code System.out}/{@code System.err} instead of the given streams.
 * A Java exception escaping {@code Launcher.run} is reported as exit -1 with its stack trace.
 */
public final class CorpusWorker {
    private CorpusWorker() {
    }

    public static void main(String[] unused) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream strayStream = new PrintStream(stray, true, StandardCharsets.UTF_8);
        System.setOut(strayStream);
        System.setErr(strayStream);
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        protocol.println("READY");
        String line;
        while ((line = jobs.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            String id = fields[0];
            String[] argv = Arrays.copyOfRange(fields, 1, fields.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            stray.reset();
            int exit;
            long t0 = System.nanoTime();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                try {
                    exit = Launcher.run(argv, new ByteArrayInputStream(new byte[0]), o, e);
                } catch (Throwable t) {
                    StringWriter sw = new StringWriter();
                    t.printStackTrace(new PrintWriter(sw));
                    e.print("[Java exception escaped Launcher.run]\n" + sw);
                    exit = -1;
                }
                o.flush();
                e.flush();
            }
            strayStream.flush();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            Base64.Encoder b64 = Base64.getEncoder();
            protocol.println("RESULT " + id + " " + exit + " " + b64.encodeToString(out.toByteArray()) + " "
                    + b64.encodeToString(err.toByteArray()) + " " + b64.encodeToString(stray.toByteArray())
                    + " " + millis);
        }
    }
}
