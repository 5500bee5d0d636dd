package dev.vecl.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code vecl} command line asks for. Options come first and stop at the program (a path,
 * {@code -c CODE} or {@code -}); everything after the program is the program's own argv.
 */
final class CommandLine {
    enum Mode {
        /** Run the file at {@link #program}. */
        FILE,
        /** Run the code in {@link #program} ({@code -c}). */
        CODE,
        /** Run the program read from standard input ({@code -}). */
        STDIN,
        /** No program given: the REPL on a terminal, otherwise the program on standard input. */
        DEFAULT,
        HELP,
        VERSION
    }

    /** A command line that cannot be run; exit status 2. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    final Mode mode;
    final String program;
    final List<String> argv;
    /** Options for {@code Context.Builder.option}, in command-line order. */
    final Map<String, String> options;

    private CommandLine(Mode mode, String program, List<String> argv, Map<String, String> options) {
        this.mode = mode;
        this.program = program;
        this.argv = argv;
        this.options = options;
    }

    static CommandLine parse(String[] args) throws UsageError {
        Map<String, String> options = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new CommandLine(Mode.HELP, null, List.of(), options);
                }
                case "-V", "--version" -> {
                    return new CommandLine(Mode.VERSION, null, List.of(), options);
                }
                case "-c" -> {
                    if (i + 1 >= args.length) {
                        throw new UsageError("option -c requires an argument (the program's code)");
                    }
                    return new CommandLine(Mode.CODE, args[i + 1], rest(args, i + 2), options);
                }
                case "-" -> {
                    return new CommandLine(Mode.STDIN, null, rest(args, i + 1), options);
                }
                case "--" -> {
                    if (i + 1 >= args.length) {
                        return new CommandLine(Mode.DEFAULT, null, List.of(), options);
                    }
                    return new CommandLine(Mode.FILE, args[i + 1], rest(args, i + 2), options);
                }
                default -> {
                    if (!a.startsWith("-")) {
                        return new CommandLine(Mode.FILE, a, rest(args, i + 1), options);
                    }
                    option(a, options);
                }
            }
            i++;
        }
        return new CommandLine(Mode.DEFAULT, null, List.of(), options);
    }

    /** Options with a value: the launcher's aliases and Truffle's own {@code --group.Name[=value]}. */
    private static void option(String a, Map<String, String> options) throws UsageError {
        int eq = a.indexOf('=');
        String name = eq < 0 ? a : a.substring(0, eq);
        String value = eq < 0 ? null : a.substring(eq + 1);
        String flag = switch (name) {
            case "--jit-stats" -> "vecl.JitStats";
            case "--jit-reassociate" -> "vecl.JitReassociate";
            default -> null;
        };
        if (flag != null) {
            options.put(flag, value == null ? "true" : value);
            return;
        }
        String target = switch (name) {
            case "--jit" -> "vecl.Jit";
            case "--jitlog" -> "vecl.JitLog";
            case "--jit-threshold" -> "vecl.JitThreshold";
            default -> null;
        };
        if (target != null) {
            if (value == null || value.isEmpty()) {
                throw new UsageError("option " + name + " requires a value (" + name + "=...)");
            }
            options.put(target, value);
            return;
        }
        if (name.startsWith("--vecl.") || name.startsWith("--engine.") || name.startsWith("--compiler.")) {
            if (name.endsWith(".")) {
                throw new UsageError("unknown option '" + a + "'");
            }
            // Truffle's convention: a boolean option given without a value means true
            options.put(name.substring(2), value == null ? "true" : value);
            return;
        }
        throw new UsageError("unknown option '" + a + "'");
    }

    private static List<String> rest(String[] args, int from) {
        List<String> list = new ArrayList<>(Math.max(0, args.length - from));
        for (int i = from; i < args.length; i++) {
            list.add(args[i]);
        }
        return List.copyOf(list);
    }

    static final String USAGE = """
            usage: vecl [option ...] FILE [arg ...]     run a program
                   vecl [option ...] -c CODE [arg ...]  run CODE
                   vecl [option ...] - [arg ...]        run the program on standard input
                   vecl [option ...]                    interactive prompt on a terminal,
                                                        otherwise the program on standard input

            The program's arguments are available to it as `argv`.

            Options:
              -h, --help               show this help and exit
              -V, --version            show the version and exit
              --jit=off|trace|vec      execution mode: interpreter only, traces, traces with
                                       loop vectorization (the default; --vecl.Jit=...)
              --jit-threshold=N        loop iterations before a trace is recorded (--vecl.JitThreshold)
              --jitlog=FILE            write the JIT's log (traces, optimizations) to FILE
                                       (--vecl.JitLog)
              --jit-stats              print JIT statistics at exit (--vecl.JitStats)
              --jit-reassociate        allow reassociating float reductions written as loops
                                       (--vecl.JitReassociate)
              --vecl.NAME=VALUE        set a VecL option
              --engine.NAME=VALUE      set a Truffle engine option (e.g. --engine.TraceCompilation)
              --compiler.NAME=VALUE    set a Graal compiler option
              --                       end of options: the next argument is the program file

            Environment:
              VECL_DEBUG=1             show Java stack traces of internal errors
              JAVA_HOME                a JDK 25 to run on (the vecl script looks for one)
            """;
}
