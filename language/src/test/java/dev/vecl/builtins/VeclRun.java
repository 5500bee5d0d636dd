package dev.vecl.builtins;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;

/** Runs a VecL program in a fresh context and returns its stdout (plus "Kind: message" of an error). */
final class VeclRun {
    private VeclRun() {
    }

    static String run(String program) {
        return run(program, IOAccess.NONE);
    }

    static String run(String program, IOAccess io, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = Context.newBuilder("vecl").out(out).err(out).allowIO(io).arguments("vecl", args)
                .option("engine.WarnInterpreterOnly", "false").build()) {
            try {
                c.eval(Source.newBuilder("vecl", program, "test.vl").build());
            } catch (PolyglotException e) {
                if (e.isInternalError()) {
                    throw e;
                }
                out.writeBytes(("ERR " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new RuntimeException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
