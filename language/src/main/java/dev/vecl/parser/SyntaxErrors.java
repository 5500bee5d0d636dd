package dev.vecl.parser;

import com.oracle.truffle.api.source.Source;

import dev.vecl.runtime.VeclError;

/** Builds located SyntaxErrors. */
final class SyntaxErrors {
    private SyntaxErrors() {
    }

    static VeclError at(Source source, int line, int col, String msg) {
        return VeclError.syntax(msg).locate(source, line, col);
    }

    /** A SyntaxError at the end of the input: a REPL may ask for more lines. */
    static VeclError incomplete(Source source, int line, int col, String msg) {
        VeclError e = at(source, line, col, msg);
        e.setIncompleteSource(true);
        return e;
    }
}
