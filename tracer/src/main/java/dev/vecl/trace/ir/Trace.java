package dev.vecl.trace.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear trace: typed inputs, then operations. A loop trace contains one {@code label} and ends
 * with a {@code jump} to it; the operations before the label (if any) are the preamble. Other
 * traces (bridges, exits) end with {@code finish}.
 */
public final class Trace {
    public final List<InputArg> inputs;
    public final List<Op> ops;

    public Trace(List<InputArg> inputs, List<Op> ops) {
        this.inputs = List.copyOf(inputs);
        this.ops = List.copyOf(ops);
    }

    /** Index of the label, or -1. */
    public int labelIndex() {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).opcode == OpCode.LABEL) {
                return i;
            }
        }
        return -1;
    }

    public Op label() {
        int i = labelIndex();
        return i < 0 ? null : ops.get(i);
    }

    public Op last() {
        return ops.isEmpty() ? null : ops.get(ops.size() - 1);
    }

    public boolean isLoop() {
        return labelIndex() >= 0 && last() != null && last().opcode == OpCode.JUMP;
    }

    public List<Op> preamble() {
        int l = labelIndex();
        return l < 0 ? List.of() : ops.subList(0, l);
    }

    /** Operations after the label, the closing jump included. */
    public List<Op> body() {
        int l = labelIndex();
        return new ArrayList<>(ops.subList(l + 1, ops.size()));
    }

    public int size() {
        return ops.size();
    }

    @Override
    public String toString() {
        return TraceText.print(this);
    }
}
