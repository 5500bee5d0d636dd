package dev.vecl.interp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** Test helper: runs VecL source text in a fresh context and returns what it printed (or the error line). */
public final class Run {
    private Run() {
    }

    public static Context context(ByteArrayOutputStream out, String jit) {
        return Context.newBuilder("vecl").out(out).err(out).allowIO(org.graalvm.polyglot.io.IOAccess.ALL)
                        .option("vecl.Jit", jit).build();
    }

    /** Output of the program; an error appends "Kind: message @line:col". */
    public static String run(String program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Context c = context(out, "off")) {
            try {
                c.eval(Source.newBuilder("vecl", program, "test.vl").buildLiteral());
            } catch (PolyglotException e) {
                if (e.isInternalError()) {
                    throw e;
                }
                String loc = e.getSourceLocation() == null ? "?" : e.getSourceLocation().getStartLine() + ":" + e.getSourceLocation().getStartColumn();
                return out.toString(StandardCharsets.UTF_8) + e.getMessage() + " @" + loc;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
