package dev.vecl.ast;

import java.util.List;

/** Statements. */
public sealed interface Stmt extends Node {
    record ExprStmt(Expr value, int line, int col) implements Stmt {
    }

    /** {@code t1 = t2 = value}; targets are Name, Subscript or TupleExpr of those. */
    record Assign(List<Expr> targets, Expr value, int line, int col) implements Stmt {
    }

    record AugAssign(Expr target, String op, Expr value, int line, int col) implements Stmt {
    }

    record If(Expr test, List<Stmt> body, List<Stmt> orelse, int line, int col) implements Stmt {
    }

    record While(Expr test, List<Stmt> body, List<Stmt> orelse, int line, int col) implements Stmt {
    }

    record For(Expr.Name target, Expr iter, List<Stmt> body, List<Stmt> orelse, int line, int col) implements Stmt {
    }

    record Pass(int line, int col) implements Stmt {
    }

    record Break(int line, int col) implements Stmt {
    }

    record Continue(int line, int col) implements Stmt {
    }

    /** {@code varargs} is the name of a trailing {@code *rest} parameter, or null. */
    record FunctionDef(String name, List<String> params, List<Expr> defaults, String varargs, List<Stmt> body, int line, int col) implements Stmt {
    }

    record Return(Expr value, int line, int col) implements Stmt {
    }

    record Global(List<String> names, int line, int col) implements Stmt {
    }

    record Assert(Expr test, Expr msg, int line, int col) implements Stmt {
    }
}
