package dev.vecl.launcher;

import java.io.PrintStream;

import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SourceSection;

/**
 * Turns what went wrong into a message for people and an exit status. A program's error is
 * {@code file:line:col: Kind: message}, the source line and a caret (exit 1); anything else is a
 * one-line internal error (exit 70), with the Java trace only under {@code VECL_DEBUG=1}.
 */
final class ErrorReport {
    static final int PROGRAM_ERROR = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 70;
    /** 128 + SIGINT, as shells report an interrupted command. */
    static final int INTERRUPTED = 130;

    private ErrorReport() {
    }

    static boolean debug() {
        return "1".equals(System.getenv("VECL_DEBUG"));
    }

    /** Reports {@code e} on {@code err} after flushing the program's output; returns the exit status. */
    static int report(PolyglotException e, PrintStream out, PrintStream err) {
        out.flush();
        if (e.isExit()) {
            return e.getExitStatus();
        }
        if (e.isInternalError() || e.isHostException()) {
            return internal(e, err);
        }
        if (e.isCancelled() || e.isInterrupted()) {
            err.println("vecl: interrupted");
            err.flush();
            return INTERRUPTED;
        }
        // guest errors, syntax errors, and resources the program exhausted (stack, memory)
        err.print(programError(e));
        err.flush();
        return PROGRAM_ERROR;
    }

    static int internal(Throwable t, PrintStream err) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            message = t.getClass().getName();
        } else if (!(t instanceof PolyglotException)) {
            message = t.getClass().getName() + ": " + message;
        }
        err.println("vecl: internal error: " + firstLine(message));
        if (debug()) {
            t.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    /** The whole report of a program error, ending with a newline. */
    static String programError(PolyglotException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = "Error";
        }
        SourceSection at = e.getSourceLocation();
        if (at == null || !at.isAvailable() || at.getStartLine() < 1 || at.getSource() == null) {
            return message + "\n";
        }
        CharSequence line = null;
        var source = at.getSource();
        if (source.hasCharacters() && at.getStartLine() <= source.getLineCount()) {
            line = source.getCharacters(at.getStartLine());
        }
        return format(source.getName(), at.getStartLine(), characterColumn(line, at.getStartColumn()), line, message);
    }

    /** Truffle counts columns in UTF-16 units; people (and CPython) count characters. */
    static int characterColumn(CharSequence line, int utf16Column) {
        if (line == null || utf16Column <= 1) {
            return utf16Column;
        }
        int units = Math.min(utf16Column - 1, line.length());
        return Character.codePointCount(line, 0, units) + 1 + (utf16Column - 1 - units);
    }

    /**
     * {@code name:line:col: message}, then the source line verbatim and {@code col-1} spaces and a
     * caret; without the line text, only the first line.
     */
    static String format(String name, int line, int column, CharSequence lineText, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(':').append(line).append(':').append(column).append(": ").append(message).append('\n');
        if (lineText != null) {
            String text = stripLineEnd(lineText);
            sb.append(text).append('\n');
            sb.repeat(' ', Math.max(0, column - 1)).append("^\n");
        }
        return sb.toString();
    }

    private static String stripLineEnd(CharSequence s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.subSequence(0, end).toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
