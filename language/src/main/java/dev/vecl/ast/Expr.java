package dev.vecl.ast;

import java.util.List;

/** Expressions. */
public sealed interface Expr extends Node {
    /** int (Long), float (Double), str (String), bool (Boolean) or None (VNone). */
    record Const(Object value, int line, int col) implements Expr {
    }

    record Name(String id, int line, int col) implements Expr {
    }

    record ListExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    /** Only as the whole right- or left-hand side of an assignment ({@code a, b = b, a}). */
    record TupleExpr(List<Expr> elts, int line, int col) implements Expr {
    }

    /** op: + - * / // % ** & | ^ << >> */
    record BinOp(String op, Expr left, Expr right, int line, int col) implements Expr {
    }

    /** op: - + ~ not */
    record UnaryOp(String op, Expr operand, int line, int col) implements Expr {
    }

    /** op: and, or */
    record BoolOp(String op, Expr left, Expr right, int line, int col) implements Expr {
    }

    /** ops: < <= > >= == != in "not in" is "is not" */
    record Compare(Expr left, List<String> ops, List<Expr> comparators, int line, int col) implements Expr {
    }

    record IfExp(Expr test, Expr body, Expr orelse, int line, int col) implements Expr {
    }

    record Call(Expr func, List<Expr> args, List<String> kwNames, List<Expr> kwValues, int line, int col) implements Expr {
    }

    record Attribute(Expr value, String attr, int line, int col) implements Expr {
    }

    record Subscript(Expr value, Expr index, int line, int col) implements Expr {
    }

    /** Only as the index of a subscript; absent parts are null. */
    record Slice(Expr lower, Expr upper, Expr step, int line, int col) implements Expr {
    }
}
