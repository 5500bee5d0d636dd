package dev.vecl.bench;

import static dev.vecl.bench.Sizes.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * W1-W5 in VecL, through the polyglot API, in each JIT mode. The workload source is evaluated
 * once; every invocation calls one VecL function on arrays made once in setup, so no interop
 * conversion is measured. Scores are ns per element (OperationsPerInvocation = elements).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// the host JIT needs long to compile the interpreter's dispatch loop (calls take 10-100 ms
// interpreted), and on a 2-core machine the traces are compiled by a Graal that is itself still
// being compiled by C2: W2's inner trace was in after ~8 s, its outer trace (which calls the inner
// one) seconds later. Ten seconds measured the switch-over, hence 20.
@Warmup(iterations = 20, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VeclBench {
    @Param({"off", "trace", "vec"})
    public String mode;

    private Context context;
    private Value w3IntSum, w3IntMin, w3IntMax, ints;
    private Value w1, w2, w3Sum, w3Prod, w3Min, w3Max, w3Any, w3All, w3Dot, w4, w5;
    private Value a1, b1, a2, b2, c2, big, bigB, ones, falses, trues, x4, out4, x5, y5;

    static Source workloadSource() throws IOException {
        try (InputStream in = VeclBench.class.getResourceAsStream("workloads.vl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder("vecl", text, "workloads.vl").build();
        }
    }

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) throws IOException {
        context = Context.newBuilder("vecl").option("vecl.Jit", mode).build();
        context.eval(workloadSource());
        Value g = context.getBindings("vecl");
        w1 = g.getMember("w1");
        w2 = g.getMember("w2");
        w3Sum = g.getMember("w3_sum");
        w3Prod = g.getMember("w3_prod");
        w3Min = g.getMember("w3_min");
        w3Max = g.getMember("w3_max");
        w3Any = g.getMember("w3_any");
        w3All = g.getMember("w3_all");
        w3Dot = g.getMember("w3_dot");
        w4 = g.getMember("w4");
        w3IntSum = g.getMember("w3_int_sum");
        w3IntMin = g.getMember("w3_int_min");
        w3IntMax = g.getMember("w3_int_max");
        w5 = g.getMember("w5");
        Value ramp = g.getMember("ramp");
        Value ramp32 = g.getMember("ramp32");
        // only the inputs of the benchmark this fork runs: made by the interpreter, they are slow
        String name = params.getBenchmark();
        String method = name.substring(name.lastIndexOf('.') + 1);
        switch (method) {
            case "w1_add" -> {
                a1 = ramp.execute(N_SMALL, 0.5, 0.0);
                b1 = ramp.execute(N_SMALL, 0.25, 1.0);
            }
            case "w2_madd_loop" -> {
                a2 = ramp.execute(N_SMALL, 0.0, 0.0);
                b2 = ramp.execute(N_SMALL, 0.5, 0.0);
                c2 = ramp.execute(N_SMALL, 0.001, -0.5);
            }
            case "w3_sum", "w3_min", "w3_max" -> big = ramp.execute(N_REDUCE, 1e-6, -0.25);
            case "w3_dot" -> {
                big = ramp.execute(N_REDUCE, 1e-6, -0.25);
                bigB = ramp.execute(N_REDUCE, -1e-6, 0.75);
            }
            case "w3_int_sum", "w3_int_min", "w3_int_max" -> ints = g.getMember("iramp").execute(N_REDUCE);
            case "w3_prod" -> ones = g.getMember("near_one").execute(N_REDUCE);
            case "w3_any" -> falses = g.getMember("falses").execute(N_REDUCE);
            case "w3_all" -> trues = g.getMember("trues").execute(N_REDUCE);
            case "w4_audio_loop" -> {
                x4 = ramp32.execute(N_AUDIO, 1.0 / N_AUDIO, -0.5);
                out4 = ramp32.execute(N_AUDIO, 0.0, 0.0);
            }
            case "w5_field" -> {
                x5 = ramp.execute(N_FIELD, 2.0 / N_FIELD, -1.0);
                y5 = ramp.execute(N_FIELD, -1.0 / N_FIELD, 0.5);
            }
            default -> throw new IllegalStateException("no inputs for " + method);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
    }

    @Benchmark
    @OperationsPerInvocation(OPS_W12)
    public Value w1_add() {
        return w1.execute(a1, b1, REPS);
    }

    @Benchmark
    @OperationsPerInvocation(OPS_W12)
    public Value w2_madd_loop() {
        return w2.execute(a2, b2, c2, REPS);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_sum() {
        return w3Sum.execute(big);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_prod() {
        return w3Prod.execute(ones);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_int_sum() {
        return w3IntSum.execute(ints);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_int_min() {
        return w3IntMin.execute(ints);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_int_max() {
        return w3IntMax.execute(ints);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_min() {
        return w3Min.execute(big);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_max() {
        return w3Max.execute(big);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_any() {
        return w3Any.execute(falses);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_all() {
        return w3All.execute(trues);
    }

    @Benchmark
    @OperationsPerInvocation(N_REDUCE)
    public Value w3_dot() {
        return w3Dot.execute(big, bigB);
    }

    @Benchmark
    @OperationsPerInvocation(OPS_W4)
    public Value w4_audio_loop() {
        return w4.execute(x4, out4, 4);
    }

    @Benchmark
    @OperationsPerInvocation(N_FIELD)
    public Value w5_field() {
        return w5.execute(x5, y5);
    }
}
