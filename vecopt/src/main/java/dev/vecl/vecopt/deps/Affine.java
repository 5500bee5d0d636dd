package dev.vecl.vecopt.deps;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vecl.trace.ir.Const;
import dev.vecl.trace.ir.Value;

/**
 * An integer value of the loop body as an affine form of the induction variable i:
 * {@code c + sum(coeff * term) + scale * i}, where the terms are loop invariants and the scale is a
 * constant or one invariant value (a view's stride, checked to be 1 at loop entry).
 */
public record Affine(long constant, Map<Value, Long> terms, long scale, Value symbolicScale) {

    public static Affine invariant(Value v) {
        if (v instanceof Const.Int c) {
            return new Affine(c.value(), Map.of(), 0, null);
        }
        return new Affine(0, Map.of(v, 1L), 0, null);
    }

    public static Affine induction() {
        return new Affine(0, Map.of(), 1, null);
    }

    public boolean dependsOnI() {
        return scale != 0 || symbolicScale != null;
    }

    /** a + sign * b, or null when the scale is not representable. */
    public static Affine add(Affine a, Affine b, long sign) {
        Value sym;
        long scale;
        if (a.symbolicScale == null && b.symbolicScale == null) {
            sym = null;
            scale = a.scale + sign * b.scale;
        } else if (b.symbolicScale == null && b.scale == 0) {
            sym = a.symbolicScale;
            scale = 0;
        } else if (a.symbolicScale == null && a.scale == 0 && sign == 1) {
            sym = b.symbolicScale;
            scale = 0;
        } else {
            return null;
        }
        Map<Value, Long> t = new LinkedHashMap<>(a.terms);
        b.terms.forEach((v, k) -> t.merge(v, sign * k, Long::sum));
        t.values().removeIf(k -> k == 0);
        return new Affine(a.constant + sign * b.constant, t, scale, sym);
    }

    /** a * b where b is loop-invariant, or null. */
    public static Affine mul(Affine a, Value b) {
        if (b instanceof Const.Int c) {
            if (a.symbolicScale != null && c.value() != 1) {
                return null;
            }
            Map<Value, Long> t = new LinkedHashMap<>();
            a.terms.forEach((v, k) -> t.put(v, k * c.value()));
            t.values().removeIf(k -> k == 0);
            return new Affine(a.constant * c.value(), t, a.scale * c.value(), a.symbolicScale);
        }
        // i * stride: the only symbolic product kept
        // (i + c) * stride = c * stride + i * stride
        if (a.symbolicScale == null && a.scale == 1 && a.terms.isEmpty()) {
            return new Affine(0, a.constant == 0 ? Map.of() : Map.of(b, a.constant), 0, b);
        }
        return null;
    }

    /** The loop-invariant part (this form with i = 0) minus {@code o}'s, if it is a constant; null otherwise. */
    public Long constantDistanceFrom(Affine o) {
        if (!terms.equals(o.terms)) {
            return null;
        }
        return constant - o.constant;
    }
}
