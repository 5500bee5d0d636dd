package dev.vecl.trace.backend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.trace.ir.TraceInterpreter.FrameState;

/** Test helpers: copies of inputs that keep storage sharing, and an exit state (frames and memory) as text. */
final class TraceState {
    private TraceState() {
    }

    static Object[] deepCopy(Object[] in) {
        Map<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = copy(in[i], copies);
        }
        return out;
    }

    private static Object copy(Object o, Map<Object, Object> copies) {
        if (o instanceof VArray a) {
            return copies.computeIfAbsent(a, k -> new VArray(a.dtype, copies.computeIfAbsent(a.storage, TraceState::cloneStorage), a.offset, a.stride, a.length));
        }
        if (o instanceof VList l) {
            return copies.computeIfAbsent(l, k -> new VList(new ArrayList<>(l.items)));
        }
        return o;
    }

    private static Object cloneStorage(Object s) {
        return switch (s) {
            case double[] d -> d.clone();
            case float[] f -> f.clone();
            case long[] l -> l.clone();
            case int[] i -> i.clone();
            case boolean[] b -> b.clone();
            default -> throw new IllegalArgumentException();
        };
    }

    /** Frames (values with their Java class; references as input positions) and all memory reachable from the inputs. */
    static String of(List<FrameState> frames, Object[] roots) {
        StringBuilder sb = new StringBuilder();
        for (FrameState f : frames) {
            sb.append(f.code()).append('@').append(f.pc()).append('{');
            f.registers().forEach((r, v) -> sb.append('r').append(r).append('=').append(describe(v, roots)).append(' '));
            sb.append("} ");
        }
        sb.append("| ");
        for (Object o : roots) {
            if (o instanceof VArray a) {
                sb.append(storageText(a.storage)).append(' ');
            } else if (o instanceof VList l) {
                sb.append(l.items).append(' ');
            }
        }
        return sb.toString();
    }

    private static String describe(Object v, Object[] roots) {
        for (int i = 0; i < roots.length; i++) {
            if (v == roots[i] && (v instanceof VArray || v instanceof VList)) {
                return "input" + i;
            }
        }
        if (v instanceof double[] || v instanceof float[] || v instanceof long[] || v instanceof int[] || v instanceof boolean[]) {
            for (int i = 0; i < roots.length; i++) {
                if (roots[i] instanceof VArray a && a.storage == v) {
                    return "storage" + i;
                }
            }
        }
        return v + ":" + (v == null ? "null" : v.getClass().getSimpleName());
    }

    private static String storageText(Object s) {
        return switch (s) {
            case double[] d -> Arrays.toString(d);
            case float[] f -> Arrays.toString(f);
            case long[] l -> Arrays.toString(l);
            case int[] i -> Arrays.toString(i);
            case boolean[] b -> Arrays.toString(b);
            default -> s.toString();
        };
    }
}
