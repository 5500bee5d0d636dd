package dev.vecl.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** VecL's {@code None}. */
@ExportLibrary(InteropLibrary.class)
public final class VNone implements TruffleObject {
    public static final VNone NONE = new VNone();

    private VNone() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @Override
    public String toString() {
        return "None";
    }
}
