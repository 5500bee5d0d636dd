package dev.vecl.runtime;

import com.oracle.truffle.api.exception.AbstractTruffleException;
import com.oracle.truffle.api.interop.ExceptionType;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * An error a VecL program causes. The runtime throws it without a location; the interpreter
 * attaches the position of the innermost user instruction (see docs/internals.md). Through interop
 * it reports that position as its source location and SyntaxErrors as parse errors.
 */
@ExportLibrary(InteropLibrary.class)
public final class VeclError extends AbstractTruffleException {
    private static final long serialVersionUID = 1L;

    public final String kind;
    public final String detail;
    private Source source;
    private int line;
    private int column;
    private boolean incompleteSource;

    public VeclError(String kind, String detail) {
        super(detail.isEmpty() ? kind : kind + ": " + detail);
        this.kind = kind;
        this.detail = detail;
    }

    public boolean hasLocation() {
        return source != null;
    }

    /** Sets the location once; the innermost user position wins. */
    public VeclError locate(Source src, int line1, int col1) {
        if (source == null && src != null) {
            this.source = src;
            this.line = line1;
            this.column = col1;
        }
        return this;
    }

    public Source getSource() {
        return source;
    }

    public int getLine() {
        return line;
    }

    public int getColumn() {
        return column;
    }

    public boolean isSyntaxError() {
        return "SyntaxError".equals(kind);
    }

    /** A SyntaxError caused by input that ended too early: a REPL reads another line. */
    public boolean isIncompleteSource() {
        return incompleteSource;
    }

    public void setIncompleteSource(boolean incomplete) {
        this.incompleteSource = incomplete;
    }

    /** The section the launcher and embedders see through {@code PolyglotException.getSourceLocation()}. */
    public SourceSection getSection() {
        if (source == null || !source.hasCharacters() || line < 1 || line > source.getLineCount()) {
            return null;
        }
        // a column just past the end of the line is legal (CPython's "expected ':'" points there)
        int lineLen = source.getLineLength(line);
        int col = Math.max(1, Math.min(column, lineLen + 1));
        int index = Math.min(source.getLineStartOffset(line) + col - 1, source.getLength());
        return source.createSection(index, Math.min(1, source.getLength() - index));
    }

    // ---- interop ----

    @ExportMessage
    boolean isException() {
        return true;
    }

    @ExportMessage
    RuntimeException throwException() {
        throw this;
    }

    @ExportMessage
    ExceptionType getExceptionType() {
        return isSyntaxError() ? ExceptionType.PARSE_ERROR : ExceptionType.RUNTIME_ERROR;
    }

    @ExportMessage
    boolean isExceptionIncompleteSource() {
        return incompleteSource;
    }

    @ExportMessage
    boolean hasSourceLocation() {
        return getSection() != null;
    }

    @ExportMessage(name = "getSourceLocation")
    SourceSection getSourceLocationInterop() throws UnsupportedMessageException {
        SourceSection s = getSection();
        if (s == null) {
            throw UnsupportedMessageException.create();
        }
        return s;
    }

    // ---- factories (the runtime uses these names) ----

    public static VeclError syntax(String msg) {
        return new VeclError("SyntaxError", msg);
    }

    public static VeclError name(String msg) {
        return new VeclError("NameError", msg);
    }

    public static VeclError type(String msg) {
        return new VeclError("TypeError", msg);
    }

    public static VeclError value(String msg) {
        return new VeclError("ValueError", msg);
    }

    public static VeclError index(String msg) {
        return new VeclError("IndexError", msg);
    }

    public static VeclError zeroDivision(String msg) {
        return new VeclError("ZeroDivisionError", msg);
    }

    public static VeclError assertion(String msg) {
        return new VeclError("AssertionError", msg);
    }

    public static VeclError attribute(String msg) {
        return new VeclError("AttributeError", msg);
    }

    public static VeclError overflow(String msg) {
        return new VeclError("OverflowError", msg);
    }

    public static VeclError recursion(String msg) {
        return new VeclError("RecursionError", msg);
    }

    public static VeclError os(String msg) {
        return new VeclError("OSError", msg);
    }
}
