package dev.vecl.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * A 1-D array: a dtype and a strided window on a Java primitive array. Slices are views: they
 * share {@code storage}. OWNER: runtime helper (element access, casting on store, interop).
 */
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
    }
}
