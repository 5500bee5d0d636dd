package dev.vecl.interp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;

/** Developer tool: runs the conformance corpus in one JVM and lists the programs whose output differs. */
public final class CorpusCheck {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath();
        String filter = args.length > 1 ? args[1] : "";
        String jit = args.length > 2 ? args[2] : "off";
        List<Path> progs;
        try (Stream<Path> s = Files.walk(root)) {
            progs = s.filter(p -> p.toString().endsWith(".vl") && p.toString().contains(filter)).sorted().toList();
        }
        int ok = 0;
        int bad = 0;
        for (Path p : progs) {
            String rel = root.relativize(p).toString();
            String base = p.toString().substring(0, p.toString().length() - 3);
            String expOut = read(Path.of(base + ".out"));
            String expErr = read(Path.of(base + ".err"));
            Path argsFile = Path.of(base + ".args");
            String[] progArgs = Files.exists(argsFile) ? Files.readAllLines(argsFile).toArray(new String[0]) : new String[0];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String err = "";
            try (Context c = Context.newBuilder("vecl").out(out).allowAllAccess(true).currentWorkingDirectory(root).arguments("vecl", progArgs)
                            .option("vecl.Jit", jit).build()) {
                c.eval(Source.newBuilder("vecl", p.toFile()).name(rel).build());
            } catch (PolyglotException e) {
                if (e.isInternalError()) {
                    err = "INTERNAL " + e;
                    e.printStackTrace();
                } else {
                    var s = e.getSourceLocation();
                    StringBuilder sb = new StringBuilder();
                    sb.append(s == null ? rel : rel + ":" + s.getStartLine() + ":" + s.getStartColumn()).append(": ").append(e.getMessage()).append('\n');
                    if (s != null) {
                        sb.append(s.getSource().getCharacters(s.getStartLine())).append('\n');
                        sb.append(" ".repeat(s.getStartColumn() - 1)).append("^\n");
                    }
                    err = sb.toString();
                }
            } catch (Exception e) {
                err = "EXC " + e;
            }
            String got = out.toString(StandardCharsets.UTF_8);
            if (got.equals(expOut == null ? "" : expOut) && err.equals(expErr == null ? "" : expErr)) {
                ok++;
            } else {
                bad++;
                System.out.println("FAIL " + rel);
                if (args.length > 3) {
                    System.out.println("--- expected out\n" + expOut + "--- got out\n" + got + "--- expected err\n" + expErr + "--- got err\n" + err);
                } else if (!err.equals(expErr == null ? "" : expErr)) {
                    System.out.println("   err: " + err.lines().findFirst().orElse("") + " | expected: " + (expErr == null ? "-" : expErr.lines().findFirst().orElse("")));
                }
            }
        }
        System.out.println("ok " + ok + " bad " + bad);
    }

    private static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p) : null;
    }
}
