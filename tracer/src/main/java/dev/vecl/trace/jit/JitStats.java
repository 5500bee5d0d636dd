package dev.vecl.trace.jit;

import java.util.Map;
import java.util.TreeMap;

/** Counters of one context's JIT, printed at exit with {@code --jit-stats}. */
public final class JitStats {
    public int loopsRecorded;
    public int loopsCompiled;
    public int loopsBlacklisted;
    public int optimizerFailures;
    public int compileFailures;
    /** Traces whose Graal compilation was requested but that had no machine code when the program ended. */
    public int notCompiledAtExit;
    /** Traces too big for the backend, left to the interpreter. */
    public int compileRefusals;
    public long compileNanos;
    public int bridges;
    /** call_loop runs of inner loop traces, and how many left other than by the loop's end. */
    public long loopCalls;
    public long loopCallLeaves;
    /** call_loop runs whose normal end the outer trace's compiled code took (included in loopCalls). */
    public long loopCallsCompiledEnd;
    public long finishExits;
    public final Map<String, Integer> compileFailureReasons = new TreeMap<>();
    public long traceEntries;
    public long guardExits;
    public long raiseExits;
    public final Map<String, Integer> aborts = new TreeMap<>();
    /** Bridge recordings that were not attached, by reason. */
    public final Map<String, Integer> bridgeAborts = new TreeMap<>();

    public synchronized void bridgeAbort(String reason) {
        String key = reason.startsWith("internal") ? "internal" : reason;
        bridgeAborts.merge(key, 1, Integer::sum);
    }

    public int loopsVectorized;
    public int loopsRefused;
    /** Vectorizer refusals by reason. */
    public final Map<String, Integer> refusals = new TreeMap<>();

    public synchronized void vectorize(boolean done, String reason) {
        if (done) {
            loopsVectorized++;
        } else {
            loopsRefused++;
            String key = reason == null ? "?" : reason.startsWith("internal") ? "internal" : reason;
            refusals.merge(key.length() > 80 ? key.substring(0, 80) : key, 1, Integer::sum);
        }
    }

    public synchronized void abort(String reason) {
        String key = reason.startsWith("internal") ? "internal" : reason; // internal errors differ in detail: one bucket
        aborts.merge(key, 1, Integer::sum);
    }

    public synchronized void compileFailure(String reason) {
        compileFailures++;
        String key = reason.length() > 80 ? reason.substring(0, 80) : reason;
        compileFailureReasons.merge(key, 1, Integer::sum);
    }

    public int abortCount() {
        int n = 0;
        for (int v : aborts.values()) {
            n += v;
        }
        return n;
    }

    public synchronized String format() {
        StringBuilder sb = new StringBuilder();
        sb.append("jit: loops recorded ").append(loopsRecorded).append(", compiled ").append(loopsCompiled).append(", aborted ")
                        .append(abortCount());
        if (!aborts.isEmpty()) {
            sb.append(" (");
            String sep = "";
            for (Map.Entry<String, Integer> e : aborts.entrySet()) {
                sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
            sb.append(')');
        }
        sb.append(", blacklisted ").append(loopsBlacklisted);
        sb.append("\njit: compile failures ").append(compileFailures);
        if (!compileFailureReasons.isEmpty()) {
            sb.append(" (");
            String sep = "";
            for (Map.Entry<String, Integer> e : compileFailureReasons.entrySet()) {
                sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
            sb.append(')');
        }
        if (compileRefusals > 0) {
            sb.append(", too large to compile ").append(compileRefusals);
        }
        if (notCompiledAtExit > 0) {
            sb.append(", without machine code at exit ").append(notCompiledAtExit);
        }
        sb.append(", bridges ").append(bridges);
        if (!bridgeAborts.isEmpty()) {
            sb.append(" (not attached: ");
            String sep = "";
            for (Map.Entry<String, Integer> e : bridgeAborts.entrySet()) {
                sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                sep = ", ";
            }
            sb.append(')');
        }
        sb.append(", compile time ")
                        .append(String.format(java.util.Locale.ROOT, "%.1f", compileNanos / 1e6)).append(" ms");
        sb.append("\njit: trace entries ").append(traceEntries).append(", guard exits ").append(guardExits).append(", raise exits ")
                        .append(raiseExits).append(", finish exits ").append(finishExits);
        if (loopCalls > 0) {
            sb.append(", call_loop ").append(loopCalls).append(" (left ").append(loopCallLeaves).append(')');
            if (loopCallsCompiledEnd > 0) {
                sb.append(", ").append(loopCallsCompiledEnd).append(" ended in compiled code");
            }
        }
        if (loopsVectorized + loopsRefused > 0) {
            sb.append("\njit: loops vectorized ").append(loopsVectorized).append(", refused ").append(loopsRefused);
            if (!refusals.isEmpty()) {
                sb.append(" (");
                String sep = "";
                for (Map.Entry<String, Integer> e : refusals.entrySet()) {
                    sb.append(sep).append(e.getKey()).append(' ').append(e.getValue());
                    sep = ", ";
                }
                sb.append(')');
            }
        }
        if (optimizerFailures > 0) {
            sb.append(", optimizer failures ").append(optimizerFailures);
        }
        return sb.append('\n').toString();
    }
}
