package dev.vecl.interp;

import java.io.File;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** Developer harness: {@code DevMain file.vl [jit]} runs a program and prints errors like the launcher will. */
public final class DevMain {
    public static void main(String[] args) throws Exception {
        String jit = args.length > 1 ? args[1] : "off";
        try (Context c = Context.newBuilder("vecl").allowAllAccess(true).option("vecl.Jit", jit).build()) {
            try {
                c.eval(Source.newBuilder("vecl", new File(args[0])).build());
            } catch (PolyglotException e) {
                if (e.isInternalError()) {
                    e.printStackTrace();
                    System.exit(70);
                }
                var s = e.getSourceLocation();
                System.err.println((s == null ? "?" : args[0] + ":" + s.getStartLine() + ":" + s.getStartColumn()) + ": " + e.getMessage());
                if (s != null) {
                    System.err.println(s.getSource().getCharacters(s.getStartLine()));
                    System.err.println(" ".repeat(s.getStartColumn() - 1) + "^");
                }
                System.exit(1);
            }
        }
    }
}
