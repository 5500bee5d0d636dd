package dev.vecl.tests.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vecl.tests.corpus.Modes;

/**
 * The modes the differential test compares and their command lines. The per-mode launcher options
 * come from the corpus's {@link Modes} (one place for thresholds); JIT modes additionally get
 * synchronous, single-tier compilation that throws on failure, so traces really are compiled and
 * run inside these short programs ({@code -Dvecl.diff.engineOptions=false} leaves them out).
 */
final class DiffModes {
    private DiffModes() {
    }

    static final String REFERENCE = "off";

    /**
     * Compilation failures are not made loud here (the corpus does that, and checks there are none):
     * a few random module loops still compile to more code than HotSpot installs (5 of 500 seeds
     * when programs had 2-5 blocks), which leaves that loop interpreted with the right output, and Truffle's
     * diagnostic on stderr would count as a mismatch. Open defect, see blog-notes/02-tracing.md.
     */
    static final List<String> DETERMINISTIC_ENGINE = List.of(
        "--engine.BackgroundCompilation=false",
        "--engine.MultiTier=false");

    /**
     * {@code -Dvecl.diff.modes=trace,vec}: the modes compared against {@code off} (default both;
     * with {@code -Dvecl.Vectorize=false} vec mode runs the very same traces as trace mode, and
     * the default is trace alone).
     */
    static List<String> compared() {
        String dflt = "false".equals(System.getProperty("vecl.Vectorize")) ? "trace" : "trace,vec";
        String s = System.getProperty("vecl.diff.modes", dflt).trim();
        List<String> modes = new ArrayList<>();
        for (String m : s.split(",")) {
            if (!m.isBlank() && !m.trim().equals(REFERENCE)) {
                modes.add(m.trim());
            }
        }
        return modes;
    }

    /** {@code -Dvecl.diff.stride=K}: with split seeds, each mode after the first runs on one seed in K. */
    private static final int STRIDE = Math.max(2, Integer.getInteger("vecl.diff.stride", 6));

    /**
     * The modes seed {@code seed} runs in. By default ({@code -Dvecl.diff.split=true}) every seed
     * runs in the first mode (trace: the 500 programs a CI run compares off and trace on) and each
     * other mode on one seed in {@code -Dvecl.diff.stride} (default 6: vec gets seeds 1, 7, 13, ...;
     * it was 4 until masks made more loops widen, each widened loop being two Graal compilations).
     * Graal compiling the traces is most of a seed's time, and every seed in every mode would not
     * fit the CI budget; split, a CI run covers 500 programs in trace mode and 84 in vec mode.
     * The long profile and {@code -Dvecl.diff.split=false} run every seed in every mode.
     */
    static List<String> forSeed(long seed, List<String> modes) {
        if (modes.size() <= 1 || "false".equals(System.getProperty("vecl.diff.split"))) {
            return modes;
        }
        int k = (int) Math.floorMod(seed, (long) Math.max(STRIDE, modes.size()));
        return k >= 1 && k < modes.size() ? List.of(modes.get(0), modes.get(k)) : List.of(modes.get(0));
    }

    /** The full command line before the program path. */
    static List<String> args(String mode) {
        List<String> a = new ArrayList<>(Modes.launcherArgs(mode));
        a.remove("--engine.CompilationFailureAction=Throw");
        if (!mode.equals(REFERENCE) && !"false".equals(System.getProperty("vecl.diff.engineOptions"))) {
            for (String o : DETERMINISTIC_ENGINE) {
                if (!a.contains(o)) {
                    a.add(o);
                }
            }
        }
        return a;
    }

    /** {@link #args} without the engine options (for a launcher entry point that takes an Engine). */
    static List<String> languageArgs(String mode) {
        List<String> a = new ArrayList<>();
        for (String o : args(mode)) {
            if (!o.startsWith("--engine.")) {
                a.add(o);
            }
        }
        return a;
    }

    /** The engine options of {@link #args}, as Engine.Builder options ({@code engine.X -> value}). */
    static Map<String, String> engineOptions(String mode) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String o : args(mode)) {
            if (o.startsWith("--engine.")) {
                int eq = o.indexOf('=');
                m.put(o.substring(2, eq < 0 ? o.length() : eq), eq < 0 ? "true" : o.substring(eq + 1));
            }
        }
        return m;
    }

    static String describe(String mode) {
        return String.join(" ", args(mode));
    }
}
