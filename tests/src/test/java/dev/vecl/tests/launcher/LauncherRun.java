package dev.vecl.tests.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.vecl.launcher.Launcher;

/** One in-process run of the {@code vecl} command: exit status and what it printed. */
record LauncherRun(int status, String out, String err) {
    static LauncherRun withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(stdin, new PrintStream(out, true, StandardCharsets.UTF_8), err, args);
        return new LauncherRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static LauncherRun of(String... args) {
        return withStdin("", args);
    }

    static int run(String stdin, PrintStream out, OutputStream err, String... args) {
        return Launcher.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
