package dev.vecl.trace.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a trace operation by operation, for the recorder and for tests that construct traces in
 * code. {@link #build} verifies the result.
 *
 * <pre>
 * TraceBuilder b = new TraceBuilder();
 * InputArg a = b.input(Type.REF), i = b.input(Type.INT);
 * b.label(snapshot, a, i);
 * Op n = b.op(OpCode.ARRAYLEN, a);
 * b.guard(OpCode.GUARD_INDEX, snapshot, i, n);
 * ...
 * b.jump(a, b.op(OpCode.INT_ADD, i, Const.of(1L)));
 * Trace t = b.build();
 * </pre>
 */
public final class TraceBuilder {
    private final List<InputArg> inputs = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();

    public InputArg input(Type type) {
        InputArg a = new InputArg(type);
        inputs.add(a);
        return a;
    }

    /** An operation without descriptor or snapshot. */
    public Op op(OpCode opcode, Value... args) {
        return add(new Op(opcode, Arrays.asList(args), null, null));
    }

    /** An operation that may raise: it carries the state to resume at if it does. */
    public Op raising(OpCode opcode, Snapshot snapshot, Value... args) {
        return add(new Op(opcode, Arrays.asList(args), null, snapshot));
    }

    /** {@code call_*} or {@code call_pure_*} of the builtin named {@code fn}. */
    public Op call(OpCode opcode, String fn, Snapshot snapshot, Value... args) {
        return add(new Op(opcode, Arrays.asList(args), fn, snapshot));
    }

    public Op guard(OpCode opcode, Snapshot snapshot, Value... args) {
        if (!opcode.isGuard()) {
            throw new IllegalArgumentException(opcode.text + " is not a guard");
        }
        return add(new Op(opcode, Arrays.asList(args), null, snapshot));
    }

    public Op guardClass(Value ref, RefKind kind, Snapshot snapshot) {
        return add(new Op(OpCode.GUARD_CLASS, List.of(ref), kind, snapshot));
    }

    public Op label(Snapshot snapshot, Value... vars) {
        return add(new Op(OpCode.LABEL, Arrays.asList(vars), null, snapshot));
    }

    public Op jump(Value... values) {
        return add(new Op(OpCode.JUMP, Arrays.asList(values), null, null));
    }

    public Op finish(Snapshot snapshot, Value... values) {
        return add(new Op(OpCode.FINISH, Arrays.asList(values), null, snapshot));
    }

    /** Any operation made elsewhere. */
    public Op add(Op op) {
        ops.add(op);
        return op;
    }

    public int size() {
        return ops.size();
    }

    /** The trace so far, verified. */
    public Trace build() {
        return TraceVerifier.verify(new Trace(inputs, ops));
    }
}
