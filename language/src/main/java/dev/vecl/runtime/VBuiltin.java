package dev.vecl.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.vecl.VeclContext;
import dev.vecl.interp.GlobalScope;
import dev.vecl.interp.InteropValues;

/** A function implemented in Java. Executable through interop, like a VecL function. */
@ExportLibrary(InteropLibrary.class)
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

    @ExportMessage
    final boolean isExecutable() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    final Object execute(Object[] arguments) throws UnsupportedTypeException {
        VeclContext ctx = VeclContext.get(null);
        Object[] args = new Object[arguments.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = InteropValues.toVecl(ctx.env(), arguments[i]);
        }
        try {
            return GlobalScope.toInterop(call(args, null));
        } finally {
            ctx.out().flush();
        }
    }

    @ExportMessage
    final boolean hasExecutableName() {
        return true;
    }

    @ExportMessage
    final Object getExecutableName() {
        return name;
    }

    @ExportMessage
    final Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "<built-in function " + name + ">";
    }
}
