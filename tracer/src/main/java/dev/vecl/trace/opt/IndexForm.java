package dev.vecl.trace.opt;

import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Value;

/**
 * An int value seen as {@code base + offset} (wrapping), looking through {@code int_add} and
 * {@code int_sub} with a constant. A constant is {@code null + offset}. Values in {@code opaque}
 * (the label variables, inside the loop) are never looked through: their defining operation
 * gives their value on loop entry only.
 */
record IndexForm(Value base, long offset) {

    static IndexForm of(Value v, Set<Value> opaque) {
        if (v instanceof Const.Int c) {
            return new IndexForm(null, c.value());
        }
        if (v instanceof Op op && op.numArgs() == 2 && !opaque.contains(v)) {
            if (op.opcode == OpCode.INT_ADD && op.arg(1) instanceof Const.Int c && !(op.arg(0) instanceof Const)) {
                return new IndexForm(op.arg(0), c.value());
            }
            if (op.opcode == OpCode.INT_ADD && op.arg(0) instanceof Const.Int c && !(op.arg(1) instanceof Const)) {
                return new IndexForm(op.arg(1), c.value());
            }
            if (op.opcode == OpCode.INT_SUB && op.arg(1) instanceof Const.Int c && !(op.arg(0) instanceof Const)
                    && c.value() != Long.MIN_VALUE) {
                return new IndexForm(op.arg(0), -c.value());
            }
        }
        return new IndexForm(v, 0);
    }

    /** Whether two int values are certainly different. */
    static boolean differ(Value a, Value b, Set<Value> opaque) {
        IndexForm x = of(a, opaque);
        IndexForm y = of(b, opaque);
        return x.base == y.base && x.offset != y.offset;
    }
}
