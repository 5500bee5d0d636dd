package dev.vecl.vecopt.deps;

import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.Type;
import dev.vecl.trace.ir.Value;

/**
 * A load or store of the loop body: its storage (a loop invariant), its raw storage index as an
 * affine form of the induction variable, and the vector type its lanes widen to.
 */
public record MemRef(Op op, Value storage, Affine index, boolean store, Type vector) {

    /** Whether two references can touch the same Java array (storages of different element types cannot; every mask type is a bool array). */
    public boolean sameKind(MemRef o) {
        return vector.element() == o.vector.element();
    }
}
