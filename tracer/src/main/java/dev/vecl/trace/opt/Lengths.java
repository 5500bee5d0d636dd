package dev.vecl.trace.opt;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.Value;

/** Values known to be container lengths: 0 <= n <= Integer.MAX_VALUE, so n +- a small constant cannot wrap. */
final class Lengths {
    private Lengths() {
    }

    static final long SMALL = Integer.MAX_VALUE;

    static boolean isLength(Value n) {
        if (n instanceof Const.Int c) {
            return c.value() >= 0 && c.value() <= Integer.MAX_VALUE;
        }
        return n instanceof Op op && switch (op.opcode) {
            case ARRAYLEN, LIST_LEN, STR_LEN -> true;
            default -> false;
        };
    }

    static boolean small(long c) {
        return c > -SMALL && c < SMALL;
    }
}
