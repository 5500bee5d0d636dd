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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    /** One polyglot engine per mode, shared by every runner (contexts of one engine may run on several threads). */
    private static final Map<String, Engine> engines = new ConcurrentHashMap<>();

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

    private static final long TIMEOUT_SECONDS = Long.getLong("vecl.diff.timeout", 120);
    private ExecutorService executor = newExecutor();

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vecl-differential-run");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs the program on a worker thread so that a run that never ends (a miscompiled loop) fails
     * its seed after {@code -Dvecl.diff.timeout} seconds instead of hanging the suite; the stuck
     * thread is abandoned (daemon) and later runs use a fresh one.
     */
    Result run(String mode, String programPath) {
        Future<Result> f = executor.submit(() -> runHere(mode, programPath));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            return new Result(-2, "", "<timed out after " + TIMEOUT_SECONDS + " s>");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LauncherMissing lm) {
                throw lm;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private Result runHere(String mode, String programPath) {
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
        executor.shutdownNow();
    }

    static void closeEngines() {
        engines.values().forEach(e -> e.close(true));
        engines.clear();
    }
}
