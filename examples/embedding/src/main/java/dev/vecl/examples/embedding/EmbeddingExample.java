package dev.vecl.examples.embedding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Embedding VecL in Java with the polyglot API: define a function in VecL, call it with Java
 * arrays, read the VecL array it returns, and see that a program reads files only when the
 * Context allows IO.
 */
public final class EmbeddingExample {
    private static final String KERNELS = """
            def saxpy(a, x, y):
                return a * x + y

            def rms(x):
                return sqrt(mean(x * x))
            """;

    public static void main(String[] args) throws IOException {
        // Java arrays reach VecL only if the host lets guests read them.
        HostAccess arrays = HostAccess.newBuilder().allowArrayAccess(true).build();

        try (Context context = Context.newBuilder("vecl").allowHostAccess(arrays).build()) {
            context.eval("vecl", KERNELS);
            Value vecl = context.getBindings("vecl");

            double[] x = {1, 2, 3, 4};
            double[] y = {10, 20, 30, 40};
            Value result = vecl.getMember("saxpy").execute(2.0, x, y);

            // a VecL array is a polyglot array: element by element, or converted in one go
            System.out.println("saxpy(2, x, y)    = " + result + " (" + result.getArraySize() + " elements, first "
                    + result.getArrayElement(0).asDouble() + ")");
            double[] back = result.as(double[].class);
            System.out.println("as double[]       = " + Arrays.toString(back));
            System.out.println("rms(x)            = " + vecl.getMember("rms").execute(x).asDouble());

            // Java values can also be handed over as named globals
            vecl.putMember("scale", 0.5);
            System.out.println("saxpy(scale,[2,4],0)= " + context.eval("vecl", "saxpy(scale, array([2.0, 4.0]), 0.0)"));
        }

        Path file = Files.createTempFile("vecl-example", ".txt");
        Files.writeString(file, "hello from a file");
        String readIt = "read_text(\"" + file.toString().replace("\\", "\\\\") + "\")";
        try {
            // A Context without allowIO: the program cannot touch the file system.
            try (Context sandboxed = Context.create("vecl")) {
                sandboxed.eval("vecl", readIt);
                System.out.println("unexpected: the sandboxed context read the file");
            } catch (PolyglotException e) {
                System.out.println("IO denied         : " + e.getMessage() + (e.isGuestException() ? " (a VecL error)" : ""));
            }
            // The same program with IO allowed.
            try (Context trusted = Context.newBuilder("vecl").allowIO(IOAccess.ALL).build()) {
                System.out.println("IO allowed        : " + trusted.eval("vecl", readIt).asString());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
