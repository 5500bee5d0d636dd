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
                RefKind[] inputKinds, boolean[] inputContiguous, Map<String, Code> codes, Map<String, Function<Object[], Object>> functions) {

    /** Whether the registers hold values of the trace's entry types (the trace is specialised on them). */
    public boolean entryMatches(Object[] regs) {
        if (!kindsMatch(regs)) {
            return false;
        }
        for (int k = 0; k < inputRegisters.length; k++) {
            // a trace specialised on a contiguous array: a strided view gets another trace
            if (inputContiguous[k] && ((dev.vecl.runtime.VArray) regs[inputRegisters[k]]).stride != 1) {
                return false;
            }
        }
        return true;
    }

    /** Whether the registers hold the trace's entry types and kinds, whatever the arrays' strides. */
    public boolean kindsMatch(Object[] regs) {
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
