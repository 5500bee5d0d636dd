package dev.vecl.launcher;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The interactive prompt: reads complete inputs ({@link InputCompleteness}), evaluates each in one
 * shared context and, like Python, shows the value of a trailing expression statement unless it
 * is None (the language returns that value from a module's evaluation). Errors print and the
 * prompt continues. Loaded only when it is used.
 */
final class Repl {
    static final String PROMPT = ">>> ";
    static final String CONTINUATION = "... ";

    private Repl() {
    }

    /** True when standard input and output are a terminal (a person is typing). */
    static boolean terminalAttached() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** Where lines come from: JLine on a real terminal, else plain reads. */
    interface LineInput extends AutoCloseable {
        /** The next line without its end, or null at end of input. */
        String readLine(String prompt) throws Interrupted, IOException;

        @Override
        void close();
    }

    /** Ctrl-C at the prompt: drop the input typed so far. */
    static final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }

    static int run(Context context, PrintStream out, PrintStream err) {
        String languageVersion = context.getEngine().getLanguages().get(Launcher.LANGUAGE).getVersion();
        out.println("VecL " + languageVersion + " on JDK " + System.getProperty("java.version")
                + ". A blank line ends a block; exit() or Ctrl-D leaves.");
        out.flush();
        try (LineInput input = openInput(out, err)) {
            return loop(context, input, out, err);
        } catch (IOException e) {
            err.println("vecl: cannot read input: " + e.getMessage());
            return ErrorReport.USAGE;
        }
    }

    static int loop(Context context, LineInput input, PrintStream out, PrintStream err) throws IOException {
        Display display = new Display(context);
        StringBuilder pending = new StringBuilder();
        while (true) {
            String line;
            try {
                line = input.readLine(pending.isEmpty() ? PROMPT : CONTINUATION);
            } catch (Interrupted e) {
                err.println("KeyboardInterrupt");
                pending.setLength(0);
                continue;
            }
            if (line == null) {
                out.println();
                out.flush();
                return 0;
            }
            pending.append(line).append('\n');
            String text = pending.toString();
            if (!InputCompleteness.isComplete(text)) {
                continue;
            }
            pending.setLength(0);
            if (text.isBlank()) {
                continue;
            }
            if (isExitRequest(text.strip(), context)) {
                return 0;
            }
            Source source = Source.newBuilder(Launcher.LANGUAGE, text, "<stdin>").buildLiteral();
            try {
                Value result = context.eval(source);
                out.flush();
                if (!result.isNull()) {
                    out.println(display.show(result));
                }
            } catch (PolyglotException e) {
                if (e.isIncompleteSource() && !line.isBlank()) {
                    pending.append(text); // the parser wants more than our heuristics thought
                    continue;
                }
                if (e.isExit()) {
                    return e.getExitStatus();
                }
                ErrorReport.report(e, out, err);
            }
            out.flush();
            err.flush();
        }
    }

    /** {@code exit()}, {@code quit()} (or the bare names) leave the prompt, unless the program defined them. */
    private static boolean isExitRequest(String input, Context context) {
        String name = input.endsWith("()") ? input.substring(0, input.length() - 2) : input;
        if (!name.equals("exit") && !name.equals("quit")) {
            return false;
        }
        try {
            return !context.getBindings(Launcher.LANGUAGE).hasMember(name);
        } catch (PolyglotException e) {
            return true;
        }
    }

    /**
     * Shows a value as Python's prompt does: its repr, made by the language's own {@code repr}
     * builtin (saved under a private global at start, so rebinding {@code repr} does not matter).
     * Builtins are not callable from Java, so the call is a tiny VecL snippet, parsed once.
     */
    static final class Display {
        private static final String SAVED = "__vecl_repl_repr__";
        private static final String VALUE = "__vecl_repl_value__";
        private final Context context;
        private final Value bindings;
        private final Source call;
        private boolean usable;
        private Value none;

        Display(Context context) {
            this.context = context;
            this.bindings = context.getBindings(Launcher.LANGUAGE);
            this.call = Source.newBuilder(Launcher.LANGUAGE, SAVED + "(" + VALUE + ")", "<repl>").buildLiteral();
            for (String builtin : new String[] {"repr", "str"}) {
                try {
                    none = context.eval(Source.newBuilder(Launcher.LANGUAGE, SAVED + " = " + builtin, "<repl>").buildLiteral());
                    usable = true;
                    break;
                } catch (PolyglotException e) {
                    // no such builtin: try the next
                }
            }
        }

        String show(Value value) {
            if (usable) {
                try {
                    bindings.putMember(VALUE, value);
                    Value shown = context.eval(call);
                    bindings.putMember(VALUE, none); // do not keep the value alive
                    if (shown.isString()) {
                        String text = shown.asString();
                        // str() of a string is the string itself; Python shows it quoted
                        return value.isString() && text.equals(value.asString()) ? pythonRepr(text) : text;
                    }
                } catch (PolyglotException | UnsupportedOperationException e) {
                    // fall back to the engine's display string
                }
            }
            return value.isString() ? pythonRepr(value.asString()) : value.toString();
        }
    }

    /** Python's {@code repr} of a str: single quotes unless only double quotes avoid escaping. */
    static String pythonRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append((char) c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (!printable(c)) {
                        sb.append(c <= 0xff ? String.format("\\x%02x", c)
                                : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }

    /** Python's str.isprintable for one code point, close enough: no controls, separators or unassigned. */
    private static boolean printable(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    private static LineInput openInput(PrintStream out, PrintStream err) {
        try {
            return JLineInput.open();
        } catch (LinkageError | Exception e) {
            // no JLine, or no usable terminal: plain lines still work
            return new PlainInput(out);
        }
    }

    /** Reads lines from standard input, printing the prompt itself. */
    static final class PlainInput implements LineInput {
        private final BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        private final PrintStream out;

        PlainInput(PrintStream out) {
            this.out = out;
        }

        @Override
        public String readLine(String prompt) throws IOException {
            out.print(prompt);
            out.flush();
            return reader.readLine();
        }

        @Override
        public void close() {
        }
    }

    /** Line editing and history (~/.vecl_history); Tab indents by four spaces (tabs are a syntax error). */
    static final class JLineInput implements LineInput {
        private final org.jline.terminal.Terminal terminal;
        private final org.jline.reader.LineReader reader;

        private JLineInput(org.jline.terminal.Terminal terminal, org.jline.reader.LineReader reader) {
            this.terminal = terminal;
            this.reader = reader;
        }

        static LineInput open() throws IOException {
            java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
            org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder()
                    .system(true)
                    .dumb(false)
                    .build();
            if (org.jline.terminal.Terminal.TYPE_DUMB.equals(terminal.getType())
                    || org.jline.terminal.Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                terminal.close();
                throw new IOException("dumb terminal");
            }
            if (terminal.getWidth() <= 0) {
                // a pty nobody sized (script, expect): JLine would squeeze the prompt into 0 columns
                terminal.setSize(new org.jline.terminal.Size(80, 24));
            }
            org.jline.reader.LineReader reader = org.jline.reader.LineReaderBuilder.builder()
                    .appName("vecl")
                    .terminal(terminal)
                    .variable(org.jline.reader.LineReader.HISTORY_FILE,
                            Path.of(System.getProperty("user.home"), ".vecl_history"))
                    .option(org.jline.reader.LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            reader.getWidgets().put("vecl-indent", () -> {
                reader.getBuffer().write("    ");
                return true;
            });
            reader.getKeyMaps().get(org.jline.reader.LineReader.MAIN)
                    .bind(new org.jline.reader.Reference("vecl-indent"), "\t");
            return new JLineInput(terminal, reader);
        }

        @Override
        public String readLine(String prompt) throws Interrupted {
            try {
                return reader.readLine(prompt);
            } catch (org.jline.reader.UserInterruptException e) {
                throw new Interrupted();
            } catch (org.jline.reader.EndOfFileException e) {
                return null;
            }
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                // history is a convenience
            }
        }
    }
}
