package dev.vecl.runtime;

import java.util.ArrayList;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** VecL's list (Python list semantics). */
@ExportLibrary(InteropLibrary.class)
public final class VList implements TruffleObject {
    public final ArrayList<Object> items;

    public VList(ArrayList<Object> items) {
        this.items = items;
    }

    public VList() {
        this(new ArrayList<>());
    }

    @Override
    @TruffleBoundary
    public String toString() {
        return Format.repr(this);
    }

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    long getArraySize() {
        return items.size();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < items.size();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isArrayElementModifiable(long index) {
        return index >= 0 && index < items.size();
    }

    @ExportMessage
    @TruffleBoundary
    boolean isArrayElementInsertable(long index) {
        return index == items.size();
    }

    @ExportMessage
    @TruffleBoundary
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= items.size()) {
            throw InvalidArrayIndexException.create(index);
        }
        return items.get((int) index);
    }

    @ExportMessage
    @TruffleBoundary
    void writeArrayElement(long index, Object value, @CachedLibrary(limit = "3") InteropLibrary values)
            throws InvalidArrayIndexException, UnsupportedTypeException {
        Object v = Interop.toVecl(value, values);
        if (index >= 0 && index < items.size()) {
            items.set((int) index, v);
        } else if (index == items.size()) {
            items.add(v);
        } else {
            throw InvalidArrayIndexException.create(index);
        }
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(boolean allowSideEffects) {
        return Format.repr(this);
    }
}
