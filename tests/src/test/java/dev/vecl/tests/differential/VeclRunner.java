package dev.vecl.tests.differential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.graalvm.polyglot.Engine;

import dev.vecl.launcher.Launcher;

/**
 * Runs a VecL program in-process through the {@code vecl} command's entry point, capturing its
 * standard output, standard error and exit status.
 *
 * <p>If the launcher offers {@code run(Engine, String[], InputStream, PrintStream, PrintStream)},
 * one polyglot Engine per mode is shared by all runs (engine options go to the Engine, the rest
 * to the command line); otherwise every run builds its own engine through
 * {@link Launcher#run(String[], java.io.InputStream, PrintStream, PrintStream)}.
 */
final class VeclRunner implements AutoCloseable {

    record Result(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    /** The launcher still throws this from its stub; tests are skipped, not failed, until it lands. */
    static final class LauncherMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LauncherMissing(Throwable cause) {
            super("dev.vecl.launcher.Launcher.run is not implemented yet: " + cause, cause);
        }
    }

    private static final Method SHARED_ENGINE_RUN = findSharedEngineRun();
    private final Map<String, Engine> engines = new HashMap<>();

    private static Method findSharedEngineRun() {
        if (Boolean.getBoolean("vecl.diff.noSharedEngine")) {
            return null;
        }
        try {
            return Launcher.class.getMethod("run", Engine.class, String[].class, java.io.InputStream.class, PrintStream.class,
                PrintStream.class);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static boolean sharesEngines() {
        return SHARED_ENGINE_RUN != null;
    }

    Result run(String mode, String programPath) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            ByteArrayInputStream in = new ByteArrayInputStream(new byte[0]);
            try {
                if (SHARED_ENGINE_RUN != null) {
                    List<String> args = new ArrayList<>(DiffModes.languageArgs(mode));
                    args.add(programPath);
                    Engine engine = engines.computeIfAbsent(mode,
                        m -> Engine.newBuilder("vecl").options(DiffModes.engineOptions(m)).build());
                    exit = (Integer) SHARED_ENGINE_RUN.invoke(null, engine, args.toArray(String[]::new), in, po, pe);
                } else {
                    List<String> args = new ArrayList<>(DiffModes.args(mode));
                    args.add(programPath);
                    exit = Launcher.run(args.toArray(String[]::new), in, po, pe);
                }
            } catch (InvocationTargetException e) {
                exit = thrown(e.getCause(), pe);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            } catch (RuntimeException | Error e) {
                exit = thrown(e, pe);
            }
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A Java exception escaping the launcher is itself a bug; it is recorded as exit -1 with its trace. */
    private static int thrown(Throwable t, PrintStream pe) {
        if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).contains("launcher not implemented")) {
            throw new LauncherMissing(t);
        }
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        pe.print("<java exception escaped Launcher.run> " + sw);
        return -1;
    }

    @Override
    public void close() {
        engines.values().forEach(Engine::close);
        engines.clear();
    }
}
