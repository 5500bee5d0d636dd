package dev.vecl.trace.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * A resume descriptor: the interpreter frames to rebuild when a guard fails, outermost first,
 * innermost last. Each frame names its code, the pc to resume at, and its live registers as trace
 * values or constants; registers not listed are dead. An outer frame's pc is that of its call
 * instruction: the interpreter finishes the inner frame, writes the result to the call's
 * destination register and continues after the call.
 */
public record Snapshot(List<Frame> frames) {

    public Snapshot {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one frame");
        }
        frames = List.copyOf(frames);
    }

    public record Frame(String code, int pc, SortedMap<Integer, Value> registers) {
        public Frame {
            registers = Collections.unmodifiableSortedMap(new TreeMap<>(registers));
        }

        public static Frame of(String code, int pc, Map<Integer, Value> registers) {
            return new Frame(code, pc, new TreeMap<>(registers));
        }
    }

    public static Snapshot of(Frame... frames) {
        return new Snapshot(List.of(frames));
    }

    public Frame innermost() {
        return frames.get(frames.size() - 1);
    }

    /** The same snapshot with every value replaced through {@code f}. */
    public Snapshot map(Function<Value, Value> f) {
        // most passes change no value of most snapshots: share those (snapshots are immutable);
        // copying every snapshot of a 13,000-op trace made each pass take seconds
        boolean changes = false;
        for (Frame fr : frames) {
            for (Value v : fr.registers.values()) {
                if (f.apply(v) != v) {
                    changes = true;
                    break;
                }
            }
            if (changes) {
                break;
            }
        }
        if (!changes) {
            return this;
        }
        List<Frame> out = new ArrayList<>(frames.size());
        for (Frame fr : frames) {
            TreeMap<Integer, Value> regs = new TreeMap<>();
            for (Map.Entry<Integer, Value> e : fr.registers.entrySet()) {
                regs.put(e.getKey(), f.apply(e.getValue()));
            }
            out.add(new Frame(fr.code, fr.pc, regs));
        }
        return new Snapshot(out);
    }

    public void forEachValue(Consumer<Value> c) {
        for (Frame fr : frames) {
            fr.registers.values().forEach(c);
        }
    }
}
