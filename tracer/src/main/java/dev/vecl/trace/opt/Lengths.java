package dev.vecl.trace.opt;

import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Value;

/**
 * Values of small magnitude (|v| < 2^33): container lengths, constants, and a length plus or minus
 * a small constant. Bounds arithmetic on them (n - d, n + 1) cannot wrap.
 */
final class Lengths {
    private Lengths() {
    }

    static final long SMALL = Integer.MAX_VALUE;

    /**
     * Whether n is small. {@code variant} holds the label variables whose value changes between
     * iterations: their defining operation says nothing about their value inside the loop.
     */
    static boolean isSmall(Value n, Set<Value> variant) {
        return isSmall(n, variant, 2);
    }

    private static boolean isSmall(Value n, Set<Value> variant, int depth) {
        if (n instanceof Const.Int c) {
            return small(c.value());
        }
        if (!(n instanceof Op op) || variant.contains(n) || depth == 0) {
            return false;
        }
        return switch (op.opcode) {
            case ARRAYLEN, LIST_LEN, STR_LEN -> true;
            case INT_ADD, INT_SUB -> op.arg(1) instanceof Const.Int c && small(c.value()) && isSmall(op.arg(0), variant, depth - 1)
                    || op.opcode == OpCode.INT_ADD && op.arg(0) instanceof Const.Int c0 && small(c0.value())
                            && isSmall(op.arg(1), variant, depth - 1);
            default -> false;
        };
    }

    static boolean small(long c) {
        return c > -SMALL && c < SMALL;
    }
}
