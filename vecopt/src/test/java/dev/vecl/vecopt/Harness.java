package dev.vecl.vecopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.Type;

/**
 * Random inputs for recorder-shaped loops over arrays, and the program outcome of a run: a guard
 * exit resumes "the interpreter", played by the recorded (unoptimized) trace, run from the exit's
 * registers until the loop ends or an error would be raised. Two runs agree when all memory and
 * that final state agree.
 */
public final class Harness {
    private Harness() {
    }

    /** Inputs of one run: the trace inputs and every storage they reach, built afresh from a seed. */
    public record Inputs(Object[] values, List<Object> storages) {
    }

    /**
     * Inputs for a trace whose ref inputs are arrays of {@code dtype}, int inputs (start, then
     * stop) and scalar inputs of the element type. Lengths 0..67, offsets, strides 1/2/-1, arrays
     * sharing one storage (overlapping views), NaN, infinities, -0.0.
     */
    public static Inputs inputs(Trace t, DType dtype, long seed) {
        Random r = new Random(seed);
        int refs = (int) t.inputs.stream().filter(a -> a.type() == Type.REF).count();
        int len = r.nextInt(68);
        List<Object> storages = new ArrayList<>();
        Map<DType, Object> sharedOf = new java.util.EnumMap<>(DType.class);
        List<VArray> arrays = new ArrayList<>();
        int minLen = Integer.MAX_VALUE;
        List<DType> kinds = refDtypes(t, dtype);
        for (int k = 0; k < refs; k++) {
            DType d = kinds.get(k);
            Object shared = sharedOf.computeIfAbsent(d, x -> {
                Object st = storage(x, len * 2 + 20, r);
                storages.add(st);
                return st;
            });
            boolean share = r.nextInt(3) == 0;
            Object st = share ? shared : storage(d, len * 2 + 20, r);
            if (!share) {
                storages.add(st);
            }
            int n = r.nextInt(4) == 0 ? len + r.nextInt(3) - 1 : len;
            n = Math.max(0, n);
            int pick = r.nextInt(10);
            int stride = pick == 0 ? 2 : pick == 1 ? -1 : 1;
            int offset = stride < 0 ? n + r.nextInt(5) : r.nextInt(share ? 12 : 5);
            arrays.add(new VArray(d, st, offset, stride, n));
            minLen = Math.min(minLen, n);
        }
        Object[] v = new Object[t.inputs.size()];
        int ref = 0;
        int ints = 0;
        for (int k = 0; k < v.length; k++) {
            Type ty = t.inputs.get(k).type();
            v[k] = switch (ty) {
                case REF -> arrays.get(ref++);
                case INT -> ints++ == 0 ? (Object) (long) (r.nextInt(8) == 0 ? 1 : 0)
                                : (Object) (long) (r.nextInt(6) == 0 ? minLen + r.nextInt(3) : r.nextInt(5) == 0 ? r.nextInt(minLen + 1) : minLen);
                case FLOAT -> special(r);
                case F32 -> (float) special(r);
                case BOOL -> r.nextBoolean();
                default -> throw new IllegalArgumentException(ty.text);
            };
            if (ty == Type.INT && ints > 2) {
                v[k] = (long) r.nextInt(1000) - 500; // an accumulator
            }
        }
        return new Inputs(v, storages);
    }

    /** The dtype of each ref input: what the trace's guard_class on it says, else {@code dtype}. */
    static List<DType> refDtypes(Trace t, DType dtype) {
        List<DType> out = new ArrayList<>();
        for (dev.vecl.trace.ir.InputArg in : t.inputs) {
            if (in.type() != Type.REF) {
                continue;
            }
            DType d = dtype;
            for (dev.vecl.trace.ir.Op op : t.ops) {
                if (op.opcode == dev.vecl.trace.ir.OpCode.GUARD_CLASS && op.arg(0) == in && op.descr instanceof dev.vecl.trace.ir.RefKind k
                                && k.name().startsWith("ARRAY_")) {
                    d = DType.valueOf(k.name().substring("ARRAY_".length()));
                    break;
                }
            }
            out.add(d);
        }
        return out;
    }

    static double special(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> Double.POSITIVE_INFINITY;
            case 2 -> Double.NEGATIVE_INFINITY;
            case 3 -> -0.0;
            case 4 -> 0.0;
            default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(7) - 3);
        };
    }

    static Object storage(DType d, int n, Random r) {
        return switch (d) {
            case FLOAT64 -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = special(r);
                }
                yield a;
            }
            case FLOAT32 -> {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) special(r);
                }
                yield a;
            }
            case INT64 -> {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2001) - 1000;
                }
                yield a;
            }
            case BOOL -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = r.nextBoolean();
                }
                yield a;
            }
            default -> throw new IllegalArgumentException(d.name());
        };
    }

    /** Where a run ends: memory and the state the recorded loop stops in (its exit's op index and frames). */
    public static String outcome(Trace recorded, int[] inputRegisters, TraceInterpreter.Exit first, Inputs in, Map<String, Function<Object[], Object>> fns) {
        TraceInterpreter.Exit e = first;
        int header = recorded.label().snapshot.innermost().pc();
        if (e.kind() == TraceInterpreter.ExitKind.GUARD && e.frames().size() == 1 && e.frames().get(0).pc() == header) {
            Map<Integer, Object> regs = e.frames().get(0).registers();
            Object[] inputs = new Object[inputRegisters.length];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = regs.get(inputRegisters[k]);
            }
            e = new TraceInterpreter(fns).run(recorded, inputs, Integer.MAX_VALUE);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(e.kind()).append(' ');
        for (TraceInterpreter.FrameState f : e.frames()) {
            sb.append(f.code()).append('@').append(f.pc()).append(':');
            f.registers().forEach((k, v) -> sb.append(" r").append(k).append('=').append(v instanceof VArray ? "array" : String.valueOf(v)));
            sb.append("; ");
        }
        for (Object s : in.storages()) {
            sb.append('\n').append(switch (s) {
                case double[] a -> java.util.Arrays.toString(a);
                case float[] a -> java.util.Arrays.toString(a);
                case long[] a -> java.util.Arrays.toString(a);
                case boolean[] a -> java.util.Arrays.toString(a);
                default -> s.toString();
            });
        }
        return sb.toString();
    }
}
