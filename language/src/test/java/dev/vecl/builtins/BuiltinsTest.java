package dev.vecl.builtins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** I/O builtins, argv, time and the text conversions. */
class BuiltinsTest {
    @TempDir
    Path dir;

    private static String q(Path p) {
        return "'" + p.toString().replace("\\", "\\\\") + "'";
    }

    @Test
    void readText() throws Exception {
        Path f = dir.resolve("in.txt");
        Files.writeString(f, "1 2\r\n3\n", StandardCharsets.UTF_8);
        assertEquals("['1', '2', '3'] 2\n", VeclRun.run("t = read_text(" + q(f) + ")\nprint(t.split(), len(t.split('\\n')) - 1)", IOAccess.ALL));
        Path missing = dir.resolve("x.txt");
        assertEquals("ERR OSError: [Errno 2] No such file or directory: " + q(missing) + "\n",
                VeclRun.run("read_text(" + q(missing) + ")", IOAccess.ALL));
    }

    @Test
    void ioDeniedByDefault() {
        String out = VeclRun.run("read_text('x.txt')");
        assertTrue(out.startsWith("ERR OSError: "), out);
    }

    @Test
    void savePgm() throws Exception {
        // python3: values rounded half to even and clamped; bool -> 0/255
        Path f = dir.resolve("o.pgm");
        String out = VeclRun.run("save_pgm(" + q(f) + ", array([0.5, 1.5, 2.5, -3.0, 300.0, 254.5]), 3, 2)\n"
                + "save_pgm(" + q(dir.resolve("b.pgm")) + ", [True, False], 2, 1)\nprint('ok')", IOAccess.ALL);
        assertEquals("ok\n", out);
        byte[] bytes = Files.readAllBytes(f);
        byte[] header = "P5\n3 2\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[]{0, 2, 2, 0, (byte) 255, (byte) 254};
        byte[] expected = new byte[header.length + body.length];
        System.arraycopy(header, 0, expected, 0, header.length);
        System.arraycopy(body, 0, expected, header.length, body.length);
        assertArrayEquals(expected, bytes);
        byte[] b = Files.readAllBytes(dir.resolve("b.pgm"));
        assertEquals((byte) 255, b[b.length - 2]);
        assertEquals(0, b[b.length - 1]);
        assertTrue(VeclRun.run("save_pgm(" + q(f) + ", [1, 2, 3], 2, 2)", IOAccess.ALL).startsWith("ERR ValueError"));
    }

    @Test
    void argvAndTime() {
        assertEquals("['a', 'b c'] True\n",
                VeclRun.run("t0 = time()\nt1 = time()\nprint(argv, t1 >= t0)", IOAccess.NONE, "a", "b c"));
    }

    @Test
    void conversions() {
        // python3 -c "print(int('0x1f', 16), int(' 12 '), float('1_0.5'), str(1.5), round(2.5), round(2.675, 2), int(-2.9))"
        assertEquals("31 12 10.5 1.5 2 2.67 -2\n",
                VeclRun.run("print(int('0x1f', 16), int(' 12 '), float('1_0.5'), str(1.5), round(2.5), round(2.675, 2), int(-2.9))"));
        assertEquals("a-b|\n", VeclRun.run("print('a', 'b', sep='-', end='|\\n')"));
        assertEquals("ERR ValueError: cannot convert float NaN to integer\n", VeclRun.run("int(float('nan'))"));
    }
}
