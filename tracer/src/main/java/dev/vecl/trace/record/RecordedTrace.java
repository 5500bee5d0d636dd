package dev.vecl.trace.record;

import java.util.Map;
import java.util.function.Function;

import dev.vecl.bytecode.Code;
import dev.vecl.trace.ir.RefKind;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Type;

/**
 * A loop trace as the recorder made it, with what it takes to run it: which registers of the loop's
 * frame its inputs come from (and their entry types), the code objects its snapshots name, and the
 * implementations of the builtins its calls name with {@code fn=}.
 */
public record RecordedTrace(Trace trace, Code loopCode, int loopPc, int[] inputRegisters, Type[] inputTypes,
                RefKind[] inputKinds, Boolean[] inputContiguous, Map<String, Code> codes, Map<String, Function<Object[], Object>> functions) {

    /** Whether the registers hold values of the trace's entry types (the trace is specialised on them). */
    public boolean entryMatches(Object[] regs) {
        for (int k = 0; k < inputRegisters.length; k++) {
            Object v = regs[inputRegisters[k]];
            if (!TraceRecorder.hasType(v, inputTypes[k])) {
                return false;
            }
            // a reference's kind (an array's dtype) too: a trace whose class guard fails on entry
            // would exit on every iteration, so another kind gets a trace of its own
            if (inputKinds[k] != null && RefKind.of(v) != inputKinds[k]) {
                return false;
            }
            // stride 1 too, for an array the trace indexes: a contiguous trace guards it, a strided
            // view gets the generic trace (and a contiguous array the specialised one)
            if (inputContiguous[k] != null && inputContiguous[k] != (((dev.vecl.runtime.VArray) v).stride == 1)) {
                return false;
            }
        }
        return true;
    }

    /** The input values for an entry from {@code regs}. */
    public Object[] inputs(Object[] regs) {
        Object[] in = new Object[inputRegisters.length];
        for (int k = 0; k < in.length; k++) {
            in[k] = regs[inputRegisters[k]];
        }
        return in;
    }

    /** {@code code@pc} of the loop header, as the jit log names the loop. */
    public String loopName() {
        for (Map.Entry<String, Code> e : codes.entrySet()) {
            if (e.getValue() == loopCode) {
                return e.getKey() + "@" + loopPc;
            }
        }
        return loopCode.name + "@" + loopPc;
    }
}
