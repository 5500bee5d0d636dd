package dev.vecl.trace.opt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;

/** A Prospero-sized loop body (20,000 operations) goes through the pipeline in linear-ish time. */
class ScaleTest {

    @Test
    void twentyThousandOperationLoop() {
        StringBuilder sb = new StringBuilder("[p0: ref, p1: ref, i2: int, i3: int]\n");
        sb.append("label(p0, p1, i2, i3) [main@0: r0=p0 r1=p1 r2=i2 r3=i3]\n");
        sb.append("b4 = int_lt(i2, i3)\nguard_true(b4) [main@1: r0=p0 r1=p1 r2=i2 r3=i3]\n");
        sb.append("guard_class(p0, cls=array.float32) [main@2: r0=p0 r1=p1 r2=i2 r3=i3]\n");
        sb.append("i5 = arraylen(p0)\nguard_index(i2, i5) [main@2: r0=p0 r1=p1 r2=i2 r3=i3]\n");
        sb.append("p6 = array_storage(p0)\ni7 = array_offset(p0)\ni8 = int_add(i7, i2)\n");
        sb.append("s9 = getarrayitem_f32(p6, i8)\n");
        int n = 10;
        String prev = "s9";
        while (n < 20_000) {
            String a = "s" + n++;
            sb.append(a).append(" = f32_mul(").append(prev).append(", 0.5f)\n");
            String b = "s" + n++;
            sb.append(b).append(" = f32_add(").append(a).append(", s9)\n");
            String c = "s" + n++;
            sb.append(c).append(" = f32_maximum(").append(b).append(", ").append(a).append(")\n");
            prev = c;
        }
        sb.append("guard_class(p1, cls=array.float32) [main@3: r0=p0 r1=p1 r2=i2 r3=i3 r4=").append(prev).append("]\n");
        sb.append("i90000 = arraylen(p1)\nguard_index(i2, i90000) [main@3: r0=p0 r1=p1 r2=i2 r3=i3 r4=").append(prev).append("]\n");
        sb.append("p90001 = array_storage(p1)\ni90002 = array_offset(p1)\ni90003 = int_add(i90002, i2)\n");
        sb.append("setarrayitem_f32(p90001, i90003, ").append(prev).append(")\n");
        sb.append("i90004 = int_add(i2, 1)\njump(p0, p1, i90004, i3)\n");
        Trace t = TraceText.parse(sb.toString());
        long start = System.nanoTime();
        long[] last = {System.nanoTime()};
        StringBuilder times = new StringBuilder();
        Trace out = Pipeline.standard().observe((name, tr) -> {
            long now = System.nanoTime();
            times.append(name).append('=').append((now - last[0]) / 1_000_000).append("ms ");
            last[0] = now;
        }).apply(t);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(out.size() > 2 * t.size() - 100, "peeled: preamble and loop");
        assertTrue(ms < 20_000, "pipeline took " + ms + " ms");
        System.out.println("ScaleTest: " + t.size() + " ops -> " + out.size() + " in " + ms + " ms: " + times);
    }
}
