package dev.vecl.tests.corpus;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner itself: a hanging or JVM-killing program fails alone and the rest still run. */
public class WorkerClientTest {

    /** Speaks the worker protocol; argv[0] "hang" sleeps, "crash" halts the JVM, else echoes. */
    public static final class FakeWorker {
        public static void main(String[] unused) throws Exception {
            System.out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f[1].equals("hang")) {
                    Thread.sleep(600_000);
                }
                if (f[1].equals("crash")) {
                    Runtime.getRuntime().halt(3);
                }
                String out = Base64.getEncoder().encodeToString((f[1] + "\n").getBytes(StandardCharsets.UTF_8));
                System.out.println("RESULT " + f[0] + " 0 " + out + "  Zm9v 1");
            }
        }
    }

    @Test
    void hangsAndCrashesFailAlone() throws Exception {
        WorkerClient c = new WorkerClient(Path.of("").toAbsolutePath(), 3000, FakeWorker.class);
        var a = c.add("1", List.of("a"));
        var hang = c.add("2", List.of("hang"));
        var b = c.add("3", List.of("b"));
        var crash = c.add("4", List.of("crash"));
        var d = c.add("5", List.of("d"));
        c.startInBackground();
        assertEquals("a\n", a.result().get(60, TimeUnit.SECONDS).out());
        assertEquals(-2, hang.result().get(60, TimeUnit.SECONDS).exit());
        assertEquals("b\n", b.result().get(60, TimeUnit.SECONDS).out());
        assertEquals("", b.result().get().err());
        assertEquals("foo", b.result().get().stray());
        WorkerClient.Result r = crash.result().get(60, TimeUnit.SECONDS);
        assertEquals(-3, r.exit());
        assertTrue(r.stray().contains("died"), r.stray());
        assertEquals("d\n", d.result().get(60, TimeUnit.SECONDS).out());
    }
}
