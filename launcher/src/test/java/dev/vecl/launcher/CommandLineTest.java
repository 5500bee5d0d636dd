package dev.vecl.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static CommandLine parse(String... args) throws CommandLine.UsageError {
        return CommandLine.parse(args);
    }

    @Test
    void optionsStopAtTheProgramPath() throws Exception {
        CommandLine cl = parse("--jit=off", "prog.vl", "--jit=vec", "-c", "x");
        assertEquals(CommandLine.Mode.FILE, cl.mode);
        assertEquals("prog.vl", cl.program);
        assertEquals(List.of("--jit=vec", "-c", "x"), cl.argv);
        assertEquals(Map.of("vecl.Jit", "off"), cl.options);
    }

    @Test
    void aliasesMapToLanguageOptions() throws Exception {
        CommandLine cl = parse("--jit=trace", "--jitlog=j.log", "--jit-stats", "--jit-threshold=7", "--jit-reassociate",
                "-c", "pass");
        assertEquals(Map.of("vecl.Jit", "trace", "vecl.JitLog", "j.log", "vecl.JitStats", "true",
                "vecl.JitThreshold", "7", "vecl.JitReassociate", "true"), cl.options);
        assertEquals(CommandLine.Mode.CODE, cl.mode);
        assertEquals("pass", cl.program);
    }

    @Test
    void truffleOptionsPassThrough() throws Exception {
        CommandLine cl = parse("--vecl.JitThreshold=3", "--engine.TraceCompilation", "--compiler.Inlining=false", "-");
        assertEquals(Map.of("vecl.JitThreshold", "3", "engine.TraceCompilation", "true", "compiler.Inlining", "false"),
                cl.options);
        assertEquals(CommandLine.Mode.STDIN, cl.mode);
    }

    @Test
    void modes() throws Exception {
        assertEquals(CommandLine.Mode.DEFAULT, parse().mode);
        assertEquals(CommandLine.Mode.DEFAULT, parse("--jit=off").mode);
        assertEquals(CommandLine.Mode.HELP, parse("--jit=off", "--help").mode);
        assertEquals(CommandLine.Mode.HELP, parse("-h").mode);
        assertEquals(CommandLine.Mode.VERSION, parse("--version").mode);
        assertEquals(List.of("a", "b"), parse("-c", "print(argv)", "a", "b").argv);
        assertEquals(List.of("x"), parse("-", "x").argv);
        CommandLine dashed = parse("--", "-odd-name.vl", "y");
        assertEquals("-odd-name.vl", dashed.program);
        assertEquals(List.of("y"), dashed.argv);
    }

    @Test
    void usageErrors() {
        assertThrows(CommandLine.UsageError.class, () -> parse("--bogus"));
        assertThrows(CommandLine.UsageError.class, () -> parse("-x", "prog.vl"));
        assertThrows(CommandLine.UsageError.class, () -> parse("-c"));
        assertThrows(CommandLine.UsageError.class, () -> parse("--jit"));
        assertThrows(CommandLine.UsageError.class, () -> parse("--jit-threshold="));
        assertThrows(CommandLine.UsageError.class, () -> parse("--vecl."));
    }
}
