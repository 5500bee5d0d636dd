package dev.vecl.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidBufferOffsetException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;

/** Helpers for the interop exports of {@link VArray} and {@link VList}. */
final class Interop {
    private Interop() {
    }

    /** A foreign (or VecL) value as a VecL value: numbers become Long/Double/Float, strings String. */
    static Object toVecl(Object value, InteropLibrary lib) throws UnsupportedTypeException {
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof Float
                || value instanceof String || value instanceof VList || value instanceof VArray || value == VNone.NONE) {
            return value;
        }
        try {
            if (lib.isBoolean(value)) {
                return lib.asBoolean(value);
            }
            if (lib.fitsInLong(value)) {
                return lib.asLong(value);
            }
            if (value instanceof Float f) {
                return f;
            }
            if (lib.fitsInDouble(value)) {
                return lib.asDouble(value);
            }
            if (lib.isString(value)) {
                return lib.asString(value);
            }
            if (lib.isNull(value)) {
                return VNone.NONE;
            }
        } catch (UnsupportedMessageException e) {
            // fall through
        }
        throw UnsupportedTypeException.create(new Object[]{value}, "not a VecL value");
    }

    /** Little-endian element bytes of the array (the buffer view of its logical elements). */
    static byte[] bufferBytes(VArray a, long byteOffset, int len) throws InvalidBufferOffsetException {
        long size = (long) a.length * a.dtype.itemSize;
        if (byteOffset < 0 || len < 0 || byteOffset + len > size) {
            throw InvalidBufferOffsetException.create(byteOffset, len);
        }
        int isz = a.dtype.itemSize;
        int first = (int) (byteOffset / isz);
        int last = (int) ((byteOffset + len + isz - 1) / isz);
        ByteBuffer bb = ByteBuffer.allocate((last - first) * isz).order(ByteOrder.nativeOrder());
        for (int i = first; i < last; i++) {
            switch (a.dtype) {
                case FLOAT64 -> bb.putDouble(a.getDouble(i));
                case FLOAT32 -> bb.putFloat(a.getFloat(i));
                case INT64 -> bb.putLong(a.getLong(i));
                case INT32 -> bb.putInt(a.getInt(i));
                case BOOL -> bb.put((byte) (a.getBoolean(i) ? 1 : 0));
            }
        }
        byte[] out = new byte[len];
        System.arraycopy(bb.array(), (int) (byteOffset - (long) first * isz), out, 0, len);
        return out;
    }
}
