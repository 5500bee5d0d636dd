package dev.vecl.tests.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Prospero examples render byte-identical PGMs to the golden files in the shared data folder:
 * the small models with both programs in both dtypes, and prospero.vm with render.vl at 256
 * (float32; float64 too with -Dvecl.examples.full=true, as it doubles the time; none with
 * -Dvecl.examples.prospero=false). Interpreted, prospero.vm at 256 takes ~100 s (7,866 array
 * operations of 65,536 elements). The per-pixel kernel of prospero.vm is not run here: the
 * interpreter would take far longer. -Dvecl.examples.jit=vec runs everything with the JIT.
 */
class ProsperoTest {
    static Path shared;
    static Path examples;

    @TempDir
    Path tmp;

    @BeforeAll
    static void locate() {
        shared = VeclRun.shared();
        examples = VeclRun.root().resolve("examples/prospero");
    }

    static void requireShared() {
        Assumptions.assumeTrue(shared != null,
                "skipped: the shared data folder (system property vecl.shared, default ../shared) is absent");
    }

    static Stream<Arguments> smallModels() {
        return Stream.of("hi", "quarter").flatMap(m -> Stream.of("float32", "float64").map(d -> Arguments.of(m, d)));
    }

    private static String jit() {
        return "--jit=" + System.getProperty("vecl.examples.jit", "off");
    }

    private Path render(Path vm, int size, String dtype) {
        Path out = tmp.resolve("render.pgm");
        VeclRun.run(jit(), examples.resolve("render.vl").toString(), vm.toString(), Integer.toString(size), dtype,
                out.toString()).ok();
        return out;
    }

    private Path perPixel(Path vm, int size, String dtype) throws IOException {
        VeclRun gen = VeclRun.run(jit(), examples.resolve("perpixel.vl").toString(), vm.toString(),
                Integer.toString(size), dtype).ok();
        Path kernel = tmp.resolve("kernel.vl");
        Files.writeString(kernel, gen.out());
        Path out = tmp.resolve("perpixel.pgm");
        VeclRun.run(jit(), kernel.toString(), out.toString()).ok();
        return out;
    }

    private static void assertSameImage(Path golden, Path actual) throws IOException {
        byte[] want = Files.readAllBytes(golden);
        byte[] got = Files.readAllBytes(actual);
        assertEquals(want.length, got.length, "PGM size of " + actual.getFileName() + " vs " + golden);
        int differ = 0;
        for (int i = 0; i < want.length; i++) {
            differ += want[i] != got[i] ? 1 : 0;
        }
        assertEquals(0, differ, differ + " bytes differ from " + golden);
        assertArrayEquals(want, got);
    }

    @ParameterizedTest(name = "render.vl {0} 256 {1}")
    @MethodSource("smallModels")
    void renderSmallModels(String model, String dtype) throws IOException {
        requireShared();
        Path vm = shared.resolve("data/models/" + model + ".vm");
        assertSameImage(shared.resolve("data/models/" + model + "-256-" + dtype + ".pgm"), render(vm, 256, dtype));
    }

    @ParameterizedTest(name = "perpixel.vl {0} 256 {1}")
    @MethodSource("smallModels")
    void perPixelSmallModels(String model, String dtype) throws IOException {
        requireShared();
        Path vm = shared.resolve("data/models/" + model + ".vm");
        assertSameImage(shared.resolve("data/models/" + model + "-256-" + dtype + ".pgm"), perPixel(vm, 256, dtype));
    }

    @Test
    void renderProsperoFloat32() throws IOException {
        requireShared();
        Assumptions.assumeFalse("false".equals(System.getProperty("vecl.examples.prospero")),
                "prospero.vm skipped (-Dvecl.examples.prospero=false)");
        long t0 = System.nanoTime();
        Path out = render(shared.resolve("data/prospero.vm"), 256, "float32");
        System.out.printf("render.vl prospero 256 float32: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertSameImage(shared.resolve("data/prospero/prospero-256-float32.pgm"), out);
    }

    @Test
    void renderProsperoFloat64() throws IOException {
        requireShared();
        Assumptions.assumeTrue(Boolean.getBoolean("vecl.examples.full"), "float64 prospero runs with -Dvecl.examples.full=true");
        Path out = render(shared.resolve("data/prospero.vm"), 256, "float64");
        assertSameImage(shared.resolve("data/prospero/prospero-256-float64.pgm"), out);
    }

    @Test
    void generatedKernelIsSmall() throws IOException {
        // the kernel recycles locals: prospero.vm needs 127 of them, not 7,866
        requireShared();
        VeclRun gen = VeclRun.run(jit(), examples.resolve("perpixel.vl").toString(),
                shared.resolve("data/prospero.vm").toString(), "64", "float32").ok();
        long locals = gen.out().lines().map(String::strip).filter(l -> l.matches("r\\d+ = .*"))
                .map(l -> l.substring(0, l.indexOf(' '))).distinct().count();
        assertEquals(127, locals);
        assertTrue(gen.out().contains("for p in range(len(out)):"));
    }
}
