package dev.vecl.interp;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

import dev.vecl.VeclContext;
import dev.vecl.VeclLanguage;
import dev.vecl.bytecode.Globals;

/** The user module's globals as the language's top scope ({@code context.getBindings("vecl")}). */
@ExportLibrary(InteropLibrary.class)
public final class GlobalScope implements TruffleObject {
    private final Globals globals;

    public GlobalScope(Globals globals) {
        this.globals = globals;
    }

    /** Values handed to embedders must be interop values: anything else is shown as its text. */
    public static Object toInterop(Object v) {
        if (v == null) {
            return dev.vecl.runtime.VNone.NONE;
        }
        if (v instanceof TruffleObject || v instanceof Long || v instanceof Double || v instanceof Float || v instanceof Boolean
                        || v instanceof String || v instanceof Integer) {
            return v;
        }
        return String.valueOf(v);
    }

    @ExportMessage
    boolean isScope() {
        return true;
    }

    @ExportMessage
    boolean hasLanguage() {
        return true;
    }

    @ExportMessage
    Class<? extends TruffleLanguage<?>> getLanguage() {
        return VeclLanguage.class;
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return new Keys(globals.bound().keySet().toArray(new String[0]));
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberReadable(String member) {
        return globals.get(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberModifiable(String member) {
        return globals.get(member) != null;
    }

    @ExportMessage
    @TruffleBoundary
    boolean isMemberInsertable(String member) {
        return globals.get(member) == null;
    }

    @ExportMessage
    @TruffleBoundary
    Object readMember(String member) throws UnknownIdentifierException {
        Object v = globals.get(member);
        if (v == null) {
            throw UnknownIdentifierException.create(member);
        }
        return toInterop(v);
    }

    @ExportMessage
    @TruffleBoundary
    void writeMember(String member, Object value) throws UnsupportedTypeException {
        globals.put(member, InteropValues.toVecl(VeclContext.get(null).env(), value));
    }

    @ExportMessage
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return "global";
    }

    /** The member names. */
    @ExportLibrary(InteropLibrary.class)
    static final class Keys implements TruffleObject {
        private final String[] keys;

        Keys(String[] keys) {
            this.keys = keys;
        }

        @ExportMessage
        boolean hasArrayElements() {
            return true;
        }

        @ExportMessage
        long getArraySize() {
            return keys.length;
        }

        @ExportMessage
        boolean isArrayElementReadable(long index) {
            return index >= 0 && index < keys.length;
        }

        @ExportMessage
        Object readArrayElement(long index) throws InvalidArrayIndexException {
            if (index < 0 || index >= keys.length) {
                throw InvalidArrayIndexException.create(index);
            }
            return keys[(int) index];
        }
    }
}
