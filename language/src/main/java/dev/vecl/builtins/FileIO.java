package dev.vecl.builtins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleFile;

import dev.vecl.VeclContext;
import dev.vecl.runtime.Cast;
import dev.vecl.runtime.Format;
import dev.vecl.runtime.Ops;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VNone;
import dev.vecl.runtime.VeclError;

/** read_text and save_pgm, through Truffle's file system (denied unless the Context allows IO). */
final class FileIO {
    private FileIO() {
    }

    private static String pathArg(String fn, Object p) {
        if (p instanceof String s) {
            return s;
        }
        throw VeclError.type(fn + "() argument 'path' must be str, not " + Ops.typeName(p));
    }

    /** Python's OSError text: "[Errno 2] No such file or directory: 'x.txt'". */
    private static VeclError osError(Throwable e, String path) {
        String q = Format.reprString(path);
        if (e instanceof NoSuchFileException) {
            return VeclError.os("[Errno 2] No such file or directory: " + q);
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return VeclError.os("[Errno 13] Permission denied: " + q);
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                && fse.getReason().toLowerCase().contains("directory")) {
            return VeclError.os("[Errno 21] Is a directory: " + q);
        }
        return VeclError.os("[Errno 5] Input/output error: " + q);
    }

    private static TruffleFile file(VeclContext ctx, String path) {
        try {
            return ctx.env().getPublicTruffleFile(path);
        } catch (SecurityException | UnsupportedOperationException | IllegalArgumentException e) {
            throw VeclError.os("[Errno 13] Permission denied: " + Format.reprString(path));
        }
    }

    @TruffleBoundary
    static Object readText(VeclContext ctx, Object p) {
        String path = pathArg("read_text", p);
        TruffleFile f = file(ctx, path);
        byte[] bytes;
        try {
            if (f.isDirectory()) {
                throw VeclError.os("[Errno 21] Is a directory: " + Format.reprString(path));
            }
            bytes = f.readAllBytes();
        } catch (IOException | SecurityException e) {
            throw osError(e, path);
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // Python's text mode reads \r\n and \r as \n (universal newlines)
            return s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n").replace('\r', '\n') : s;
        } catch (CharacterCodingException e) {
            throw VeclError.value("'utf-8' codec can't decode the contents of " + Format.reprString(path));
        }
    }

    /** The PGM byte of one value: bool → 0/255, numbers rounded half to even and clamped to 0..255. */
    static int pgmByte(Object v) {
        if (v instanceof Boolean b) {
            return b ? 255 : 0;
        }
        if (v instanceof Long l) {
            return (int) Math.max(0, Math.min(255, l));
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d != d) {
                return 0;
            }
            return (int) Math.max(0.0, Math.min(255.0, Math.rint(d)));
        }
        throw VeclError.type("save_pgm() values must be numbers, not " + Ops.typeName(v));
    }

    @TruffleBoundary
    static Object savePgm(VeclContext ctx, Object p, Object values, Object w, Object h) {
        String path = pathArg("save_pgm", p);
        long width = Cast.toInt64(requireInt(w));
        long height = Cast.toInt64(requireInt(h));
        if (width < 0 || height < 0) {
            throw VeclError.value("save_pgm(): width and height must be non-negative");
        }
        long n;
        if (values instanceof VArray a) {
            n = a.length;
        } else if (values instanceof VList l) {
            n = l.items.size();
        } else {
            throw VeclError.type("save_pgm() values must be an array or a list, not " + Ops.typeName(values));
        }
        if (n != width * height) {
            throw VeclError.value("save_pgm(): " + n + " values for a " + width + "x" + height + " image");
        }
        byte[] header = ("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            Object v = values instanceof VArray a ? a.load(i) : ((VList) values).items.get(i);
            body[i] = (byte) pgmByte(v);
        }
        TruffleFile f = file(ctx, path);
        try (OutputStream out = f.newOutputStream(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            out.write(header);
            out.write(body);
        } catch (IOException | SecurityException e) {
            throw osError(e, path);
        }
        return VNone.NONE;
    }

    private static Object requireInt(Object x) {
        if (x instanceof Long || x instanceof Boolean) {
            return x;
        }
        throw VeclError.type("'" + Ops.typeName(x) + "' object cannot be interpreted as an integer");
    }
}
