package dev.vecl.trace.ir;

/**
 * A trace value: a constant, a trace input, or the result of an operation ({@link Op} is its own
 * result, as in PyPy). Inputs and operations compare by identity; constants by value.
 */
public sealed interface Value permits Const, InputArg, Op {
    Type type();
}
