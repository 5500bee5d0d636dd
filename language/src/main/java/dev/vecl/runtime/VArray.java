package dev.vecl.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.interop.UnsupportedTypeException;
import com.oracle.truffle.api.library.CachedLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A 1-D array: a dtype and a strided window on a Java primitive array. Slices are views: they
 * share {@code storage}.
 *
 * <p>Element access comes in three layers: typed raw access by logical position
 * ({@link #getDouble(int)}, {@link #setLong(int, long)}, ...: no bounds check, what compiled
 * traces use), boxed raw access ({@link #load(int)}, {@link #store(int, Object)}) and the checked
 * VecL indexing ({@link #getItem(long)}, {@link #setItem(long, Object)}: negative indices,
 * IndexError, NumPy's setitem casting).
 */
@ExportLibrary(InteropLibrary.class)
public final class VArray implements TruffleObject {
    public final DType dtype;
    /** double[], float[], long[], int[] or boolean[] according to dtype. */
    public final Object storage;
    public final int offset;
    public final int stride;
    public final int length;

    public VArray(DType dtype, Object storage, int offset, int stride, int length) {
        this.dtype = dtype;
        this.storage = storage;
        this.offset = offset;
        this.stride = stride;
        this.length = length;
        if (length < 0 || length > 0 && (outside(offset, storage) || outside(offset + (long) (length - 1) * stride, storage))) {
            // compiled traces read elements without the JVM's bounds checks, trusting this invariant
            throw new IllegalStateException("view outside its storage: offset " + offset + ", stride " + stride + ", length " + length);
        }
    }

    private static boolean outside(long p, Object storage) {
        int n = switch (storage) {
            case double[] d -> d.length;
            case float[] f -> f.length;
            case long[] l -> l.length;
            case int[] i -> i.length;
            case boolean[] b -> b.length;
            default -> throw new IllegalStateException("not an array storage: " + storage);
        };
        return p < 0 || p >= n;
    }

    /** A fresh contiguous zero-filled array. */
    public static VArray allocate(DType dtype, int n) {
        if (n < 0) {
            throw VeclError.value("negative dimensions are not allowed");
        }
        return new VArray(dtype, dtype.newStorage(n), 0, 1, n);
    }

    /** As {@link #allocate(DType, long)}, for an array whose every element the caller writes before it is read (DType.newStorageToOverwrite). */
    public static VArray allocateToOverwrite(DType dtype, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            return allocate(dtype, n);
        }
        if (n < 0) {
            throw VeclError.value("negative dimensions are not allowed");
        }
        return new VArray(dtype, dtype.newStorageToOverwrite((int) n), 0, 1, (int) n);
    }

    public static VArray allocate(DType dtype, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw VeclError.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        }
        return allocate(dtype, (int) n);
    }

    public int physical(int i) {
        return offset + i * stride;
    }

    public boolean isContiguous() {
        return stride == 1;
    }

    // ---- typed raw access by logical position ----

    public double getDouble(int i) {
        return ((double[]) storage)[offset + i * stride];
    }

    public float getFloat(int i) {
        return ((float[]) storage)[offset + i * stride];
    }

    public long getLong(int i) {
        return ((long[]) storage)[offset + i * stride];
    }

    public int getInt(int i) {
        return ((int[]) storage)[offset + i * stride];
    }

    public boolean getBoolean(int i) {
        return ((boolean[]) storage)[offset + i * stride];
    }

    public void setDouble(int i, double v) {
        ((double[]) storage)[offset + i * stride] = v;
    }

    public void setFloat(int i, float v) {
        ((float[]) storage)[offset + i * stride] = v;
    }

    public void setLong(int i, long v) {
        ((long[]) storage)[offset + i * stride] = v;
    }

    public void setInt(int i, int v) {
        ((int[]) storage)[offset + i * stride] = v;
    }

    public void setBoolean(int i, boolean v) {
        ((boolean[]) storage)[offset + i * stride] = v;
    }

    // ---- boxed raw access ----

    /** The VecL scalar at logical position i (0 <= i < length). */
    public Object load(int i) {
        int p = offset + i * stride;
        // tests on the storage class (exact, one compare each) rather than a switch on the dtype:
        // the storage class determines the dtype, and float64 comes first because it is the common case
        Object s = storage;
        if (s instanceof double[] d) {
            return d[p];
        } else if (s instanceof long[] l) {
            return l[p];
        } else if (s instanceof float[] f) {
            return f[p];
        } else if (s instanceof int[] n) {
            return (long) n[p];
        }
        return ((boolean[]) s)[p];
    }

    /** Stores a VecL scalar with NumPy's setitem casting (NaN into an int array is an error, ...). */
    public void store(int i, Object v) {
        int p = offset + i * stride;
        Object s = storage;
        if (s instanceof double[] d) {
            d[p] = v instanceof Double x ? x : Cast.toDouble(v);
        } else if (s instanceof long[] l) {
            l[p] = v instanceof Long x ? x : Cast.toInt64(v);
        } else if (s instanceof float[] f) {
            f[p] = v instanceof Float x ? x : Cast.toFloat32(v);
        } else if (s instanceof int[] n) {
            n[p] = Cast.toInt32(v);
        } else {
            ((boolean[]) s)[p] = Cast.toBool(v);
        }
    }

    /** Stores with NumPy's astype casting (C conversions; int32 keeps the low 32 bits). */
    public void storeUnsafe(int i, Object v) {
        int p = offset + i * stride;
        switch (dtype) {
            case FLOAT64 -> ((double[]) storage)[p] = Cast.toDouble(v);
            case FLOAT32 -> ((float[]) storage)[p] = Cast.toFloat32(v);
            case INT64 -> ((long[]) storage)[p] = (Long) Cast.castUnsafe(v, DType.INT64);
            case INT32 -> ((int[]) storage)[p] = (int) (long) (Long) Cast.castUnsafe(v, DType.INT32);
            case BOOL -> ((boolean[]) storage)[p] = Cast.toBool(v);
        }
    }

    // ---- VecL indexing ----

    public int checkIndex(long index) {
        long i = index < 0 ? index + length : index;
        if (Long.compareUnsigned(i, length) >= 0) {
            throw VeclError.index("index " + index + " is out of bounds for array of length " + length);
        }
        return (int) i;
    }

    public Object getItem(long index) {
        return load(checkIndex(index));
    }

    public void setItem(long index, Object value) {
        store(checkIndex(index), value);
    }

    /** A view {@code a[start:stop:step]} with already-normalised bounds (see {@link Slice}). */
    public VArray view(int start, int step, int count) {
        return new VArray(dtype, storage, offset + start * stride, stride * step, count);
    }

    /** True when the two arrays may share elements (same storage object). */
    public boolean mayShareMemory(VArray o) {
        return storage == o.storage && length > 0 && o.length > 0;
    }

    public VArray copy() {
        VArray r = allocate(dtype, length);
        copyInto(this, r);
        return r;
    }

    /** Element-wise copy; the caller guarantees equal dtype and length. */
    static void copyInto(VArray src, VArray dst) {
        if (src.stride == 1 && dst.stride == 1) {
            System.arraycopy(src.storage, src.offset, dst.storage, dst.offset, src.length);
            return;
        }
        for (int i = 0; i < src.length; i++) {
            switch (src.dtype) {
                case FLOAT64 -> dst.setDouble(i, src.getDouble(i));
                case FLOAT32 -> dst.setFloat(i, src.getFloat(i));
                case INT64 -> dst.setLong(i, src.getLong(i));
                case INT32 -> dst.setInt(i, src.getInt(i));
                case BOOL -> dst.setBoolean(i, src.getBoolean(i));
            }
        }
    }

    /** {@code astype}: a new array with NumPy's unsafe casting. */
    public VArray astype(DType t) {
        if (t == dtype) {
            return copy();
        }
        VArray r = allocate(t, length);
        for (int i = 0; i < length; i++) {
            r.storeUnsafe(i, load(i));
        }
        return r;
    }

    /** Writes {@code value} into every element of this array (a view), with setitem casting. */
    public void assignFrom(Object value) {
        if (value instanceof VArray src) {
            if (src.length != length) {
                throw VeclError.value("could not broadcast input array from shape (" + src.length + ",) into shape (" + length + ",)");
            }
            if (src.storage == storage) {
                src = src.copy();
            }
            if (src.dtype == dtype) {
                copyInto(src, this);
            } else {
                // NumPy assigns arrays with same_kind... in fact with unsafe casting
                for (int i = 0; i < length; i++) {
                    storeUnsafe(i, src.load(i));
                }
            }
        } else if (value instanceof VList l) {
            if (l.items.size() != length) {
                throw VeclError.value("could not broadcast input array from shape (" + l.items.size() + ",) into shape (" + length + ",)");
            }
            Object[] vals = l.items.toArray();
            for (int i = 0; i < length; i++) {
                store(i, vals[i]);
            }
        } else {
            if (length == 0) {
                return;
            }
            store(0, value);
            Object v = load(0);
            for (int i = 1; i < length; i++) {
                store(i, v);
            }
        }
    }

    public boolean truthy() {
        if (length == 1) {
            return Ops.truthy(load(0));
        }
        if (length == 0) {
            throw VeclError.value("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.");
        }
        throw VeclError.value("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    }

    @Override
    @TruffleBoundary
    public String toString() {
        StringBuilder sb = new StringBuilder(length * 4 + 2);
        sb.append('[');
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(Format.repr(load(i)));
        }
        return sb.append(']').toString();
    }

    // ---- interop ----

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return length;
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < length;
    }

    @ExportMessage
    boolean isArrayElementModifiable(long index) {
        return index >= 0 && index < length;
    }

    @ExportMessage
    boolean isArrayElementInsertable(long index) {
        return false;
    }

    @ExportMessage
    @TruffleBoundary
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= length) {
            throw InvalidArrayIndexException.create(index);
        }
        return load((int) index);
    }

    @ExportMessage
    @TruffleBoundary
    void writeArrayElement(long index, Object value, @CachedLibrary(limit = "3") InteropLibrary values)
            throws InvalidArrayIndexException, UnsupportedTypeException {
        if (index < 0 || index >= length) {
            throw InvalidArrayIndexException.create(index);
        }
        store((int) index, Interop.toVecl(value, values));
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(boolean allowSideEffects) {
        return toString();
    }

    @ExportMessage
    boolean hasBufferElements() {
        return true;
    }

    @ExportMessage
    boolean isBufferWritable() {
        return false;
    }

    @ExportMessage
    long getBufferSize() {
        return (long) length * dtype.itemSize;
    }

    @ExportMessage
    @TruffleBoundary
    byte readBufferByte(long byteOffset) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        return Interop.bufferBytes(this, byteOffset, 1)[0];
    }

    @ExportMessage
    @TruffleBoundary
    void readBuffer(long byteOffset, byte[] destination, int destinationOffset, int len) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        byte[] b = Interop.bufferBytes(this, byteOffset, len);
        System.arraycopy(b, 0, destination, destinationOffset, len);
    }

    @ExportMessage
    @TruffleBoundary
    short readBufferShort(java.nio.ByteOrder order, long byteOffset) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        return java.nio.ByteBuffer.wrap(Interop.bufferBytes(this, byteOffset, 2)).order(order).getShort();
    }

    @ExportMessage
    @TruffleBoundary
    int readBufferInt(java.nio.ByteOrder order, long byteOffset) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        return java.nio.ByteBuffer.wrap(Interop.bufferBytes(this, byteOffset, 4)).order(order).getInt();
    }

    @ExportMessage
    @TruffleBoundary
    long readBufferLong(java.nio.ByteOrder order, long byteOffset) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        return java.nio.ByteBuffer.wrap(Interop.bufferBytes(this, byteOffset, 8)).order(order).getLong();
    }

    @ExportMessage
    @TruffleBoundary
    float readBufferFloat(java.nio.ByteOrder order, long byteOffset) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        return java.nio.ByteBuffer.wrap(Interop.bufferBytes(this, byteOffset, 4)).order(order).getFloat();
    }

    @ExportMessage
    @TruffleBoundary
    double readBufferDouble(java.nio.ByteOrder order, long byteOffset) throws com.oracle.truffle.api.interop.InvalidBufferOffsetException {
        return java.nio.ByteBuffer.wrap(Interop.bufferBytes(this, byteOffset, 8)).order(order).getDouble();
    }

    @ExportMessage
    void writeBufferByte(long byteOffset, byte value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferShort(java.nio.ByteOrder order, long byteOffset, short value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferInt(java.nio.ByteOrder order, long byteOffset, int value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferLong(java.nio.ByteOrder order, long byteOffset, long value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferFloat(java.nio.ByteOrder order, long byteOffset, float value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    void writeBufferDouble(java.nio.ByteOrder order, long byteOffset, double value) throws UnsupportedMessageException {
        throw UnsupportedMessageException.create();
    }
}
