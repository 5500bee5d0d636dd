package dev.vecl.trace.ir;

/** A value that enters the trace from outside (the loop header's live registers). */
public final class InputArg implements Value {
    private final Type type;

    public InputArg(Type type) {
        if (type == Type.VOID || type == Type.ANY) {
            throw new IllegalArgumentException("input of type " + type);
        }
        this.type = type;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public String toString() {
        return "input:" + type;
    }
}
