package dev.vecl.runtime;

/** Python's slice normalisation ({@code slice.indices} / {@code PySlice_AdjustIndices}). */
public final class Slice {
    public final int start;
    public final int step;
    public final int count;

    private Slice(int start, int step, int count) {
        this.start = start;
        this.step = step;
        this.count = count;
    }

    private static boolean isNone(Object x) {
        return x == null || x == VNone.NONE;
    }

    private static long index(Object x) {
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw VeclError.type("slice indices must be integers or None or have an __index__ method");
    }

    public static Slice of(Object start, Object stop, Object step, int length) {
        long st = isNone(step) ? 1 : index(step);
        if (st == 0) {
            throw VeclError.value("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (isNone(start)) {
            lo = st < 0 ? length - 1 : 0;
        } else {
            lo = index(start);
            if (lo < 0) {
                lo += length;
                if (lo < 0) {
                    lo = st < 0 ? -1 : 0;
                }
            } else if (lo >= length) {
                lo = st < 0 ? length - 1 : length;
            }
        }
        if (isNone(stop)) {
            hi = st < 0 ? -1 : length;
        } else {
            hi = index(stop);
            if (hi < 0) {
                hi += length;
                if (hi < 0) {
                    hi = st < 0 ? -1 : 0;
                }
            } else if (hi >= length) {
                hi = st < 0 ? length - 1 : length;
            }
        }
        long n;
        if (st < 0) {
            n = hi < lo ? (lo - hi - 1) / (-st) + 1 : 0;
        } else {
            n = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        }
        // a step beyond int range can only select the first element
        int stepI = (int) Math.max(Math.min(st, Integer.MAX_VALUE), -Integer.MAX_VALUE);
        return new Slice((int) lo, stepI, (int) n);
    }
}
