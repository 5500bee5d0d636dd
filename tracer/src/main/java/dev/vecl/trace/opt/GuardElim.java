package dev.vecl.trace.opt;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Op;
import dev.vecl.trace.ir.OpCode;
import dev.vecl.trace.ir.RefKind;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.Value;

/**
 * Redundant-guard removal with what guards and operations prove about values: a passed
 * {@code guard_true(b)} makes b the constant True for the rest of the region (likewise
 * guard_false, guard_value, guard_isnull and {@code guard_true(int_eq(x, c))}); a passed
 * {@code guard_class} fixes a reference's kind (and non-nullness); integer comparisons and
 * {@code guard_index} give ranges and order facts ({@code a < b}, {@code a <= b}). An integer
 * comparison that these decide becomes a constant, so a guard on it disappears, and a
 * guard_index they imply is removed, also through constant offsets ({@code 0 <= i < n} implies
 * {@code 0 <= i + 1 < n + 1}, which is what a hoisted bounds check often is). Guards are never moved here, so snapshots are untouched.
 * Knowledge does not cross the label.
 */
public final class GuardElim implements Pass {

    private record Pair(Value a, Value b) {
    }

    private final Map<Value, RefKind> classes = new IdentityHashMap<>();
    private final Set<Value> nonnull = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Value, long[]> ranges = new IdentityHashMap<>();
    private final Set<Pair> lt = new HashSet<>();
    private final Set<Pair> le = new HashSet<>();

    @Override
    public Trace apply(Trace trace) {
        reset();
        Rewriter rw = new Rewriter(trace);
        for (Op op : trace.ops) {
            if (op.opcode == OpCode.LABEL) {
                rw.emitLabel(op);
                reset();
                continue;
            }
            Op o = rw.copy(op);
            if (o.opcode.isIntCompare()) {
                Boolean d = decide(o.opcode, o.arg(0), o.arg(1));
                if (d != null) {
                    rw.replace(op, Const.of(d));
                    continue;
                }
            }
            if (o.opcode.isGuard()) {
                if (implied(o) || o.opcode == OpCode.GUARD_INDEX && offsetImplied(o.arg(0), o.arg(1), rw.labelVars())) {
                    continue;
                }
                rw.emit(o);
                learn(o, rw);
                continue;
            }
            rw.emit(o);
            learnResult(o);
        }
        Trace out = rw.finish();
        reset();
        return out;
    }

    private void reset() {
        classes.clear();
        nonnull.clear();
        ranges.clear();
        lt.clear();
        le.clear();
    }

    private boolean implied(Op g) {
        Value a = g.arg(0);
        return switch (g.opcode) {
            case GUARD_TRUE -> a == Const.TRUE;
            case GUARD_FALSE -> a == Const.FALSE;
            case GUARD_VALUE -> a.equals(g.arg(1));
            case GUARD_CLASS -> classes.get(a) == g.descr;
            case GUARD_NONNULL -> nonnull.contains(a) || classes.containsKey(a);
            case GUARD_ISNULL -> a == Const.NULL;
            case GUARD_INDEX -> lo(a) >= 0 && (lt.contains(new Pair(a, g.arg(1))) || hi(a) < lo(g.arg(1)));
            default -> false;
        };
    }

    /**
     * guard_index(x + c, n + d) is implied by a known x < n with c <= d (or x <= n with c < d) when
     * x + c >= 0 and x, n have bounded ranges, so that neither sum wraps.
     */
    private boolean offsetImplied(Value index, Value length, Set<Value> opaque) {
        IndexForm fi = IndexForm.of(index, opaque);
        IndexForm fn = IndexForm.of(length, opaque);
        Value x = fi.base();
        Value n = fn.base();
        long c = fi.offset();
        long d = fn.offset();
        if (x == null || n == null || !Lengths.small(c) || !Lengths.small(d) || !bounded(x) || !bounded(n)) {
            return false;
        }
        if (lo(x) + c < 0) {
            return false;
        }
        return lt.contains(new Pair(x, n)) && c <= d || le.contains(new Pair(x, n)) && c < d;
    }

    private boolean bounded(Value v) {
        return lo(v) > -(1L << 62) && hi(v) < (1L << 62);
    }

    private void learn(Op g, Rewriter rw) {
        Value a = g.arg(0);
        switch (g.opcode) {
            case GUARD_TRUE, GUARD_FALSE -> {
                boolean truth = g.opcode == OpCode.GUARD_TRUE;
                rw.replace(a, Const.of(truth));
                if (a instanceof Op cmp && cmp.opcode.isIntCompare() && !rw.labelVars().contains(a)) {
                    learnCompare(cmp.opcode, cmp.arg(0), cmp.arg(1), truth, rw);
                }
            }
            case GUARD_VALUE -> rw.replace(a, g.arg(1));
            case GUARD_ISNULL -> rw.replace(a, Const.NULL);
            case GUARD_NONNULL -> nonnull.add(a);
            case GUARD_CLASS -> classes.put(a, (RefKind) g.descr);
            case GUARD_INDEX -> {
                narrow(a, 0, Long.MAX_VALUE);
                addLt(a, g.arg(1));
            }
            default -> {
            }
        }
    }

    private void learnCompare(OpCode oc, Value a, Value b, boolean truth, Rewriter rw) {
        switch (oc) {
            case INT_LT -> {
                if (truth) {
                    addLt(a, b);
                } else {
                    addLe(b, a);
                }
            }
            case INT_LE -> {
                if (truth) {
                    addLe(a, b);
                } else {
                    addLt(b, a);
                }
            }
            case INT_GT -> learnCompare(OpCode.INT_LT, b, a, truth, rw);
            case INT_GE -> learnCompare(OpCode.INT_LE, b, a, truth, rw);
            case INT_EQ, INT_NE -> {
                if (truth == (oc == OpCode.INT_EQ)) {
                    if (b instanceof Const && !(a instanceof Const)) {
                        rw.replace(a, b);
                    } else if (a instanceof Const && !(b instanceof Const)) {
                        rw.replace(b, a);
                    } else {
                        addLe(a, b);
                        addLe(b, a);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void learnResult(Op o) {
        switch (o.opcode) {
            case ARRAYLEN, LIST_LEN, STR_LEN -> narrow(o, 0, Integer.MAX_VALUE);
            case CAST_BOOL_TO_INT -> narrow(o, 0, 1);
            case GETARRAYITEM_I32 -> narrow(o, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT_AND -> {
                if (o.arg(1) instanceof Const.Int c && c.value() >= 0) {
                    narrow(o, 0, c.value());
                } else if (o.arg(0) instanceof Const.Int c && c.value() >= 0) {
                    narrow(o, 0, c.value());
                }
            }
            case BOX_INT -> classes.put(o, RefKind.INT);
            case BOX_FLOAT -> classes.put(o, RefKind.FLOAT);
            case BOX_F32 -> classes.put(o, RefKind.F32);
            case BOX_BOOL -> classes.put(o, RefKind.BOOL);
            default -> {
            }
        }
    }

    // ---- integer facts ----

    private void addLt(Value a, Value b) {
        lt.add(new Pair(a, b));
        le.add(new Pair(a, b));
        if (hi(b) != Long.MIN_VALUE) {
            narrow(a, Long.MIN_VALUE, hi(b) - 1);
        }
        if (lo(a) != Long.MAX_VALUE) {
            narrow(b, lo(a) + 1, Long.MAX_VALUE);
        }
    }

    private void addLe(Value a, Value b) {
        le.add(new Pair(a, b));
        narrow(a, Long.MIN_VALUE, hi(b));
        narrow(b, lo(a), Long.MAX_VALUE);
    }

    private void narrow(Value v, long lo, long hi) {
        if (v instanceof Const) {
            return;
        }
        long[] r = ranges.computeIfAbsent(v, k -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
        r[0] = Math.max(r[0], lo);
        r[1] = Math.min(r[1], hi);
    }

    private long lo(Value v) {
        if (v instanceof Const.Int c) {
            return c.value();
        }
        long[] r = ranges.get(v);
        return r == null ? Long.MIN_VALUE : r[0];
    }

    private long hi(Value v) {
        if (v instanceof Const.Int c) {
            return c.value();
        }
        long[] r = ranges.get(v);
        return r == null ? Long.MAX_VALUE : r[1];
    }

    /** The value of a comparison if the facts decide it, else null. */
    private Boolean decide(OpCode oc, Value a, Value b) {
        return switch (oc) {
            case INT_LT -> less(a, b, true);
            case INT_LE -> less(a, b, false);
            case INT_GT -> less(b, a, true);
            case INT_GE -> less(b, a, false);
            case INT_EQ -> equal(a, b);
            case INT_NE -> {
                Boolean e = equal(a, b);
                yield e == null ? null : !e;
            }
            default -> null;
        };
    }

    /** a < b (strict) or a <= b, if decided. */
    private Boolean less(Value a, Value b, boolean strict) {
        Pair ab = new Pair(a, b);
        Pair ba = new Pair(b, a);
        if (strict) {
            if (hi(a) < lo(b) || lt.contains(ab)) {
                return true;
            }
            if (lo(a) >= hi(b) || le.contains(ba)) {
                return false;
            }
        } else {
            if (hi(a) <= lo(b) || le.contains(ab)) {
                return true;
            }
            if (lo(a) > hi(b) || lt.contains(ba)) {
                return false;
            }
        }
        return null;
    }

    private Boolean equal(Value a, Value b) {
        if (hi(a) < lo(b) || hi(b) < lo(a) || lt.contains(new Pair(a, b)) || lt.contains(new Pair(b, a))) {
            return false;
        }
        if (le.contains(new Pair(a, b)) && le.contains(new Pair(b, a))) {
            return true;
        }
        return null;
    }
}
