package dev.vecl.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.vecl.VeclContext;
import dev.vecl.bytecode.Code;
import dev.vecl.interp.InteropValues;

/**
 * A function defined in VecL: its code and the values of its default parameters. Executable
 * through interop (embedders call VecL functions with host values). OWNER: core helper; the
 * runtime only reads {@link #name}.
 */
@ExportLibrary(InteropLibrary.class)
public final class VFunction implements TruffleObject {
    private static final Object[] NO_DEFAULTS = new Object[0];

    public final String name;
    public final Code code;
    /** Values of the last {@code defaults.length} parameters when not passed. */
    public final Object[] defaults;

    public VFunction(String name, Code code, Object[] defaults) {
        this.name = name;
        this.code = code;
        this.defaults = defaults.length == 0 ? NO_DEFAULTS : defaults;
    }

    public VFunction(String name, Code code) {
        this(name, code, NO_DEFAULTS);
    }

    @Override
    public String toString() {
        return "<function " + name + ">";
    }

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object execute(Object[] arguments) throws UnsupportedTypeException {
        VeclContext ctx = VeclContext.get(null);
        Object[] args = new Object[arguments.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = InteropValues.toVecl(ctx.env(), arguments[i]);
        }
        return dev.vecl.interp.GlobalScope.toInterop(ctx.callFromHost(this, args));
    }

    @ExportMessage
    boolean hasExecutableName() {
        return true;
    }

    @ExportMessage
    Object getExecutableName() {
        return name;
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "<function " + name + ">";
    }
}
