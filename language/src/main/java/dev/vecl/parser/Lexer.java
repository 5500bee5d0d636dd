package dev.vecl.parser;

import java.util.ArrayList;
import java.util.List;

import com.oracle.truffle.api.source.Source;

import dev.vecl.parser.Token.Kind;

/**
 * Turns source text into tokens with Python's layout rules: INDENT/DEDENT from leading spaces,
 * NEWLINE at the end of logical lines, no layout inside brackets, backslash continuation.
 */
public final class Lexer {
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...",
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "@",
    };

    private final Source source;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Integer> indents = new ArrayList<>();
    /** Open brackets: their character and position, for "was never closed" and mismatch messages. */
    private final List<Token> brackets = new ArrayList<>();

    private Lexer(Source source, String text) {
        this.source = source;
        this.text = text;
        indents.add(0);
        if (text.startsWith("\uFEFF")) {
            // a UTF-8 byte order mark (editors on Windows write one) is not part of the program, as in CPython
            pos = 1;
            lineStart = 1;
        }
    }

    public static List<Token> tokenize(Source source) {
        return new Lexer(source, source.getCharacters().toString()).run();
    }

    public static List<Token> tokenize(Source source, String text) {
        return new Lexer(source, text).run();
    }

    private int col() {
        return pos - lineStart + 1;
    }

    private RuntimeException error(int l, int c, String msg) {
        return SyntaxErrors.at(source, l, c, msg);
    }

    /**
     * Lexes everything; a lexical error ends the list with an ERROR token (then EOF), so that a
     * parse error earlier in the file is still reported first, as CPython's lazy tokenizer does.
     */
    private List<Token> run() {
        try {
            return runInner();
        } catch (dev.vecl.runtime.VeclError e) {
            tokens.add(new Token(Kind.ERROR, null, e, e.getLine(), e.getColumn(), e.getColumn()));
            tokens.add(new Token(Kind.EOF, null, null, e.getLine(), e.getColumn(), e.getColumn()));
            return tokens;
        }
    }

    private List<Token> runInner() {
        boolean atLineStart = true;
        while (true) {
            if (atLineStart && brackets.isEmpty()) {
                if (!indentation()) {
                    break; // end of input
                }
                atLineStart = false;
            }
            if (pos >= text.length()) {
                break;
            }
            char ch = text.charAt(pos);
            if (ch == ' ' || ch == '\t' || ch == '\f') {
                pos++;
            } else if (ch == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (ch == '\n' || ch == '\r') {
                if (brackets.isEmpty()) {
                    add(Kind.NEWLINE, null, null, line, col(), col());
                    atLineStart = true;
                }
                newline();
            } else if (ch == '\\') {
                int p = pos + 1;
                if (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
                    pos = p;
                    newline();
                } else {
                    throw error(line, col(), "unexpected character after line continuation character");
                }
            } else if (Character.isJavaIdentifierStart(ch) && ch != '$') {
                int start = pos;
                int c0 = col();
                while (pos < text.length() && Character.isJavaIdentifierPart(text.charAt(pos)) && text.charAt(pos) != '$') {
                    pos++;
                }
                String word = text.substring(start, pos);
                if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                    if (word.equalsIgnoreCase("r")) {
                        string(true, start, c0);
                        continue;
                    }
                }
                add(Kind.NAME, word, null, line, c0, col());
            } else if (Character.isDigit(ch) || (ch == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
                number();
            } else if (ch == '\'' || ch == '"') {
                string(false, pos, col());
            } else {
                operator();
            }
        }
        int c = col();
        if (!brackets.isEmpty()) {
            Token open = brackets.get(brackets.size() - 1);
            throw SyntaxErrors.incomplete(source, open.line, open.col, "'" + open.text + "' was never closed");
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind != Kind.NEWLINE
                        && tokens.get(tokens.size() - 1).kind != Kind.DEDENT && tokens.get(tokens.size() - 1).kind != Kind.INDENT) {
            add(Kind.NEWLINE, null, null, line, c, c);
        }
        while (indents.size() > 1) {
            indents.remove(indents.size() - 1);
            add(Kind.DEDENT, null, null, line, c, c);
        }
        add(Kind.EOF, null, null, line, c, c);
        return tokens;
    }

    private void newline() {
        if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
        }
        pos++;
        line++;
        lineStart = pos;
    }

    /** Handles the indentation of a new logical line; returns false at the end of input. */
    private boolean indentation() {
        while (true) {
            int width = 0;
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\f')) {
                char ch = text.charAt(pos);
                if (ch == '\t') {
                    throw error(line, col(), "tab in indentation");
                }
                if (ch == ' ') {
                    width++;
                }
                pos++;
            }
            if (pos >= text.length()) {
                return false;
            }
            char ch = text.charAt(pos);
            if (ch == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
                if (pos >= text.length()) {
                    return false;
                }
                newline();
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                newline();
                continue;
            }
            if (ch == '\\' && pos + 1 < text.length() && (text.charAt(pos + 1) == '\n' || text.charAt(pos + 1) == '\r')) {
                // a continuation line of nothing: treat like Python (rare), keep the indentation
                return true;
            }
            int current = indents.get(indents.size() - 1);
            if (width > current) {
                // the parser decides whether an indent is expected here
                indents.add(width);
                add(Kind.INDENT, null, null, line, col(), col());
            } else if (width < current) {
                while (indents.get(indents.size() - 1) > width) {
                    indents.remove(indents.size() - 1);
                    add(Kind.DEDENT, null, null, line, col(), col());
                }
                if (indents.get(indents.size() - 1) != width) {
                    // CPython points just past the end of the offending line
                    int end = pos;
                    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                        end++;
                    }
                    throw error(line, end - lineStart + 1, "unindent does not match any outer indentation level");
                }
            }
            return true;
        }
    }

    private void add(Kind kind, String t, Object value, int l, int c, int endCol) {
        tokens.add(new Token(kind, t, value, l, c, endCol));
    }

    private void operator() {
        int c0 = col();
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                Token t = new Token(Kind.OP, op, null, line, c0, col());
                switch (op) {
                    case "(", "[", "{" -> brackets.add(t);
                    case ")", "]", "}" -> {
                        if (brackets.isEmpty()) {
                            throw error(line, c0, "unmatched '" + op + "'");
                        }
                        Token open = brackets.remove(brackets.size() - 1);
                        String want = switch (open.text) {
                            case "(" -> ")";
                            case "[" -> "]";
                            default -> "}";
                        };
                        if (!want.equals(op)) {
                            throw error(line, c0, "closing parenthesis '" + op + "' does not match opening parenthesis '" + open.text + "'"
                                            + (open.line != line ? " on line " + open.line : ""));
                        }
                    }
                    default -> {
                    }
                }
                tokens.add(t);
                return;
            }
        }
        char ch = text.charAt(pos);
        if (ch > 127) {
            throw error(line, c0, String.format("invalid character '%c' (U+%04X)", ch, (int) ch));
        }
        throw error(line, c0, "invalid syntax");
    }

    private boolean isDigitOf(char ch, int radix) {
        return Character.digit(ch, radix) >= 0 && ch < 128;
    }

    /** Digits of the given radix with single underscores between them; returns them without underscores. */
    private String digits(int radix, String kindName) {
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char ch = text.charAt(pos);
            if (isDigitOf(ch, radix)) {
                sb.append(ch);
                pos++;
            } else if (ch == '_') {
                if (pos + 1 < text.length() && isDigitOf(text.charAt(pos + 1), radix) && sb.length() > 0) {
                    pos++;
                } else {
                    throw error(line, col(), "invalid " + kindName + " literal");
                }
            } else {
                break;
            }
        }
        return sb.toString();
    }

    private void number() {
        int start = pos;
        int c0 = col();
        char ch = text.charAt(pos);
        if (ch == '0' && pos + 1 < text.length() && "xXoObB".indexOf(text.charAt(pos + 1)) >= 0) {
            char k = Character.toLowerCase(text.charAt(pos + 1));
            int radix = k == 'x' ? 16 : k == 'o' ? 8 : 2;
            String kindName = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
            pos += 2;
            if (pos < text.length() && text.charAt(pos) == '_') {
                pos++;
            }
            String ds = digits(radix, kindName);
            if (ds.isEmpty()) {
                throw error(line, col(), "invalid " + kindName + " literal");
            }
            if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)))) {
                throw error(line, col(), "invalid " + (Character.isDigit(text.charAt(pos)) ? "digit '" + text.charAt(pos) + "' in " + kindName : kindName) + " literal");
            }
            long v;
            try {
                v = Long.parseUnsignedLong(ds, radix);
            } catch (NumberFormatException e) {
                throw error(line, c0, "integer literal too large for a 64-bit int");
            }
            add(Kind.INT, text.substring(start, pos), v, line, c0, col());
            return;
        }
        String intPart = "";
        if (ch != '.') {
            intPart = digits(10, "decimal");
        }
        boolean isFloat = false;
        StringBuilder num = new StringBuilder(intPart);
        if (pos < text.length() && text.charAt(pos) == '.') {
            isFloat = true;
            pos++;
            num.append('.');
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                num.append(digits(10, "decimal"));
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            StringBuilder exp = new StringBuilder("e");
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                exp.append(text.charAt(pos));
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                exp.append(digits(10, "decimal"));
                num.append(exp);
                isFloat = true;
            } else {
                pos = save;
                throw error(line, c0, "invalid decimal literal");
            }
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
            throw error(line, c0, "invalid decimal literal");
        }
        String spelled = text.substring(start, pos);
        if (isFloat) {
            add(Kind.FLOAT, spelled, Double.parseDouble(num.toString()), line, c0, col());
        } else {
            if (intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.chars().allMatch(x -> x == '0')) {
                throw error(line, c0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
            }
            long v;
            try {
                v = Long.parseLong(intPart);
            } catch (NumberFormatException e) {
                if (intPart.equals("9223372036854775808")) {
                    v = Long.MIN_VALUE; // only meaningful as the operand of unary minus
                } else {
                    throw error(line, c0, "integer literal too large for a 64-bit int");
                }
            }
            add(Kind.INT, spelled, v, line, c0, col());
        }
    }

    private void string(boolean raw, int start, int c0) {
        int l0 = line;
        pos = start;
        while (Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        char q = text.charAt(pos);
        boolean triple = text.startsWith("" + q + q + q, pos);
        pos += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                if (triple) {
                    throw SyntaxErrors.incomplete(source, l0, c0, "unterminated triple-quoted string literal (detected at line " + line + ")");
                }
                throw error(l0, c0, "unterminated string literal (detected at line " + line + ")");
            }
            char ch = text.charAt(pos);
            if (ch == q && (!triple || text.startsWith("" + q + q + q, pos))) {
                pos += triple ? 3 : 1;
                break;
            }
            if (ch == '\n' || ch == '\r') {
                if (!triple) {
                    throw error(l0, c0, "unterminated string literal (detected at line " + line + ")");
                }
                sb.append('\n');
                newline();
                continue;
            }
            if (ch == '\\' && pos + 1 < text.length()) {
                char e = text.charAt(pos + 1);
                if (raw) {
                    sb.append(ch).append(e);
                    pos += 2;
                    if (e == '\n') {
                        pos--;
                        newline();
                    }
                    continue;
                }
                int escCol = col();
                pos += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\' -> sb.append('\\');
                    case '\'' -> sb.append('\'');
                    case '"' -> sb.append('"');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '\n' -> {
                        pos--;
                        newline();
                    }
                    case 'x' -> sb.append((char) hexEscape(2, "\\xXX", escCol));
                    case 'u' -> sb.append((char) hexEscape(4, "\\uXXXX", escCol));
                    case 'U' -> sb.appendCodePoint(hexEscape(8, "\\UXXXXXXXX", escCol));
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int v = e - '0';
                            for (int k = 0; k < 2 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; k++) {
                                v = v * 8 + (text.charAt(pos++) - '0');
                            }
                            sb.append((char) v);
                        } else {
                            sb.append('\\').append(e); // Python keeps unknown escapes
                        }
                    }
                }
                continue;
            }
            sb.append(ch);
            pos++;
        }
        tokens.add(new Token(Kind.STRING, text.substring(start, Math.min(pos, text.length())), sb.toString(), l0, c0, col()));
    }

    private int hexEscape(int n, String form, int escCol) {
        if (pos + n > text.length()) {
            throw error(line, escCol, "(unicode error) truncated " + form + " escape");
        }
        int v = 0;
        for (int k = 0; k < n; k++) {
            int d = Character.digit(text.charAt(pos + k), 16);
            if (d < 0) {
                throw error(line, escCol, "(unicode error) truncated " + form + " escape");
            }
            v = v * 16 + d;
        }
        pos += n;
        return v;
    }
}
