package dev.vecl.ast;

/** Every AST node knows where it starts (1-based line and column, as CPython's caret marks it). */
public interface Node {
    int line();

    int col();
}
