package dev.vecl.trace.backend;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import com.oracle.truffle.api.CallTarget;

/**
 * Asks the optimizing Truffle runtime to compile a call target now, rather than after its call
 * and loop-count thresholds. {@code OptimizedCallTarget.compile(boolean)} is public but lives in
 * a package the runtime exports only to GraalVM's own modules: reachable when Truffle is on the
 * class path (how VecL runs), found reflectively so that elsewhere (module path, fallback runtime)
 * traces still work and are compiled by the normal thresholds (the loop node reports its
 * iterations, and long first runs get OSR).
 */
final class Compilation {
    private Compilation() {
    }

    private static final Class<?> OPTIMIZED;
    private static final MethodHandle COMPILE;
    private static final MethodHandle IS_VALID;

    static {
        Class<?> c = null;
        MethodHandle compile = null;
        MethodHandle valid = null;
        try {
            c = Class.forName("com.oracle.truffle.runtime.OptimizedCallTarget");
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            compile = l.findVirtual(c, "compile", MethodType.methodType(boolean.class, boolean.class));
            valid = l.findVirtual(c, "isValid", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            c = null;
        }
        OPTIMIZED = c;
        COMPILE = compile;
        IS_VALID = valid;
    }

    /** Whether compilation can be requested and observed here. */
    static boolean available() {
        return OPTIMIZED != null;
    }

    /**
     * Requests a last-tier compilation: synchronous when the engine's BackgroundCompilation is off,
     * queued otherwise. Returns false if it could not be requested.
     */
    static boolean request(CallTarget t) {
        if (OPTIMIZED == null || !OPTIMIZED.isInstance(t)) {
            return false;
        }
        try {
            return (boolean) COMPILE.invoke(t, true);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the target currently has valid machine code. */
    static boolean isCompiled(CallTarget t) {
        if (OPTIMIZED == null || !OPTIMIZED.isInstance(t)) {
            return false;
        }
        try {
            return (boolean) IS_VALID.invoke(t);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
