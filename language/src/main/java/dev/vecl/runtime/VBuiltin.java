package dev.vecl.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/** A function implemented in Java. */
public abstract class VBuiltin implements TruffleObject {
    public final String name;

    protected VBuiltin(String name) {
        this.name = name;
    }

    /**
     * @param args positional arguments
     * @param kwNames names of keyword arguments (may be null), their values are the last
     *            {@code kwNames.length} entries of {@code args}
     */
    public abstract Object call(Object[] args, String[] kwNames);
}
