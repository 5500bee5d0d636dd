package dev.vecl.trace.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceInterpreter;
import dev.vecl.trace.ir.TraceText;

/**
 * Differential check of the whole pipeline with the reference trace interpreter: recorder-shaped
 * loop traces run on random inputs (views, aliasing arrays, out-of-range bounds, wrong dtypes,
 * zero divisors). The optimized trace must leave in a state (frames and memory) that the original
 * trace passed through, so the interpreter resumes correctly; when the original runs the loop to
 * its normal exit, the optimized one must too, with the same state.
 */
class SemanticsTest {

    static final String MAP = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [main@10: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float64) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [main@14: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i2, i8)
            i10 = int_add(i7, i9)
            f11 = getarrayitem_f64(p6, i10)
            f12 = float_mul(f11, 2.5)
            guard_class(p1, cls=array.float64) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
            i13 = arraylen(p1)
            guard_index(i2, i13) [main@18: r0=p0 r1=p1 r2=i2 r3=i3 r4=f12]
            p14 = array_storage(p1)
            i15 = array_offset(p1)
            i16 = array_stride(p1)
            i17 = int_mul(i2, i16)
            i18 = int_add(i15, i17)
            setarrayitem_f64(p14, i18, f12)
            i19 = int_add(i2, 1)
            jump(p0, p1, i19, i3)
            """;

    /** s += a[i - 1] + a[i] + a[i + 1] */
    static final String STENCIL = """
            [p0: ref, i1: int, i2: int, f3: float]
            label(p0, i1, i2, f3) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            b4 = int_lt(i1, i2)
            guard_true(b4) [main@5: r0=p0 r1=i1 r2=i2 r3=f3]
            guard_class(p0, cls=array.float64) [main@8: r0=p0 r1=i1 r2=i2 r3=f3]
            i5 = arraylen(p0)
            i6 = int_sub(i1, 1)
            guard_index(i6, i5) [main@8: r0=p0 r1=i1 r2=i2 r3=f3]
            p7 = array_storage(p0)
            i8 = array_offset(p0)
            i9 = array_stride(p0)
            i10 = int_mul(i6, i9)
            i11 = int_add(i8, i10)
            f12 = getarrayitem_f64(p7, i11)
            guard_index(i1, i5) [main@9: r0=p0 r1=i1 r2=i2 r3=f3 r4=f12]
            i13 = int_mul(i1, i9)
            i14 = int_add(i8, i13)
            f15 = getarrayitem_f64(p7, i14)
            f16 = float_add(f12, f15)
            i17 = int_add(i1, 1)
            guard_index(i17, i5) [main@10: r0=p0 r1=i1 r2=i2 r3=f3 r4=f16]
            i18 = int_mul(i17, i9)
            i19 = int_add(i8, i18)
            f20 = getarrayitem_f64(p7, i19)
            f21 = float_add(f16, f20)
            f22 = float_add(f3, f21)
            jump(p0, i17, i2, f22)
            """;

    /** acc += 100 // d + i % d, with d possibly 0 */
    static final String DIVIDE = """
            [i0: int, i1: int, i2: int, i3: int]
            label(i0, i1, i2, i3) [f@0: r0=i0 r1=i1 r2=i2 r3=i3]
            b4 = int_lt(i0, i1)
            guard_true(b4) [f@1: r0=i0 r1=i1 r2=i2 r3=i3]
            i5 = int_floordiv(100, i2) [f@2: r0=i0 r1=i1 r2=i2 r3=i3]
            i6 = int_mod(i0, i2) [f@3: r0=i0 r1=i1 r2=i2 r3=i3 r4=i5]
            i7 = int_add(i3, i5)
            i8 = int_add(i7, i6)
            i9 = int_add(i0, 1)
            jump(i9, i1, i2, i8)
            """;

    /** x = a[i]; guard x > 0; b[i + 1] = x * 2; a[i] = a[i] + 1 (a and b may be the same array) */
    static final String BRANCH_ALIAS = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [f@0: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_lt(i2, i3)
            guard_true(b4) [f@1: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.float64) [f@2: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [f@2: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            i9 = int_mul(i2, i8)
            i10 = int_add(i7, i9)
            f11 = getarrayitem_f64(p6, i10)
            b12 = float_gt(f11, 0.0)
            guard_true(b12) [f@3: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
            guard_class(p1, cls=array.float64) [f@4: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
            i13 = arraylen(p1)
            i14 = int_add(i2, 1)
            guard_index(i14, i13) [f@4: r0=p0 r1=p1 r2=i2 r3=i3 r4=f11]
            p15 = array_storage(p1)
            i16 = array_offset(p1)
            i17 = array_stride(p1)
            i18 = int_mul(i14, i17)
            i19 = int_add(i16, i18)
            f20 = float_mul(f11, 2.0)
            setarrayitem_f64(p15, i19, f20)
            guard_index(i2, i5) [f@5: r0=p0 r1=p1 r2=i2 r3=i3]
            f21 = getarrayitem_f64(p6, i10)
            f22 = float_add(f21, 1.0)
            setarrayitem_f64(p6, i10, f22)
            jump(p0, p1, i14, i3)
            """;

    /** prefix sums in place over a list of ints */
    static final String LIST = """
            [p0: ref, i1: int, i2: int]
            label(p0, i1, i2) [f@0: r0=p0 r1=i1 r2=i2]
            guard_class(p0, cls=list) [f@1: r0=p0 r1=i1 r2=i2]
            i3 = list_len(p0)
            b4 = int_lt(i1, i3)
            guard_true(b4) [f@1: r0=p0 r1=i1 r2=i2]
            p5 = list_getitem(p0, i1)
            guard_class(p5, cls=int) [f@2: r0=p0 r1=i1 r2=i2]
            i6 = unbox_int(p5)
            i7 = int_add(i2, i6)
            p8 = box_int(i7)
            list_setitem(p0, i1, p8)
            i9 = int_add(i1, 1)
            jump(p0, i9, i7)
            """;

    /** c[i] = float32(a[i]) * 0.5 with a int32 and c float32, both contiguous views */
    static final String MIXED = """
            [p0: ref, p1: ref, i2: int, i3: int]
            label(p0, p1, i2, i3) [g@0: r0=p0 r1=p1 r2=i2 r3=i3]
            b4 = int_ge(i2, i3)
            guard_false(b4) [g@1: r0=p0 r1=p1 r2=i2 r3=i3]
            guard_class(p0, cls=array.int32) [g@2: r0=p0 r1=p1 r2=i2 r3=i3]
            i5 = arraylen(p0)
            guard_index(i2, i5) [g@2: r0=p0 r1=p1 r2=i2 r3=i3]
            p6 = array_storage(p0)
            i7 = array_offset(p0)
            i8 = array_stride(p0)
            guard_value(i8, 1) [g@2: r0=p0 r1=p1 r2=i2 r3=i3]
            i9 = int_add(i7, i2)
            i10 = getarrayitem_i32(p6, i9)
            s11 = cast_int_to_f32(i10)
            s12 = f32_mul(s11, 0.5f)
            guard_class(p1, cls=array.float32) [g@3: r0=p0 r1=p1 r2=i2 r3=i3 r4=s12]
            i13 = arraylen(p1)
            guard_index(i2, i13) [g@3: r0=p0 r1=p1 r2=i2 r3=i3 r4=s12]
            p14 = array_storage(p1)
            i15 = array_offset(p1)
            i16 = array_stride(p1)
            guard_value(i16, 1) [g@3: r0=p0 r1=p1 r2=i2 r3=i3 r4=s12]
            i17 = int_add(i15, i2)
            setarrayitem_f32(p14, i17, s12)
            i18 = int_add(i2, 1)
            jump(p0, p1, i18, i3)
            """;

    private static final TraceInterpreter INTERP = new TraceInterpreter(Map.<String, Function<Object[], Object>>of());

    @Test
    void mapLoop() {
        Random r = new Random(1);
        check(MAP, 400, () -> {
            VArray a = randomF64(r);
            VArray b = r.nextInt(4) == 0 ? a : r.nextInt(8) == 0 ? randomI64(r) : randomF64(r);
            return new Object[] {a, b, (long) r.nextInt(3) - (r.nextInt(6) == 0 ? 1 : 0), bound(r, a)};
        });
    }

    @Test
    void stencilLoop() {
        Random r = new Random(2);
        check(STENCIL, 400, () -> {
            VArray a = randomF64(r);
            return new Object[] {a, (long) r.nextInt(3), bound(r, a), r.nextDouble()};
        });
    }

    @Test
    void divideLoop() {
        Random r = new Random(3);
        check(DIVIDE, 300, () -> new Object[] {(long) r.nextInt(3) - 1, (long) r.nextInt(12), (long) r.nextInt(7) - 3, 0L});
    }

    @Test
    void branchAndAliasingStores() {
        Random r = new Random(4);
        check(BRANCH_ALIAS, 400, () -> {
            VArray a = randomF64(r);
            VArray b = r.nextInt(3) == 0 ? a : r.nextInt(3) == 0 ? view(r, a) : randomF64(r);
            return new Object[] {a, b, (long) r.nextInt(2), bound(r, a)};
        });
    }

    @Test
    void listLoop() {
        Random r = new Random(5);
        check(LIST, 300, () -> {
            VList l = new VList();
            int n = r.nextInt(10);
            for (int i = 0; i < n; i++) {
                l.items.add(r.nextInt(12) == 0 ? (Object) 1.5 : (Object) (long) r.nextInt(100));
            }
            return new Object[] {l, 0L, 0L};
        });
    }

    @Test
    void mixedDtypes() {
        Random r = new Random(6);
        check(MIXED, 300, () -> {
            int n = r.nextInt(12);
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = r.nextInt();
            }
            VArray a = r.nextInt(6) == 0 && n > 2 ? new VArray(DType.INT32, s, 0, 2, n / 2) : new VArray(DType.INT32, s, 0, 1, n);
            int m = Math.max(0, n - r.nextInt(2));
            VArray c = new VArray(DType.FLOAT32, new float[n + 1], 1, 1, m);
            return new Object[] {a, c, 0L, (long) n};
        });
    }

    // ---------------------------------------------------------------- harness

    interface Inputs {
        Object[] make();
    }

    private static void check(String text, int runs, Inputs gen) {
        Trace original = TraceText.parse(text);
        Trace optimized = Pipeline.standard().apply(original);
        int sameExit = 0;
        int normalExits = 0;
        for (int run = 0; run < runs; run++) {
            int r = compare(original, optimized, gen.make(), "run " + run);
            sameExit += r > 0 ? 1 : 0;
            normalExits += r == 2 ? 1 : 0;
        }
        assertTrue(normalExits > runs / 10, "too few normal loop exits: " + normalExits);
        assertTrue(sameExit > runs / 2, "optimized trace exits elsewhere too often: " + sameExit + " of " + runs);
    }

    /**
     * Runs both traces on copies of the inputs and checks the optimized exit state is one the
     * original passed through. Returns 0 if the exits differ, 1 if they are the same state, 2 if
     * both left by the loop's exit test (which must then agree).
     */
    static int compare(Trace original, Trace optimized, Object[] inputs, String what) {
        dev.vecl.trace.ir.Op loopExit = original.ops.stream()
                .filter(o -> o.opcode == dev.vecl.trace.ir.OpCode.GUARD_TRUE || o.opcode == dev.vecl.trace.ir.OpCode.GUARD_FALSE)
                .findFirst().orElseThrow();
        Object[] in1 = deepCopy(inputs);
        Object[] in2 = deepCopy(inputs);
        Set<String> passed = new HashSet<>();
        TraceInterpreter.Exit e1 = INTERP.run(original, in1, 10_000, (op, st) -> passed.add(state(st, in1)));
        String s1 = state(e1.frames(), in1);
        TraceInterpreter.Exit e2 = INTERP.run(optimized, in2, 10_000);
        String s2 = state(e2.frames(), in2);
        String ctx = what + "\noriginal exit " + e1.kind() + " " + s1 + "\noptimized exit " + e2.kind() + " " + s2
                + "\n" + TraceText.print(original) + "\n" + TraceText.print(optimized);
        assertTrue(passed.contains(s2), ctx);
        if (e1.kind() == TraceInterpreter.ExitKind.GUARD && e1.op() == loopExit) {
            assertEquals(s1, s2, ctx);
            return 2;
        }
        return s1.equals(s2) ? 1 : 0;
    }

    private static Object bound(Random r, VArray a) {
        return (long) (a.length + r.nextInt(5) - 3);
    }

    private static VArray randomF64(Random r) {
        int n = r.nextInt(12);
        int stride = r.nextInt(4) == 0 ? 2 : 1;
        int offset = r.nextInt(3);
        double[] s = new double[offset + n * stride + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(10) == 0 ? -1.0 : r.nextInt(20) + 0.5;
        }
        return new VArray(DType.FLOAT64, s, offset, stride, n);
    }

    private static VArray randomI64(Random r) {
        int n = r.nextInt(8);
        return new VArray(DType.INT64, new long[n], 0, 1, n);
    }

    /** A view on the same storage, shifted by one element. */
    private static VArray view(Random r, VArray a) {
        int len = Math.max(0, a.length - 1);
        return new VArray(a.dtype, a.storage, a.offset + a.stride, a.stride, len);
    }

    /** Copies the inputs with their storages, keeping which arrays share storage. */
    private static Object[] deepCopy(Object[] in) {
        Map<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = new Object[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = copy(in[i], copies);
        }
        return out;
    }

    private static Object copy(Object o, Map<Object, Object> copies) {
        if (o instanceof VArray a) {
            return copies.computeIfAbsent(a, k -> new VArray(a.dtype, copies.computeIfAbsent(a.storage, SemanticsTest::cloneStorage), a.offset, a.stride, a.length));
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

    /** Frames and all memory reachable from the inputs, as text (references by input position). */
    private static String state(List<TraceInterpreter.FrameState> frames, Object[] roots) {
        StringBuilder sb = new StringBuilder();
        for (TraceInterpreter.FrameState f : frames) {
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
            if (v == roots[i] && !(v instanceof Long) && !(v instanceof Double)) {
                return "input" + i;
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
