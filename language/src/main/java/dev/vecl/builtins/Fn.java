package dev.vecl.builtins;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VeclError;

/** A Java builtin with a fixed range of positional arguments and no keyword arguments. */
final class Fn extends VBuiltin {
    interface Impl {
        Object apply(Object[] args);
    }

    private final int minArgs;
    private final int maxArgs;
    private final Impl impl;

    Fn(String name, int minArgs, int maxArgs, Impl impl) {
        super(name);
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.impl = impl;
    }

    @Override
    @TruffleBoundary
    public Object call(Object[] args, String[] kwNames) {
        if (kwNames != null && kwNames.length > 0) {
            throw VeclError.type(name + "() takes no keyword arguments");
        }
        checkArity(name, args.length, minArgs, maxArgs);
        return impl.apply(args);
    }

    static void checkArity(String name, int n, int min, int max) {
        if (n >= min && n <= max) {
            return;
        }
        if (min == max) {
            if (min == 0) {
                throw VeclError.type(name + "() takes no arguments (" + n + " given)");
            }
            if (min == 1) {
                throw VeclError.type(name + "() takes exactly one argument (" + n + " given)");
            }
            throw VeclError.type(name + " expected " + min + " arguments, got " + n);
        }
        if (n < min) {
            throw VeclError.type(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        }
        throw VeclError.type(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
    }
}
