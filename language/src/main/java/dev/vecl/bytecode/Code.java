package dev.vecl.bytecode;

/** Compiled code of one function or module. OWNER: core helper (see docs/internals.md). */
public final class Code {
    public final String name;

    public Code(String name) {
        this.name = name;
    }
}
