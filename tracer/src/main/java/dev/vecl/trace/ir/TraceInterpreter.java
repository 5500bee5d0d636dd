package dev.vecl.trace.ir;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.vecl.runtime.Arith;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VeclError;

/**
 * The reference semantics of a trace: runs it on boxed values ({@code Long}, {@code Double},
 * {@code Float}, {@code Boolean}, references) until it leaves. Slow and simple; used to check that
 * optimized traces behave as the traces they came from, and as the definition the backend's nodes
 * must agree with.
 */
public final class TraceInterpreter {

    public enum ExitKind {
        /** A guard failed. */
        GUARD,
        /** An operation raised; the interpreter re-executes its instruction and raises properly. */
        RAISE,
        /** A finish operation. */
        FINISH,
        /** The iteration limit was reached at the label. */
        LIMIT
    }

    /** A frame to rebuild: code, pc and the registers' runtime values. */
    public record FrameState(String code, int pc, Map<Integer, Object> registers) {
    }

    /** How the trace left: which operation, the interpreter state to resume with, iterations run. */
    public record Exit(ExitKind kind, Op op, List<FrameState> frames, int iterations) {
    }

    private final Map<String, Function<Object[], Object>> functions;

    /** {@code functions} implements the builtins calls name with fn=. */
    public TraceInterpreter(Map<String, Function<Object[], Object>> functions) {
        this.functions = functions;
    }

    /** An observer of every resume state the trace passes (guards, raising ops, labels), before the check. */
    public interface Listener {
        void at(Op op, List<FrameState> state);
    }

    public Exit run(Trace t, Object[] inputs, int maxIterations) {
        return run(t, inputs, maxIterations, (op, s) -> {
        });
    }

    public Exit run(Trace t, Object[] inputs, int maxIterations, Listener listener) {
        Map<Value, Object> env = new IdentityHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            env.put(t.inputs.get(i), inputs[i]);
        }
        int label = t.labelIndex();
        int iterations = 0;
        int pc = 0;
        while (true) {
            Op op = t.ops.get(pc);
            if (op.snapshot != null && (op.opcode.isGuard() || op.opcode == OpCode.LABEL || Eval.mayRaise(op))) {
                listener.at(op, materialize(op.snapshot, env));
            }
            switch (op.opcode) {
                case LABEL -> {
                    if (iterations >= maxIterations) {
                        return new Exit(ExitKind.LIMIT, op, materialize(op.snapshot, env), iterations);
                    }
                }
                case JUMP -> {
                    Object[] next = new Object[op.numArgs()];
                    for (int k = 0; k < next.length; k++) {
                        next[k] = get(env, op.arg(k));
                    }
                    Op l = t.ops.get(label);
                    for (int k = 0; k < next.length; k++) {
                        env.put(l.arg(k), next[k]);
                    }
                    iterations++;
                    pc = label;
                    continue;
                }
                case FINISH -> {
                    return new Exit(ExitKind.FINISH, op, op.snapshot == null ? List.of() : materialize(op.snapshot, env), iterations);
                }
                default -> {
                    if (op.opcode.isGuard()) {
                        if (!guardHolds(op, env)) {
                            return new Exit(ExitKind.GUARD, op, materialize(op.snapshot, env), iterations);
                        }
                    } else {
                        try {
                            Object r = execute(op, env);
                            if (op.opcode == OpCode.CALL_LOOP && !(r instanceof Object[])) {
                                throw new IllegalStateException("call_loop " + op.descr + " returned " + r);
                            }
                            if (op.hasResult()) {
                                env.put(op, r);
                            }
                        } catch (LoopLeft left) {
                            // the inner loop left other than by its end: so does this trace, with both traces' frames
                            return new Exit(left.kind(), op, left.compose(materialize(op.snapshot, env)), iterations);
                        } catch (VeclError | ArithmeticException | IllegalArgumentException e) {
                            if (op.snapshot == null) {
                                throw new IllegalStateException("operation raised without a snapshot: " + op, e);
                            }
                            return new Exit(ExitKind.RAISE, op, materialize(op.snapshot, env), iterations);
                        }
                    }
                }
            }
            pc++;
        }
    }

    private static Object get(Map<Value, Object> env, Value v) {
        if (v instanceof Const c) {
            return c.boxed();
        }
        if (!env.containsKey(v)) {
            throw new IllegalStateException("value without a value: " + v);
        }
        return env.get(v);
    }

    private static List<FrameState> materialize(Snapshot s, Map<Value, Object> env) {
        List<FrameState> out = new ArrayList<>();
        for (Snapshot.Frame f : s.frames()) {
            Map<Integer, Object> regs = new TreeMap<>();
            f.registers().forEach((r, v) -> regs.put(r, get(env, v)));
            out.add(new FrameState(f.code(), f.pc(), regs));
        }
        return out;
    }

    private static boolean guardHolds(Op g, Map<Value, Object> env) {
        Object a = get(env, g.arg(0));
        return switch (g.opcode) {
            case GUARD_TRUE -> (Boolean) a;
            case GUARD_FALSE -> !(Boolean) a;
            case GUARD_CLASS -> a != null && RefKind.of(a) == g.descr;
            case GUARD_VALUE -> g.arg(1) instanceof Const.Ref r ? a == r.object() : a.equals(get(env, g.arg(1)));
            case GUARD_NONNULL -> a != null;
            case GUARD_ISNULL -> a == null;
            case GUARD_INDEX -> {
                long i = (Long) a;
                long n = (Long) get(env, g.arg(1));
                yield i >= 0 && i < n;
            }
            default -> throw new IllegalStateException(g.opcode.text);
        };
    }

    private Object execute(Op op, Map<Value, Object> env) {
        Object[] a = new Object[op.numArgs()];
        for (int i = 0; i < a.length; i++) {
            a[i] = get(env, op.arg(i));
        }
        switch (op.opcode) {
            case ARRAYLEN:
                return (long) ((VArray) a[0]).length;
            case ARRAY_STORAGE:
                return ((VArray) a[0]).storage;
            case ARRAY_OFFSET:
                return (long) ((VArray) a[0]).offset;
            case ARRAY_STRIDE:
                return (long) ((VArray) a[0]).stride;
            case GETARRAYITEM_F64:
                return ((double[]) a[0])[idx(a[1])];
            case GETARRAYITEM_F32:
                return ((float[]) a[0])[idx(a[1])];
            case GETARRAYITEM_I64:
                return ((long[]) a[0])[idx(a[1])];
            case GETARRAYITEM_I32:
                return (long) ((int[]) a[0])[idx(a[1])];
            case GETARRAYITEM_BOOL:
                return ((boolean[]) a[0])[idx(a[1])];
            case SETARRAYITEM_F64:
                ((double[]) a[0])[idx(a[1])] = (Double) a[2];
                return null;
            case SETARRAYITEM_F32:
                ((float[]) a[0])[idx(a[1])] = (Float) a[2];
                return null;
            case SETARRAYITEM_I64:
                ((long[]) a[0])[idx(a[1])] = (Long) a[2];
                return null;
            case SETARRAYITEM_I32:
                ((int[]) a[0])[idx(a[1])] = Arith.longToInt32((Long) a[2]);
                return null;
            case SETARRAYITEM_BOOL:
                ((boolean[]) a[0])[idx(a[1])] = (Boolean) a[2];
                return null;
            case LIST_LEN:
                return (long) ((VList) a[0]).items.size();
            case LIST_GETITEM:
                return ((VList) a[0]).items.get(idx(a[1]));
            case LIST_SETITEM:
                ((VList) a[0]).items.set(idx(a[1]), a[2]);
                return null;
            case LIST_APPEND:
                ((VList) a[0]).items.add(a[1]);
                return null;
            case STR_LEN:
                return (long) ((String) a[0]).codePointCount(0, ((String) a[0]).length());
            case STR_GETITEM: {
                String s = (String) a[0];
                int at = s.offsetByCodePoints(0, idx(a[1]));
                return new String(Character.toChars(s.codePointAt(at)));
            }
            case BOX_INT, BOX_FLOAT, BOX_F32, BOX_BOOL, UNBOX_INT, UNBOX_FLOAT, UNBOX_F32, UNBOX_BOOL, SAME_AS:
                return a[0];
            case REF_EQ:
                return a[0] == a[1];
            case LOOP_RESULT:
                return ((Object[]) a[0])[idx(a[1])];
            default:
                break;
        }
        if (op.opcode.name().startsWith("VEC_")) {
            return VectorOps.execute(op.opcode, a);
        }
        if (op.opcode.has(OpCode.Flag.DESCR_FN)) {
            Function<Object[], Object> f = functions.get((String) op.descr);
            if (f == null) {
                throw new IllegalStateException("no function " + op.descr);
            }
            return f.apply(a);
        }
        return Eval.apply(op.opcode, a);
    }

    private static int idx(Object o) {
        return Math.toIntExact((Long) o);
    }
}
