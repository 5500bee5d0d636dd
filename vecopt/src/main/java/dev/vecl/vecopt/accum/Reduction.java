package dev.vecl.vecopt.accum;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.Value;

/**
 * A recognized reduction: a loop variable {@code acc} the jump passes as {@code acc op x}, used
 * nowhere else in the body. The widened loop keeps a vector of partial results (starting at the
 * identity) and the entry value; the value the interpreter must see at a group's start is
 * {@code entry op reduce(partials)}, computed where exits need it.
 */
public record Reduction(int labelIndex, Value acc, Op update, Value operand, OpCode vectorReduce, Const identity) {

    /** Why a loop-carried value is not a reduction we can widen, or null when it is (then {@code out[0]} is filled). */
    public static String recognize(int k, Value acc, Value next, Reduction[] out) {
        if (!(next instanceof Op op) || op.numArgs() != 2) {
            return "loop-carried value (" + acc.type() + ")";
        }
        Value x = op.arg(0) == acc ? op.arg(1) : op.arg(1) == acc ? op.arg(0) : null;
        if (x == null || x == acc) {
            return "loop-carried value (" + op.opcode.text + ")";
        }
        switch (op.opcode) {
            case INT_ADD:
                out[0] = new Reduction(k, acc, op, x, OpCode.VEC_REDUCE_ADD_I64, Const.of(0L));
                return null;
            case INT_MUL:
                out[0] = new Reduction(k, acc, op, x, OpCode.VEC_REDUCE_MUL_I64, Const.of(1L));
                return null;
            case INT_MINIMUM:
                out[0] = new Reduction(k, acc, op, x, OpCode.VEC_REDUCE_MIN_I64, Const.of(Long.MAX_VALUE));
                return null;
            case INT_MAXIMUM:
                out[0] = new Reduction(k, acc, op, x, OpCode.VEC_REDUCE_MAX_I64, Const.of(Long.MIN_VALUE));
                return null;
            case FLOAT_ADD, F32_ADD, FLOAT_MUL, F32_MUL, FLOAT_SUB, F32_SUB:
                // an in-order float sum cannot be widened: reassociating changes rounding
                return "float reduction in program order";
            case FLOAT_MINIMUM, FLOAT_MAXIMUM, F32_MINIMUM, F32_MAXIMUM:
                return "float min/max reduction not yet";
            default:
                return "loop-carried value (" + op.opcode.text + ")";
        }
    }
}
