package dev.vecl.launcher;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.atomic.AtomicInteger;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptor;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Language;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The {@code vecl} command. {@link #run} is the in-process entry point the tests use, so the
 * corpus exercises exactly what users run. It talks to the language only through the polyglot API.
 */
public final class Launcher {
    static final String LANGUAGE = "vecl";

    /**
     * Stack of the thread that runs the program: VecL calls are nested Java calls in the
     * interpreter, and the default 1 MB main-thread stack can overflow before the language's own
     * recursion limit is reached. Only touched pages are committed.
     */
    private static final long PROGRAM_STACK_BYTES = 512L << 20;

    private Launcher() {
    }

    public static void main(String[] args) {
        adoptStandardStreams();
        int status = run(args, System.in, System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line {@code args} (as given after {@code vecl}), e.g.
     * {@code ["--jit=off", "prog.vl", "arg1"]}, and returns the process exit status:
     * 0 success, 1 a program error (printed to {@code err} in the spec's format), 2 usage error,
     * 70 internal error.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine cl;
        try {
            cl = CommandLine.parse(args);
        } catch (CommandLine.UsageError e) {
            err.println("vecl: " + e.getMessage());
            err.println("Try 'vecl --help' for more information.");
            err.flush();
            return ErrorReport.USAGE;
        }
        switch (cl.mode) {
            case HELP -> {
                printHelp(out);
                return 0;
            }
            case VERSION -> {
                return printVersion(out, err);
            }
            default -> {
                return onProgramThread(() -> execute(cl, in, out, err), err);
            }
        }
    }

    private static int execute(CommandLine cl, InputStream in, PrintStream out, PrintStream err) {
        boolean interactive = cl.mode == CommandLine.Mode.DEFAULT && in == System.in && Repl.terminalAttached();
        Source source = null;
        if (!interactive) {
            try {
                source = load(cl, in);
            } catch (IOException e) {
                out.flush();
                if (cl.mode == CommandLine.Mode.FILE) {
                    err.println("vecl: can't open file '" + cl.program + "': " + describe(e));
                } else {
                    err.println("vecl: can't read the program from standard input: " + describe(e));
                }
                err.flush();
                return ErrorReport.USAGE;
            }
        }

        Context context;
        try {
            Context.Builder builder = Context.newBuilder(LANGUAGE)
                    .in(in)
                    .out(out)
                    .err(err)
                    .allowIO(IOAccess.ALL)
                    .allowExperimentalOptions(true)
                    .arguments(LANGUAGE, cl.argv.toArray(String[]::new));
            cl.options.forEach(builder::option);
            context = builder.build();
        } catch (IllegalArgumentException e) {
            // Truffle validates option names and values when the context is built
            err.println("vecl: " + e.getMessage());
            err.flush();
            return cl.options.isEmpty() ? ErrorReport.INTERNAL : ErrorReport.USAGE;
        }

        int status;
        try (context) {
            if (interactive) {
                status = Repl.run(context, out, err);
            } else {
                context.eval(source);
                status = 0;
            }
        } catch (PolyglotException e) {
            status = ErrorReport.report(e, out, err);
        } finally {
            out.flush();
            err.flush();
        }
        return status;
    }

    private static Source load(CommandLine cl, InputStream in) throws IOException {
        return switch (cl.mode) {
            case FILE -> Source.newBuilder(LANGUAGE, new File(cl.program))
                    .name(cl.program)
                    .encoding(StandardCharsets.UTF_8)
                    .build();
            case CODE -> Source.newBuilder(LANGUAGE, cl.program, "<string>").buildLiteral();
            default -> Source.newBuilder(LANGUAGE, new String(in.readAllBytes(), StandardCharsets.UTF_8), "<stdin>")
                    .buildLiteral();
        };
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Runs {@code body} on a thread with a large stack; unexpected Java exceptions are internal errors. */
    private static int onProgramThread(java.util.function.IntSupplier body, PrintStream err) {
        AtomicInteger status = new AtomicInteger(ErrorReport.INTERNAL);
        Thread thread = new Thread(null, () -> {
            try {
                status.set(body.getAsInt());
            } catch (PolyglotException e) {
                status.set(ErrorReport.internal(e, err));
            } catch (RuntimeException | Error e) {
                status.set(ErrorReport.internal(e, err));
            }
        }, "vecl-main", PROGRAM_STACK_BYTES);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return status.get();
    }

    /** The usage text, then the language's own options as it declares them (names, syntax, defaults). */
    private static void printHelp(PrintStream out) {
        out.print(CommandLine.USAGE);
        try (Engine engine = Engine.create()) {
            Language language = engine.getLanguages().get(LANGUAGE);
            if (language != null) {
                out.println();
                out.println("VecL options (the language's own; the aliases above set them):");
                for (OptionDescriptor d : language.getOptions()) {
                    if (d.getCategory() == OptionCategory.INTERNAL || d.isDeprecated()) {
                        continue;
                    }
                    Object def = d.getKey().getDefaultValue();
                    String syntax = d.getUsageSyntax() == null ? "" : "=" + d.getUsageSyntax();
                    out.println("  --" + d.getName() + syntax);
                    out.println("      " + d.getHelp() + (def == null || "".equals(def) ? "" : " Default: " + def + "."));
                }
            }
        } catch (RuntimeException e) {
            // the static text above is still right
        }
        out.flush();
    }

    private static int printVersion(PrintStream out, PrintStream err) {
        try (Engine engine = Engine.create()) {
            Language language = engine.getLanguages().get(LANGUAGE);
            String languageVersion = language == null ? "(language not installed)" : language.getVersion();
            out.println("vecl " + languageVersion + " (GraalVM " + graalVersion(engine) + ", JDK "
                    + System.getProperty("java.version") + ")");
            out.flush();
            if (!"GraalVM CE".equals(engine.getImplementationName())) {
                err.println("vecl: warning: the Graal compiler is not active (engine: "
                        + engine.getImplementationName() + "); compiled traces will run interpreted");
                err.flush();
            }
            return language == null ? ErrorReport.INTERNAL : 0;
        }
    }

    /** The polyglot release; {@code Engine.getVersion()} says "Development Build" for the Maven jars. */
    private static String graalVersion(Engine engine) {
        try (InputStream v = Engine.class.getResourceAsStream("/META-INF/graalvm/org.graalvm.polyglot/version")) {
            if (v != null) {
                String s = new String(v.readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        } catch (IOException e) {
            // fall through to the engine's own answer
        }
        return engine.getVersion();
    }

    /**
     * The {@code vecl} script starts the JVM with fd 2 filtered (the JVM's unsuppressible
     * "Using incubator modules" warning) and the real standard error on another descriptor, named
     * by {@code -Dvecl.stderr.fd}; it also says whether standard output is a terminal. Output to a
     * file or pipe is block-buffered (as Python does), and flushed at exit and before any error.
     */
    private static void adoptStandardStreams() {
        String fd = System.getProperty("vecl.stderr.fd");
        if (fd != null) {
            try {
                FileDescriptor descriptor = new FileDescriptor();
                var field = FileDescriptor.class.getDeclaredField("fd");
                field.setAccessible(true);
                field.setInt(descriptor, Integer.parseInt(fd));
                System.setErr(new PrintStream(new FileOutputStream(descriptor), true, System.err.charset()));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // keep the filtered stream: everything still arrives, only less directly
            }
        }
        if ("true".equals(System.getProperty("vecl.stdout.buffered"))) {
            System.setOut(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                    false, System.out.charset()));
        }
    }
}
