package dev.vecl.runtime;

import java.util.ArrayList;

import com.oracle.truffle.api.interop.TruffleObject;

/** VecL's list (Python list semantics). Interop exports: OWNER runtime helper. */
public final class VList implements TruffleObject {
    public final ArrayList<Object> items;

    public VList(ArrayList<Object> items) {
        this.items = items;
    }

    public VList() {
        this(new ArrayList<>());
    }
}
