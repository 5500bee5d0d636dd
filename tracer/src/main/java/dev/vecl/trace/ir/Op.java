package dev.vecl.trace.ir;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One trace operation, which is also the value it produces. Immutable: passes build new
 * operations rather than editing old ones.
 */
public final class Op implements Value {
    public final OpCode opcode;
    private final Value[] args;
    /** {@code fn=} name for calls (a String), {@code cls=} kind for guard_class (a RefKind), else null. */
    public final Object descr;
    /** Resume state: required on guards, labels and operations that may raise ({@link Eval#mayRaise}); optional elsewhere. */
    public final Snapshot snapshot;

    public Op(OpCode opcode, List<? extends Value> args, Object descr, Snapshot snapshot) {
        this.opcode = opcode;
        this.args = args.toArray(new Value[0]);
        this.descr = descr;
        this.snapshot = snapshot;
    }

    public static Op of(OpCode opcode, Value... args) {
        return new Op(opcode, Arrays.asList(args), null, null);
    }

    @Override
    public Type type() {
        return switch (opcode.result) {
            case ANY -> args[0].type();
            case MASK_OF -> args[0].type().mask();
            case SECOND -> args[1].type();
            default -> opcode.result;
        };
    }

    public int numArgs() {
        return args.length;
    }

    public Value arg(int i) {
        return args[i];
    }

    public List<Value> args() {
        return List.of(args);
    }

    public boolean hasResult() {
        return type() != Type.VOID;
    }

    /** A copy with arguments and snapshot values mapped through {@code f}. */
    public Op map(Function<Value, Value> f) {
        Value[] a = new Value[args.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = f.apply(args[i]);
        }
        return new Op(opcode, Arrays.asList(a), descr, snapshot == null ? null : snapshot.map(f));
    }

    public Op withArgs(List<? extends Value> newArgs) {
        return new Op(opcode, newArgs, descr, snapshot);
    }

    public Op withSnapshot(Snapshot s) {
        return new Op(opcode, Arrays.asList(args), descr, s);
    }

    @Override
    public String toString() {
        return opcode.text + Arrays.toString(args);
    }
}
