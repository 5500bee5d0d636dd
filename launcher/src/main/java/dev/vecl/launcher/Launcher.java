package dev.vecl.launcher;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The {@code vecl} command. {@link #run} is the in-process entry point the tests use, so the
 * corpus exercises exactly what users run. OWNER: launcher helper (this is the contract stub).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /**
     * Runs the command line {@code args} (as given after {@code vecl}), e.g.
     * {@code ["--jit=off", "prog.vl", "arg1"]}, and returns the process exit status:
     * 0 success, 1 a program error (printed to {@code err} in the spec's format), 2 usage error,
     * 70 internal error.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("launcher not implemented yet");
    }
}
