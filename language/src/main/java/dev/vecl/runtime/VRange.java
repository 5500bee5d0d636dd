package dev.vecl.runtime;

import com.oracle.truffle.api.interop.TruffleObject;

/**
 * Python's {@code range} as a value ({@code list(range(5))}, {@code len(range(n))}). A
 * {@code for i in range(...)} loop never makes one: the compiler turns it into a counted loop.
 */
public final class VRange implements TruffleObject {
    public final long start;
    public final long stop;
    public final long step;
    public final long length;

    public VRange(long start, long stop, long step) {
        if (step == 0) {
            throw VeclError.value("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        long n;
        if (step > 0) {
            n = start < stop ? Long.divideUnsigned(stop - start - 1, step) + 1 : 0;
        } else {
            n = start > stop ? Long.divideUnsigned(start - stop - 1, -step) + 1 : 0;
        }
        this.length = n;
    }

    /** Python's {@code range(...)} builtin: 1 to 3 int arguments. */
    public static VRange of(Object[] args) {
        long[] v = new long[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Long l) {
                v[i] = l;
            } else if (a instanceof Boolean b) {
                v[i] = b ? 1 : 0;
            } else {
                throw VeclError.type("'" + Ops.typeName(a) + "' object cannot be interpreted as an integer");
            }
        }
        return switch (v.length) {
            case 1 -> new VRange(0, v[0], 1);
            case 2 -> new VRange(v[0], v[1], 1);
            default -> new VRange(v[0], v[1], v[2]);
        };
    }

    public long get(long index) {
        long i = index < 0 ? index + length : index;
        if (i < 0 || i >= length) {
            throw VeclError.index("range object index out of range");
        }
        return start + i * step;
    }

    public boolean containsLong(long x) {
        if (step > 0 ? (x < start || x >= stop) : (x > start || x <= stop)) {
            return false;
        }
        return Math.floorMod(x - start, Math.abs(step)) == 0;
    }

    /** Python compares ranges as sequences. */
    public boolean sameSequence(VRange o) {
        if (length != o.length) {
            return false;
        }
        if (length == 0) {
            return true;
        }
        return start == o.start && (length == 1 || step == o.step);
    }

    @Override
    public String toString() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }
}
