package dev.vecl.tests.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The execution modes the corpus runs in and the launcher options each one adds. This is the one
 * place to change them: the JIT helpers lower thresholds and make compilation deterministic here.
 */
public final class Modes {
    private Modes() {
    }

    public static final List<String> ALL = List.of("off", "trace", "vec");

    /**
     * Options that make compilation synchronous and loud: every trace is compiled by Graal before it
     * first runs, and a failed compilation is an error, not a silent fall-back. Passed to the JIT
     * modes unless {@code -Dvecl.corpus.engineOptions=false}.
     */
    static final List<String> DETERMINISTIC_ENGINE = List.of(
            "--engine.BackgroundCompilation=false",
            "--engine.MultiTier=false",
            "--engine.CompilationFailureAction=Throw");

    /** Launcher options (before the program path) for {@code mode}. */
    public static List<String> launcherArgs(String mode) {
        List<String> args = new ArrayList<>();
        args.add("--jit=" + mode);
        if (!mode.equals("off")) {
            // compile loops after two iterations so short corpus programs really run traces
            args.add("--jit-threshold=2");
            if (!"false".equals(System.getProperty("vecl.corpus.engineOptions"))) {
                args.addAll(DETERMINISTIC_ENGINE);
            }
        }
        String extra = System.getProperty("vecl.corpus.extraArgs", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(Arrays.asList(extra.split("\\s+")));
        }
        return args;
    }

    /** The modes selected with {@code -Dvecl.modes=off,trace} (default: all). */
    public static List<String> selected() {
        String p = System.getProperty("vecl.modes", "").trim();
        if (p.isEmpty()) {
            return ALL;
        }
        List<String> out = new ArrayList<>();
        for (String m : p.split(",")) {
            if (!m.isBlank()) {
                out.add(m.trim());
            }
        }
        return out;
    }
}
