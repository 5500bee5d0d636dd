package dev.vecl.trace.opt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.vecl.runtime.DType;
import dev.vecl.runtime.VArray;
import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.ir.TraceVerifier;

/**
 * Seeded random loop traces of the recorder's shape (array loads and stores at i + c through
 * explicit storage/offset/stride, float arithmetic, branch guards, int division by a possibly zero
 * invariant, repeated work, swapped arrays, steps of 1 and 2), each run on random inputs before and
 * after the standard pipeline with the checks of {@link SemanticsTest#compare}.
 */
class FuzzTest {
    private static final int TRACES = 300;
    private static final int INPUTS = 12;

    @Test
    void optimizedTracesResumeInStatesTheOriginalPassedThrough() {
        int same = 0;
        int total = 0;
        for (int seed = 0; seed < TRACES; seed++) {
            Random r = new Random(seed);
            String text = new Gen(r).trace();
            Trace original = TraceVerifier.verify(TraceText.parse(text));
            Trace optimized = Pipeline.standard().apply(original);
            for (int k = 0; k < INPUTS; k++) {
                same += SemanticsTest.compare(original, optimized, inputs(r), "seed " + seed + " input " + k) > 0 ? 1 : 0;
                total++;
            }
        }
        assertTrue(same > total / 2, "optimized traces exit elsewhere too often: " + same + " of " + total);
    }

    private static Object[] inputs(Random r) {
        VArray a = array(r);
        VArray b = switch (r.nextInt(4)) {
            case 0 -> a;
            case 1 -> new VArray(a.dtype, a.storage, a.offset + a.stride, a.stride, Math.max(0, a.length - 1));
            default -> array(r);
        };
        return new Object[] {a, b, (long) r.nextInt(3), (long) (a.length + r.nextInt(5) - 3), r.nextDouble(), (long) r.nextInt(5) - 2};
    }

    private static VArray array(Random r) {
        int n = r.nextInt(11);
        int stride = r.nextInt(4) == 0 ? 2 : 1;
        int offset = r.nextInt(2);
        double[] s = new double[offset + n * stride + 1];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextInt(8) == 0 ? -r.nextInt(5) : r.nextInt(9) + 0.25;
        }
        return new VArray(DType.FLOAT64, s, offset, stride, n);
    }

    /** Generates one trace; registers: r0 a, r1 b, r2 i, r3 m, r4 acc, r5 k, r6 a temporary. */
    private static final class Gen {
        private final Random r;
        private final StringBuilder sb = new StringBuilder();
        private final List<String> floats = new ArrayList<>();
        private final List<String> ints = new ArrayList<>();
        private int next = 6;
        private int pc = 1;
        private String acc = "f4";

        Gen(Random r) {
            this.r = r;
        }

        String trace() {
            sb.append("[p0: ref, p1: ref, i2: int, i3: int, f4: float, i5: int]\n");
            sb.append("label(p0, p1, i2, i3, f4, i5) [L@0: r0=p0 r1=p1 r2=i2 r3=i3 r4=f4 r5=i5]\n");
            switch (r.nextInt(3)) {
                case 0 -> op("b", "int_lt(i2, i3)", false);
                case 1 -> op("b", "int_gt(i3, i2)", false);
                default -> {
                    String t = op("i", "int_add(i2, 1)", false);
                    op("b", "int_lt(" + t + ", i3)", false);
                }
            }
            guard("guard_true(" + last() + ")", null);
            floats.add("f4");
            ints.add("i2");
            ints.add("i5");
            int n = 3 + r.nextInt(8);
            for (int s = 0; s < n; s++) {
                statement();
            }
            String step = op("i", "int_add(i2, " + (r.nextInt(5) == 0 ? 2 : 1) + ")", false);
            boolean swap = r.nextInt(6) == 0;
            sb.append("jump(").append(swap ? "p1, p0" : "p0, p1").append(", ").append(step).append(", i3, ").append(acc).append(", i5)\n");
            return sb.toString();
        }

        private void statement() {
            switch (r.nextInt(9)) {
                case 0, 1 -> floats.add(load());
                case 2 -> store();
                case 3, 4 -> floats.add(op("f", pick(new String[] {"float_add", "float_mul", "float_sub"}) + "(" + anyFloat() + ", "
                        + (r.nextBoolean() ? anyFloat() : "1.5") + ")", false));
                case 5 -> {
                    op("b", pick(new String[] {"float_lt", "float_gt"}) + "(" + anyFloat() + ", 0.0)", false);
                    guard((r.nextInt(4) == 0 ? "guard_false(" : "guard_true(") + last() + ")", null);
                }
                case 6 -> {
                    String q = op("i", pick(new String[] {"int_floordiv", "int_mod"}) + "(" + anyInt() + ", i5)", true);
                    ints.add(q);
                    floats.add(op("f", "cast_int_to_float(" + q + ")", false));
                }
                case 7 -> acc = op("f", "float_add(" + acc + ", " + anyFloat() + ")", false);
                default -> {
                    // the same element loaded twice (CSE fodder) 
                    String c = offset();
                    String arr = r.nextBoolean() ? "p0" : "p1";
                    floats.add(load(arr, c));
                    floats.add(load(arr, c));
                }
            }
        }

        private String load() {
            return load(r.nextBoolean() ? "p0" : "p1", offset());
        }

        private String offset() {
            return Integer.toString(r.nextInt(4) - 1);
        }

        private String load(String arr, String c) {
            String raw = element(arr, c);
            return op("f", "getarrayitem_f64(" + storage + ", " + raw + ")", false);
        }

        private void store() {
            String arr = r.nextBoolean() ? "p0" : "p1";
            String raw = element(arr, offset());
            sb.append("setarrayitem_f64(").append(storage).append(", ").append(raw).append(", ").append(anyFloat()).append(")\n");
        }

        private String storage;

        /** Guards and index arithmetic for arr[i + c]; returns the raw index, leaves the storage in {@link #storage}. */
        private String element(String arr, String c) {
            guard("guard_class(" + arr + ", cls=array.float64)", null);
            String n = op("i", "arraylen(" + arr + ")", false);
            String idx = c.equals("0") ? "i2" : op("i", "int_add(i2, " + c + ")", false);
            guard("guard_index(" + idx + ", " + n + ")", null);
            storage = op("p", "array_storage(" + arr + ")", false);
            String off = op("i", "array_offset(" + arr + ")", false);
            String st = op("i", "array_stride(" + arr + ")", false);
            String mul = op("i", "int_mul(" + idx + ", " + st + ")", false);
            return op("i", "int_add(" + off + ", " + mul + ")", false);
        }

        private String op(String prefix, String expr, boolean snapshot) {
            String name = prefix + (next++);
            sb.append(name).append(" = ").append(expr);
            if (snapshot) {
                sb.append(' ').append(snap());
            }
            sb.append('\n');
            lastName = name;
            return name;
        }

        private String lastName;

        private String last() {
            return lastName;
        }

        private void guard(String g, String extra) {
            sb.append(g).append(' ').append(snap()).append('\n');
        }

        private String snap() {
            String tmp = floats.isEmpty() ? "" : " r6=" + floats.get(floats.size() - 1);
            return "[L@" + (pc++) + ": r0=p0 r1=p1 r2=i2 r3=i3 r4=" + acc + " r5=i5" + tmp + "]";
        }

        private String anyFloat() {
            return floats.get(r.nextInt(floats.size()));
        }

        private String anyInt() {
            return ints.get(r.nextInt(ints.size()));
        }

        private String pick(String[] xs) {
            return xs[r.nextInt(xs.length)];
        }
    }
}
