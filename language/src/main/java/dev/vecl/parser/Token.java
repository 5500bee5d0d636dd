package dev.vecl.parser;

/** One lexical token; line and column are 1-based and mark its first character. */
public final class Token {
    public enum Kind {
        NAME, INT, FLOAT, STRING, OP, NEWLINE, INDENT, DEDENT, EOF,
        /** A lexical error; {@code value} holds the VeclError, reported if the parser gets this far. */
        ERROR
    }

    public final Kind kind;
    /** Operator or name spelling; for literals the source text. */
    public final String text;
    /** Long, Double or String for literals. */
    public final Object value;
    public final int line;
    public final int col;
    /** Column just after the token on its last line (for "expected ':'"-style positions). */
    public final int endCol;

    public Token(Kind kind, String text, Object value, int line, int col, int endCol) {
        this.kind = kind;
        this.text = text;
        this.value = value;
        this.line = line;
        this.col = col;
        this.endCol = endCol;
    }

    public boolean is(String op) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
    }

    @Override
    public String toString() {
        return kind + (text != null ? "(" + text + ")" : "") + "@" + line + ":" + col;
    }
}
