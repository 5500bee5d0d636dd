package dev.vecl.vecopt;

import java.util.Map;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.ir.Value;
import dev.vecl.trace.opt.Pipeline;
import dev.vecl.vecopt.widen.Widen;

/** Recorder-shaped loops (as the recorder writes them: label(inputs) with r_k = input k) and the way to widen them. */
public final class Loops {
    private Loops() {
    }

    /** {@code for i in range(m): c[i] = a[i] + b[i] * k}, float64 views of any offset and stride (W2). */
    public static final String W2 = """
            [p0: ref, p1: ref, p2: ref, i3: int, i4: int, f5: float]
            label(p0, p1, p2, i3, i4, f5) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            b6 = int_lt(i3, i4)
            guard_true(b6) [main@10: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            i7 = arraylen(p0)
            guard_index(i3, i7) [main@14: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5]
            p8 = array_storage(p0)
            i9 = array_offset(p0)
            i10 = array_stride(p0)
            i11 = int_mul(i3, i10)
            i12 = int_add(i9, i11)
            f13 = getarrayitem_f64(p8, i12)
            guard_class(p1, cls=array.float64) [main@16: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f13]
            i14 = arraylen(p1)
            guard_index(i3, i14) [main@16: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f13]
            p15 = array_storage(p1)
            i16 = array_offset(p1)
            i17 = array_stride(p1)
            i18 = int_mul(i3, i17)
            i19 = int_add(i16, i18)
            f20 = getarrayitem_f64(p15, i19)
            f21 = float_mul(f20, f5)
            f22 = float_add(f13, f21)
            guard_class(p2, cls=array.float64) [main@20: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f22]
            i23 = arraylen(p2)
            guard_index(i3, i23) [main@20: r0=p0 r1=p1 r2=p2 r3=i3 r4=i4 r5=f5 r6=f22]
            p24 = array_storage(p2)
            i25 = array_offset(p2)
            i26 = array_stride(p2)
            i27 = int_mul(i3, i26)
            i28 = int_add(i25, i27)
            setarrayitem_f64(p24, i28, f22)
            i29 = int_add(i3, 1)
            jump(p0, p1, p2, i29, i4, f5)
            """;

    /** {@code for i in range(m): b[i] = ((a[i] * 0.5 + 1) * 2) - 0.5} on float32 views (W4), weak scalars converted. */
    public static final String W4 = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float32) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i2, i8)
            i10 = int_add(i7, i9)
            s11 = getarrayitem_f32(p6, i10)
            s12 = f32_mul(s11, 0.5f)
            s13 = f32_add(s12, 1.0f)
            s14 = f32_mul(s13, 2.0f)
            s15 = f32_sub(s14, 0.5f)
            guard_class(p1, cls=array.float32) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=s15]
            i16 = arraylen(p1)
            guard_index(i2, i16) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=s15]
            p17 = array_storage(p1)
            i18 = array_offset(p1)
            i19 = array_stride(p1)
            i20 = int_mul(i2, i19)
            i21 = int_add(i18, i20)
            setarrayitem_f32(p17, i21, s15)
            i22 = int_add(i2, 1)
            jump(p0, p1, i22, i3)
            """;

    /** {@code for i in range(m): s = s + a[i]} over an int64 view. */
    public static final String INT_SUM = """
            [p0: ref, i1: int, i2: int, i3: int]
            label(p0, i1, i2, i3) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@10: r0=p0 r1=i1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int64) [main@14: r0=p0 r1=i1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i1, i5) [main@14: r0=p0 r1=i1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i1, i8)
            i10 = int_add(i7, i9)
            i11 = getarrayitem_i64(p6, i10)
            i12 = int_add(i3, i11)
            i13 = int_add(i1, 1)
            jump(p0, i13, i2, i12)
            """;

    /** {@code for i in range(m): s = s + a[i]} over float64: in program order, not widened. */
    public static final String FLOAT_SUM = INT_SUM.replace("i3: int]", "f3: float]").replace("i3", "f3").replace("cls=array.int64", "cls=array.float64")
                    .replace("i11 = getarrayitem_i64", "f11 = getarrayitem_f64").replace("i12 = int_add(f3, i11)", "f12 = float_add(f3, f11)")
                    .replace("jump(p0, i13, i2, i12)", "jump(p0, i13, i2, f12)");

    /** {@code for i in range(m): b[i + 3] = a[i + 1] * 2.0 - a[i]}: constant offsets from i, two loads of one view. */
    public static final String SCALE_OFFSET = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            i30 = int_add(i2, 1)
            guard_index(i30, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i30, i8)
            i10 = int_add(i7, i9)
            f11 = getarrayitem_f64(p6, i10)
            f12 = float_mul(f11, 2.0)
            guard_index(i2, i5) [main@15: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
            i31 = int_mul(i2, i8)
            i32 = int_add(i7, i31)
            f33 = getarrayitem_f64(p6, i32)
            f34 = float_sub(f12, f33)
            guard_class(p1, cls=array.float64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f34]
            i13 = arraylen(p1)
            i35 = int_add(i2, 3)
            guard_index(i35, i13) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f34]
            p14 = array_storage(p1)
            i15 = array_offset(p1)
            i16 = array_stride(p1)
            i17 = int_mul(i35, i16)
            i18 = int_add(i15, i17)
            setarrayitem_f64(p14, i18, f34)
            i19 = int_add(i2, 1)
            jump(p0, p1, i19, i3)
            """;

    /** {@code for i in range(m): b[i] = -(a[i] * 3) ^ 5 + a[i]} on int64 views. */
    public static final String INT_MAP = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i2, i8)
            i10 = int_add(i7, i9)
            i11 = getarrayitem_i64(p6, i10)
            i12 = int_mul(i11, 3)
            i40 = int_neg(i12)
            i41 = int_xor(i40, 5)
            i42 = int_add(i41, i11)
            guard_class(p1, cls=array.int64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=i42]
            i16 = arraylen(p1)
            guard_index(i2, i16) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=i42]
            p17 = array_storage(p1)
            i18 = array_offset(p1)
            i19 = array_stride(p1)
            i20 = int_mul(i2, i19)
            i21 = int_add(i18, i20)
            setarrayitem_i64(p17, i21, i42)
            i22 = int_add(i2, 1)
            jump(p0, p1, i22, i3)
            """;

    /** {@code for i in range(m): s = min(s, a[i])} over int64 (also the prelude's min(a) and _minimum). */
    public static final String INT_MIN = INT_SUM.replace("i12 = int_add(i3, i11)", "i12 = int_minimum(i3, i11)");

    /** {@code for i in range(m): s = max(a[i], s)}. */
    public static final String INT_MAX = INT_SUM.replace("i12 = int_add(i3, i11)", "i12 = int_maximum(i11, i3)");

    /** {@code for i in range(m): b[i] = max(min(a[i] * 3, 5), -(a[i]))} on int64 views: lane-wise int min/max. */
    public static final String INT_MINMAX_MAP = INT_MAP.replace("i41 = int_xor(i40, 5)", "i41 = int_minimum(i12, 5)").replace("i42 = int_add(i41, i11)", "i42 = int_maximum(i41, i40)");

    /** {@code for i in range(m): c[i] = maximum(minimum(a[i], b[i]), k)}: NumPy's NaN and -0.0 rules, lane by lane. */
    public static final String MINMAX = W2.replace("f21 = float_mul(f20, f5)", "f21 = float_minimum(f13, f20)").replace("f22 = float_add(f13, f21)", "f22 = float_maximum(f21, f5)");

    /**
     * The shape {@code for i in range(m)} records: a hidden counter (i1) and the user's variable
     * (r4), which the jump sets to the counter's old value, so at the header it is one behind.
     */
    public static final String RANGE_SUM = """
            [p0: ref, i1: int, i2: int, i3: int, i4: int]
            label(p0, i1, i2, i3, i4) [main@10: r0=p0 r1=i1 r2=i2 r3=i3 r4=i4]
            b5 = int_lt(i1, i2)
            guard_true(b5) [main@10: r0=p0 r1=i1 r2=i2 r3=i3 r4=i4]
            i6 = int_add(i1, 1)
            guard_class(p0, cls=array.int64) [main@14: r0=p0 r1=i6 r2=i2 r3=i3 r4=i1]
            i7 = arraylen(p0)
            guard_index(i1, i7) [main@14: r0=p0 r1=i6 r2=i2 r3=i3 r4=i1]
            p8 = array_storage(p0)
            i9 = array_offset(p0)
            i10 = array_stride(p0)
            i11 = int_mul(i1, i10)
            i12 = int_add(i9, i11)
            i13 = getarrayitem_i64(p8, i12)
            i14 = int_mul(i13, i13)
            i15 = int_add(i3, i14)
            jump(p0, i6, i2, i15, i1)
            """;

    /** {@code for i in range(m): b[i] = 0.1} on float32: only a store of an invariant (its width decides the lanes: 16). */
    public static final String FILL32 = String.join("\n", W4.lines().filter(l -> !l.matches("\\s*s1[1-5] = .*") && !l.contains("guard_class(p0") && !l.contains("p6 = ")
                    && !l.matches("\\s*i(5|7|8|9|10) = .*") && !l.contains("i2, i5")).toList()).replace("r4=s15", "r4=0.1f").replace("s15)", "0.1f)") + "\n";

    /** {@code for i in range(m): b[i] = a[i] * 0.5 < 1.0}: a float32 comparison into a bool array (a mask of float32 lanes). */
    public static final String CMP32 = W4.replace("s13 = f32_add(s12, 1.0f)", "b13 = f32_lt(s12, 1.0f)").replace("s14 = f32_mul(s13, 2.0f)\n", "")
                    .replace("s15 = f32_sub(s14, 0.5f)\n", "").replace("r4=s15", "r4=b13").replace("guard_class(p1, cls=array.float32)", "guard_class(p1, cls=array.bool)")
                    .replace("setarrayitem_f32(p17, i21, s15)", "setarrayitem_bool(p17, i21, b13)");

    /**
     * {@code for i in range(m): c[i] = not ((a[i] < k) & b[i] | (a[i] != a[i]))} with a float64, b and
     * c bool: masks combined with a bool array's elements, which take float64's mask type.
     */
    public static final String MASKS64 = W2.replace("guard_class(p1, cls=array.float64)", "guard_class(p1, cls=array.bool)")
                    .replace("guard_class(p2, cls=array.float64)", "guard_class(p2, cls=array.bool)")
                    .replace("f20 = getarrayitem_f64(p15, i19)", "b20 = getarrayitem_bool(p15, i19)")
                    .replace("f21 = float_mul(f20, f5)", "b60 = float_lt(f13, f5)\nb21 = bool_and(b60, b20)\nb61 = float_ne(f13, f13)")
                    .replace("f22 = float_add(f13, f21)", "b62 = bool_or(b21, b61)\nb22 = bool_not(b62)").replace("r6=f22", "r6=b22")
                    .replace("setarrayitem_f64(p24, i28, f22)", "setarrayitem_bool(p24, i28, b22)");

    /** {@code c[i] = (a[i] < k) & (b[i] > 0)} with a float64 and b int64: masks of two element types, which the Vector API cannot combine. */
    public static final String MIXED_MASKS = MASKS64.replace("guard_class(p1, cls=array.bool)", "guard_class(p1, cls=array.int64)")
                    .replace("b20 = getarrayitem_bool(p15, i19)", "i20 = getarrayitem_i64(p15, i19)\nb63 = int_gt(i20, 0)").replace("bool_and(b60, b20)", "bool_and(b60, b63)");

    /**
     * W2 with a body of 400 float ops on 100 distinct constants ({@code c[i] = a[i] + chain(b[i])}):
     * long enough for constants to be splatted in the loop and for the widened body to be cut
     * (a[i] and the chain's value live across the cuts go through the scratch arrays).
     */
    public static final String LONG_CHAIN = W2.replace("f21 = float_mul(f20, f5)", chain(400)).replace("f22 = float_add(f13, f21)", "f22 = float_add(f13, f1399)");

    private static String chain(int n) {
        StringBuilder sb = new StringBuilder();
        String prev = "f20";
        for (int k = 0; k < n; k++) {
            String cur = k == n - 1 ? "f1399" : "f" + (1000 + k);
            String c = Double.toString(1.0 + (k % 100) / 128.0);
            sb.append(cur).append(switch (k % 4) {
                case 0 -> " = float_mul(" + prev + ", " + c + ")";
                case 1 -> " = float_add(" + prev + ", f5)";
                case 2 -> " = float_maximum(" + prev + ", -" + c + ")";
                default -> " = float_sub(" + prev + ", f13)";
            }).append('\n');
            prev = cur;
        }
        return sb.toString().strip();
    }

    /** {@code c[i] = where(a[i] < k, a[i], b[i])} on float64 (the prelude's where step, {@code _select}): a blend by a mask. */
    public static final String SELECT64 = W2.replace("f21 = float_mul(f20, f5)", "b21 = float_lt(f13, f5)").replace("f22 = float_add(f13, f21)",
                    "f22 = float_select(b21, f13, f20)");

    /** The input registers of a recorded trace: each input's register in the label's snapshot. */
    public static int[] inputRegisters(Trace recorded) {
        Map<Integer, Value> regs = recorded.label().snapshot.innermost().registers();
        int[] out = new int[recorded.inputs.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = -1;
            for (Map.Entry<Integer, Value> e : regs.entrySet()) {
                if (e.getValue() == recorded.inputs.get(k)) {
                    out[k] = e.getKey();
                }
            }
        }
        return out;
    }

    public static Widen.Result widen(String recordedText) {
        Trace rec = TraceText.parse(recordedText);
        return Widen.apply(Pipeline.standard().apply(rec), inputRegisters(rec), 1);
    }
}
