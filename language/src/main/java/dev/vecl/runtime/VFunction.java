package dev.vecl.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

import dev.vecl.bytecode.Code;

/** A function defined in VecL. OWNER: core helper; the runtime only reads {@link #name}. */
public final class VFunction implements TruffleObject {
    public final String name;
    public final Code code;

    public VFunction(String name, Code code) {
        this.name = name;
        this.code = code;
    }
}
