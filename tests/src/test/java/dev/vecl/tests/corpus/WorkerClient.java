package dev.vecl.tests.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Feeds jobs to a {@link CorpusWorker} child JVM and completes one future per job. A job that
 * hangs past the timeout or kills the JVM fails alone: the worker is restarted for the rest.
 */
final class WorkerClient {

    record Job(String id, List<String> argv, CompletableFuture<Result> result) {
    }

    /** exit -2: timed out; -3: the worker JVM died while running it. */
    record Result(int exit, String out, String err, String stray, long millis) {
    }

    private final Path workDir;
    private final long timeoutMillis;
    private final Class<?> workerMain;
    private final Deque<Job> pending = new ArrayDeque<>();

    WorkerClient(Path workDir, long timeoutMillis) {
        this(workDir, timeoutMillis, CorpusWorker.class);
    }

    WorkerClient(Path workDir, long timeoutMillis, Class<?> workerMain) {
        this.workDir = workDir;
        this.timeoutMillis = timeoutMillis;
        this.workerMain = workerMain;
    }

    Job add(String id, List<String> argv) {
        Job j = new Job(id, argv, new CompletableFuture<>());
        pending.add(j);
        return j;
    }

    void startInBackground() {
        Thread t = new Thread(this::runAll, "corpus-worker-client");
        t.setDaemon(true);
        t.start();
    }

    private void runAll() {
        try {
            while (!pending.isEmpty()) {
                runOneWorker();
            }
        } catch (Throwable t) {
            for (Job j : pending) {
                j.result.completeExceptionally(t);
            }
        }
    }

    List<String> childCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-agentlib:jdwp") && !a.startsWith("-javaagent")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(workerMain.getName());
        return cmd;
    }

    private void runOneWorker() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(childCommand()).directory(workDir.toFile());
        Process p = pb.start();
        StringBuilder jvmErr = new StringBuilder();
        drain(p.getErrorStream(), jvmErr);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the process was killed
            } finally {
                lines.add("EOF");
            }
        }, "corpus-worker-reader");
        reader.setDaemon(true);
        reader.start();
        List<Job> batch = new ArrayList<>(pending);
        Thread writer = new Thread(() -> {
            try (Writer w = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Job j : batch) {
                    w.write(j.id + "\t" + String.join("\t", j.argv) + "\n");
                    w.flush();
                }
            } catch (IOException ignored) {
                // the worker died; the reader reports it
            }
        }, "corpus-worker-writer");
        writer.setDaemon(true);
        writer.start();
        // JVM start-up and the first Context are slow; give them their own allowance
        String first = lines.poll(Math.max(timeoutMillis, 120_000), TimeUnit.MILLISECONDS);
        if (!"READY".equals(first)) {
            // nothing can run: fail every job with the reason instead of restarting per job
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            String why = "corpus worker JVM did not start (" + first + ")\n" + tail(jvmErr);
            while (!pending.isEmpty()) {
                pending.poll().result.complete(new Result(-3, "", "", why, 0));
            }
            return;
        }
        while (!pending.isEmpty()) {
            Job current = pending.peek();
            String l = lines.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (l == null) {
                p.destroyForcibly();
                pending.poll();
                current.result.complete(new Result(-2, "", "", "timed out after " + timeoutMillis + " ms", timeoutMillis));
                return;
            }
            if (l.equals("EOF")) {
                p.waitFor(10, TimeUnit.SECONDS);
                pending.poll();
                current.result.complete(new Result(-3, "", "", "worker JVM died (exit "
                        + (p.isAlive() ? "?" : p.exitValue()) + ")\n" + tail(jvmErr), 0));
                return;
            }
            if (!l.startsWith("RESULT ")) {
                continue;
            }
            String[] f = l.split(" ", -1);
            if (!f[1].equals(current.id)) {
                throw new IllegalStateException("worker answered " + f[1] + " while " + current.id + " was expected");
            }
            Base64.Decoder d = Base64.getDecoder();
            pending.poll();
            current.result.complete(new Result(Integer.parseInt(f[2]), utf8(d.decode(f[3])), utf8(d.decode(f[4])),
                    utf8(d.decode(f[5])), Long.parseLong(f[6])));
        }
        p.getOutputStream().close();
        p.waitFor(30, TimeUnit.SECONDS);
        p.destroyForcibly();
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String tail(StringBuilder sb) {
        synchronized (sb) {
            return sb.length() > 4000 ? sb.substring(sb.length() - 4000) : sb.toString();
        }
    }

    private static void drain(InputStream in, StringBuilder sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    synchronized (sink) {
                        sink.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "corpus-worker-stderr");
        t.setDaemon(true);
        t.start();
    }
}
