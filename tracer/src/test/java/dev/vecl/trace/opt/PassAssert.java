package dev.vecl.trace.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;
import dev.vecl.trace.ir.TraceVerifier;

/** Trace-text tests in the style of PyPy's test_optimizebasic: input text, pass, expected text. */
final class PassAssert {
    private PassAssert() {
    }

    static Trace run(Pass pass, String input) {
        Trace in = TraceVerifier.verify(TraceText.parse(input));
        String before = TraceText.print(in);
        Trace out = TraceVerifier.verify(pass.apply(in));
        assertEquals(before, TraceText.print(in), "the pass modified its input");
        return out;
    }

    /** Names in both texts are free: the comparison is on canonical printouts. */
    static void assertPass(Pass pass, String input, String expected) {
        Trace out = run(pass, input);
        assertEquals(TraceText.print(TraceVerifier.verify(TraceText.parse(expected))), TraceText.print(out));
    }

    /** The pass must leave the trace as it is. */
    static void assertUnchanged(Pass pass, String input) {
        assertPass(pass, input, input);
    }
}
