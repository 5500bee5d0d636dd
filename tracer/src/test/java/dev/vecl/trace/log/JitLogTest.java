package dev.vecl.trace.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;

class JitLogTest {

    @Test
    void loggedTracesParseBackAsTheyStand() {
        Trace t = TraceText.parse("""
                [p0: ref, i1: int]
                label(p0, i1) [main@4: r0=p0 r1=i1]
                i2 = int_add(i1, 1)
                guard_nonnull(p0) [main@5: r0=p0 r1=i2]
                jump(p0, i2)
                """);
        StringWriter w = new StringWriter();
        try (JitLog log = new JitLog(w)) {
            log.trace(1, "loop main@4", "recorded", t);
            log.event("guard-exit", "trace=1 op=2 count=1");
        }
        String text = w.toString();
        assertTrue(text.startsWith("# trace 1 loop main@4 recorded\n"), text);
        assertTrue(text.endsWith("# event guard-exit trace=1 op=2 count=1\n"), text);
        // the whole file is comments plus one trace: it parses to the same trace
        assertEquals(TraceText.print(t), TraceText.print(TraceText.parse(text)));
    }
}
