package dev.vecl.bench;

import static dev.vecl.bench.Sizes.*;

import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.*;

/**
 * The baselines for W1-W5 in the same JMH run: plain Java loops ({@code java_*}, C2, which
 * auto-vectorizes simple maps but not floating-point reductions) and hand-written Vector API
 * loops ({@code vector_*}, the preferred species). Same sizes and inputs as {@link VeclBench}.
 * W1 allocates a fresh array per pass, as {@code a = a + b} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JavaBench {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> L = jdk.incubator.vector.LongVector.SPECIES_PREFERRED;
    static final double PI = Math.PI;

    double[] a1, b1, a2, b2, c2, big, bigB, ones, x5, y5;
    boolean[] falses, trues;
    long[] ints;
    float[] x4, out4;

    static double[] ramp(int n, double scale, double offset) {
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = i * scale + offset;
        }
        return r;
    }

    @Setup(Level.Trial)
    public void setup() {
        a1 = ramp(N_SMALL, 0.5, 0.0);
        b1 = ramp(N_SMALL, 0.25, 1.0);
        a2 = new double[N_SMALL];
        b2 = ramp(N_SMALL, 0.5, 0.0);
        c2 = ramp(N_SMALL, 0.001, -0.5);
        big = ramp(N_REDUCE, 1e-6, -0.25);
        bigB = ramp(N_REDUCE, -1e-6, 0.75);
        ones = new double[N_REDUCE];
        for (int i = 0; i < N_REDUCE; i++) {
            ones[i] = 1.0 + ((i % 7) - 3) * 1e-7;
        }
        falses = new boolean[N_REDUCE];
        trues = new boolean[N_REDUCE];
        ints = new long[N_REDUCE];
        for (int i = 0; i < N_REDUCE; i++) {
            ints[i] = (i * 7919L) % 1000003 - 500000; // workloads.vl's iramp
        }
        java.util.Arrays.fill(trues, true);
        x4 = new float[N_AUDIO];
        out4 = new float[N_AUDIO];
        for (int i = 0; i < N_AUDIO; i++) {
            x4[i] = (float) (i * (1.0 / N_AUDIO) - 0.5);
        }
        x5 = ramp(N_FIELD, 2.0 / N_FIELD, -1.0);
        y5 = ramp(N_FIELD, -1.0 / N_FIELD, 0.5);
    }

    // ---- W1: a = a + b ----

    @Benchmark
    @OperationsPerInvocation(OPS_W12)
    public double[] java_w1_add() {
        double[] a = a1;
        for (int r = 0; r < REPS; r++) {
            double[] c = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i] + b1[i];
            }
            a = c;
        }
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(OPS_W12)
    public double[] vector_w1_add() {
        double[] a = a1;
        double[] b = b1;
        for (int r = 0; r < REPS; r++) {
            double[] c = new double[a.length];
            int i = 0;
            for (int bound = D.loopBound(a.length); i < bound; i += D.length()) {
                DoubleVector.fromArray(D, a, i).add(DoubleVector.fromArray(D, b, i)).intoArray(c, i);
            }
            for (; i < a.length; i++) {
                c[i] = a[i] + b[i];
            }
            a = c;
        }
        return a;
    }

    // ---- W2: a[i] = b[i] + c[i]*3.14 ----

    @Benchmark
    @OperationsPerInvocation(OPS_W12)
    public double[] java_w2_madd_loop() {
        double[] a = a2, b = b2, c = c2;
        for (int r = 0; r < REPS; r++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = b[i] + c[i] * 3.14;
            }
        }
        return a;
    }

    @Benchmark
    @OperationsPerInvocation(OPS_W12)
    public double[] vector_w2_madd_loop() {
        double[] a = a2, b = b2, c = c2;
        for (int r = 0; r < REPS; r++) {
            int i = 0;
            for (int bound = D.loopBound(a.length); i < bound; i += D.length()) {
                DoubleVector vb = DoubleVector.fromArray(D, b, i);
                DoubleVector vc = DoubleVector.fromArray(D, c, i);
                vb.add(vc.mul(3.14)).intoArray(a, i);
            }
            for (; i < a.length; i++) {
                a[i] = b[i] + c[i] * 3.14;
            }
        }
        return a;
    }

    // ---- W3: reductions ----

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double java_w3_sum() {
        double s = 0;
        for (double v : big) {
            s += v;
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double vector_w3_sum() {
        return vectorSum(big);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double java_w3_prod() {
        double p = 1;
        for (double v : ones) {
            p *= v;
        }
        return p;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double vector_w3_prod() {
        return vectorProd(ones);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public long java_w3_int_sum() {
        long s = 0;
        for (long v : ints) {
            s += v;
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public long vector_w3_int_sum() {
        return vectorLongSum(ints);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public long java_w3_int_min() {
        long m = ints[0];
        for (long v : ints) {
            m = Math.min(m, v);
        }
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public long vector_w3_int_min() {
        return vectorLongMin(ints);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public long java_w3_int_max() {
        long m = ints[0];
        for (long v : ints) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public long vector_w3_int_max() {
        return vectorLongMax(ints);
    }

    // Two accumulators, as the double reductions below (int add/min/max are associative: the loop's
    // answer). One method per operator: with the operator a parameter, C2 does not intrinsify
    // lanewise/reduceLanes (5 ns/elem).
    private static long vectorLongSum(long[] a) {
        jdk.incubator.vector.LongVector acc0 = jdk.incubator.vector.LongVector.zero(L), acc1 = acc0;
        int step = L.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.add(jdk.incubator.vector.LongVector.fromArray(L, a, i));
            acc1 = acc1.add(jdk.incubator.vector.LongVector.fromArray(L, a, i + step));
        }
        long r = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            r += a[i];
        }
        return r;
    }

    private static long vectorLongMin(long[] a) {
        jdk.incubator.vector.LongVector acc0 = jdk.incubator.vector.LongVector.broadcast(L, Long.MAX_VALUE), acc1 = acc0;
        int step = L.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.min(jdk.incubator.vector.LongVector.fromArray(L, a, i));
            acc1 = acc1.min(jdk.incubator.vector.LongVector.fromArray(L, a, i + step));
        }
        long r = acc0.min(acc1).reduceLanes(VectorOperators.MIN);
        for (; i < a.length; i++) {
            r = Math.min(r, a[i]);
        }
        return r;
    }

    private static long vectorLongMax(long[] a) {
        jdk.incubator.vector.LongVector acc0 = jdk.incubator.vector.LongVector.broadcast(L, Long.MIN_VALUE), acc1 = acc0;
        int step = L.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.max(jdk.incubator.vector.LongVector.fromArray(L, a, i));
            acc1 = acc1.max(jdk.incubator.vector.LongVector.fromArray(L, a, i + step));
        }
        long r = acc0.max(acc1).reduceLanes(VectorOperators.MAX);
        for (; i < a.length; i++) {
            r = Math.max(r, a[i]);
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double java_w3_min() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : big) {
            m = Math.min(m, v);
        }
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double vector_w3_min() {
        return vectorMin(big);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double java_w3_max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : big) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double vector_w3_max() {
        return vectorMax(big);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public boolean java_w3_any() {
        for (boolean v : falses) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public boolean vector_w3_any() {
        boolean[] m = falses;
        int i = 0;
        for (int bound = D.loopBound(m.length); i < bound; i += D.length()) {
            if (VectorMask.fromArray(D, m, i).anyTrue()) {
                return true;
            }
        }
        for (; i < m.length; i++) {
            if (m[i]) {
                return true;
            }
        }
        return false;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public boolean java_w3_all() {
        for (boolean v : trues) {
            if (!v) {
                return false;
            }
        }
        return true;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public boolean vector_w3_all() {
        boolean[] m = trues;
        int i = 0;
        for (int bound = D.loopBound(m.length); i < bound; i += D.length()) {
            if (!VectorMask.fromArray(D, m, i).allTrue()) {
                return false;
            }
        }
        for (; i < m.length; i++) {
            if (!m[i]) {
                return false;
            }
        }
        return true;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double java_w3_dot() {
        double s = 0;
        for (int i = 0; i < big.length; i++) {
            s += big[i] * bigB[i];
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public double vector_w3_dot() {
        double[] a = big, b = bigB;
        DoubleVector acc0 = DoubleVector.zero(D), acc1 = DoubleVector.zero(D);
        int step = D.length();
        int i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.add(DoubleVector.fromArray(D, a, i).mul(DoubleVector.fromArray(D, b, i)));
            acc1 = acc1.add(DoubleVector.fromArray(D, a, i + step).mul(DoubleVector.fromArray(D, b, i + step)));
        }
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    // Two vector accumulators hide the latency of the reduction op. Each reduction is spelled out
    // with its operator as a constant: a VectorOperators value passed as a parameter is not
    // intrinsified by C2 and runs boxed, ~100x slower.

    private static double vectorSum(double[] a) {
        DoubleVector acc0 = DoubleVector.zero(D), acc1 = acc0;
        int step = D.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.add(DoubleVector.fromArray(D, a, i));
            acc1 = acc1.add(DoubleVector.fromArray(D, a, i + step));
        }
        double r = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < a.length; i++) {
            r += a[i];
        }
        return r;
    }

    private static double vectorProd(double[] a) {
        DoubleVector acc0 = DoubleVector.broadcast(D, 1.0), acc1 = acc0;
        int step = D.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.mul(DoubleVector.fromArray(D, a, i));
            acc1 = acc1.mul(DoubleVector.fromArray(D, a, i + step));
        }
        double r = acc0.mul(acc1).reduceLanes(VectorOperators.MUL);
        for (; i < a.length; i++) {
            r *= a[i];
        }
        return r;
    }

    private static double vectorMin(double[] a) {
        DoubleVector acc0 = DoubleVector.broadcast(D, Double.POSITIVE_INFINITY), acc1 = acc0;
        int step = D.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.min(DoubleVector.fromArray(D, a, i));
            acc1 = acc1.min(DoubleVector.fromArray(D, a, i + step));
        }
        double r = acc0.min(acc1).reduceLanes(VectorOperators.MIN);
        for (; i < a.length; i++) {
            r = Math.min(r, a[i]);
        }
        return r;
    }

    private static double vectorMax(double[] a) {
        DoubleVector acc0 = DoubleVector.broadcast(D, Double.NEGATIVE_INFINITY), acc1 = acc0;
        int step = D.length(), i = 0;
        for (int bound = a.length - 2 * step; i <= bound; i += 2 * step) {
            acc0 = acc0.max(DoubleVector.fromArray(D, a, i));
            acc1 = acc1.max(DoubleVector.fromArray(D, a, i + step));
        }
        double r = acc0.max(acc1).reduceLanes(VectorOperators.MAX);
        for (; i < a.length; i++) {
            r = Math.max(r, a[i]);
        }
        return r;
    }

    // ---- W4: float32 ((x*0.5+1)*2)-0.5 ----

    @Benchmark
    @OperationsPerInvocation(OPS_W4)
    public float[] java_w4_audio_loop() {
        float[] x = x4, out = out4;
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < x.length; i++) {
                out[i] = ((x[i] * 0.5f + 1f) * 2f) - 0.5f;
            }
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(OPS_W4)
    public float[] vector_w4_audio_loop() {
        float[] x = x4, out = out4;
        for (int r = 0; r < 4; r++) {
            int i = 0;
            for (int bound = F.loopBound(x.length); i < bound; i += F.length()) {
                FloatVector.fromArray(F, x, i).mul(0.5f).add(1f).mul(2f).sub(0.5f).intoArray(out, i);
            }
            for (; i < x.length; i++) {
                out[i] = ((x[i] * 0.5f + 1f) * 2f) - 0.5f;
            }
        }
        return out;
    }

    // ---- W5: sin(x*pi)*cos(y*pi), a fresh result array as the array expression makes ----

    @Benchmark
    @OperationsPerInvocation(N_FIELD)
    public double[] java_w5_field() {
        double[] x = x5, y = y5, out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.sin(x[i] * PI) * Math.cos(y[i] * PI);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N_FIELD)
    public double[] vector_w5_field() {
        double[] x = x5, y = y5, out = new double[x.length];
        int i = 0;
        for (int bound = D.loopBound(x.length); i < bound; i += D.length()) {
            DoubleVector s = DoubleVector.fromArray(D, x, i).mul(PI).lanewise(VectorOperators.SIN);
            DoubleVector c = DoubleVector.fromArray(D, y, i).mul(PI).lanewise(VectorOperators.COS);
            s.mul(c).intoArray(out, i);
        }
        for (; i < x.length; i++) {
            out[i] = Math.sin(x[i] * PI) * Math.cos(y[i] * PI);
        }
        return out;
    }
}
