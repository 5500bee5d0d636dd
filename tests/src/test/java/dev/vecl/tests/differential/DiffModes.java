package dev.vecl.tests.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Execution modes the differential test compares, and the command-line flags of each. JIT modes
 * get a low hot-loop threshold and synchronous, single-tier compilation that throws on failure,
 * so traces really are recorded, compiled and run inside a short program.
 */
final class DiffModes {
    private DiffModes() {
    }

    static final String REFERENCE = "off";

    /** {@code -Dvecl.diff.modes=trace,vec} (default): the modes compared against {@code off}. */
    static List<String> compared() {
        String s = System.getProperty("vecl.diff.modes", "trace,vec").trim();
        List<String> modes = new ArrayList<>();
        for (String m : s.split(",")) {
            if (!m.isBlank() && !m.trim().equals(REFERENCE)) {
                modes.add(m.trim());
            }
        }
        return modes;
    }

    static int threshold() {
        return Integer.getInteger("vecl.diff.threshold", 3);
    }

    /** Launcher options of the language ({@code --jit=...}), without engine options. */
    static List<String> languageArgs(String mode) {
        if (mode.equals(REFERENCE)) {
            return List.of("--jit=off");
        }
        return List.of("--jit=" + mode, "--jit-threshold=" + threshold());
    }

    /** Engine options (without the {@code engine.} prefix stripped) a JIT mode needs. */
    static Map<String, String> engineOptions(String mode) {
        Map<String, String> o = new LinkedHashMap<>();
        if (!mode.equals(REFERENCE)) {
            o.put("engine.BackgroundCompilation", "false");
            o.put("engine.MultiTier", "false");
            o.put("engine.CompilationFailureAction", "Throw");
        }
        return o;
    }

    /** The full command line before the program path, as a user would type it. */
    static List<String> args(String mode) {
        List<String> a = new ArrayList<>(languageArgs(mode));
        engineOptions(mode).forEach((k, v) -> a.add("--" + k + "=" + v));
        return a;
    }

    static String describe(String mode) {
        return String.join(" ", args(mode));
    }

    static List<String> all() {
        List<String> m = new ArrayList<>(Arrays.asList(REFERENCE));
        m.addAll(compared());
        return m;
    }
}
