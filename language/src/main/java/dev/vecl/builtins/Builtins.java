package dev.vecl.builtins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

import dev.vecl.VeclContext;
import dev.vecl.runtime.Arith;
import dev.vecl.runtime.Cast;
import dev.vecl.runtime.DType;
import dev.vecl.runtime.Format;
import dev.vecl.runtime.Ops;
import dev.vecl.runtime.VRange;
import dev.vecl.runtime.Parse;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VNone;
import dev.vecl.runtime.VeclError;

/**
 * The builtins a VecL module sees. {@link #userGlobals} are the names of the spec (print, len,
 * int, ..., the dtype names); {@link #preludeGlobals} adds the primitives the prelude is written
 * on (names starting with {@code _}). Array operators, element-wise functions and reductions are
 * VecL code in the prelude, not here.
 */
public final class Builtins {
    private Builtins() {
    }

    public static Map<String, Object> userGlobals(VeclContext ctx) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("print", new Print(ctx));
        add(g, new Fn("len", 1, 1, a -> Ops.len(a[0])));
        add(g, new Fn("int", 0, 2, Builtins::toInt));
        add(g, new Fn("float", 0, 1, a -> a.length == 0 ? 0.0 : toFloat(a[0])));
        add(g, new Fn("str", 0, 1, a -> a.length == 0 ? "" : Format.str(a[0])));
        add(g, new Fn("repr", 1, 1, a -> Format.repr(a[0])));
        add(g, new Fn("round", 1, 2, Builtins::round));
        add(g, new Fn("list", 0, 1, a -> a.length == 0 ? new VList()
                : new VList(new ArrayList<>(Ops.iterableItems(a[0], "'" + Ops.typeName(a[0]) + "' object is not iterable")))));
        // a value only where a program uses range outside `for ... in range(...)` (a counted loop)
        add(g, new Fn("range", 1, 3, VRange::of));
        add(g, new Fn("read_text", 1, 1, a -> FileIO.readText(ctx, a[0])));
        add(g, new Fn("save_pgm", 4, 4, a -> FileIO.savePgm(ctx, a[0], a[1], a[2], a[3])));
        add(g, new Fn("time", 0, 0, a -> System.nanoTime() / 1e9));
        ArrayList<Object> args = new ArrayList<>();
        for (String s : ctx.env().getApplicationArguments()) {
            args.add(s);
        }
        g.put("argv", new VList(args));
        for (DType t : DType.values()) {
            g.put(t.pyName, t);
        }
        return g;
    }

    public static Map<String, Object> preludeGlobals(VeclContext ctx) {
        Map<String, Object> g = userGlobals(ctx);
        g.putAll(Primitives.all());
        return g;
    }

    private static void add(Map<String, Object> g, VBuiltin b) {
        g.put(b.name, b);
    }

    @TruffleBoundary
    static Object toInt(Object[] a) {
        if (a.length == 0) {
            return 0L;
        }
        Object x = a[0];
        if (a.length == 2) {
            if (!(x instanceof String s)) {
                throw VeclError.type("int() can't convert non-string with explicit base");
            }
            Object b = a[1];
            if (!(b instanceof Long || b instanceof Boolean)) {
                throw VeclError.type("'" + Ops.typeName(b) + "' object cannot be interpreted as an integer");
            }
            return Parse.parseInt(s, Cast.toInt64(b));
        }
        if (x instanceof Long) {
            return x;
        } else if (x instanceof Boolean b) {
            return b ? 1L : 0L;
        } else if (x instanceof Double d) {
            return Arith.doubleToLong(d);
        } else if (x instanceof Float f) {
            return Arith.doubleToLong(f);
        } else if (x instanceof String s) {
            return Parse.parseInt(s, 10);
        } else if (x instanceof VArray arr && arr.length == 1) {
            return toInt(new Object[]{arr.load(0)});
        }
        throw VeclError.type("int() argument must be a string, a bytes-like object or a real number, not '" + Ops.typeName(x) + "'");
    }

    @TruffleBoundary
    static Object toFloat(Object x) {
        if (x instanceof Double) {
            return x;
        } else if (x instanceof Long l) {
            return (double) l;
        } else if (x instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        } else if (x instanceof Float f) {
            return (double) f;
        } else if (x instanceof String s) {
            return Parse.parseFloat(s);
        } else if (x instanceof VArray arr && arr.length == 1) {
            return toFloat(arr.load(0));
        }
        throw VeclError.type("float() argument must be a string or a real number, not '" + Ops.typeName(x) + "'");
    }

    /** Python's round: half to even; with ndigits, the exact binary value rounded in decimal. */
    @TruffleBoundary
    static Object round(Object[] a) {
        Object x = a[0];
        boolean hasDigits = a.length == 2 && a[1] != VNone.NONE;
        if (x instanceof Long || x instanceof Boolean) {
            long v = Cast.toInt64(x);
            if (!hasDigits) {
                return v;
            }
            long nd = Cast.toInt64(a[1]);
            if (nd >= 0) {
                return v;
            }
            java.math.BigDecimal r = new java.math.BigDecimal(v).setScale((int) Math.max(nd, -30), java.math.RoundingMode.HALF_EVEN);
            return r.longValue();
        }
        if (x instanceof Double || x instanceof Float) {
            double d = ((Number) x).doubleValue();
            if (!hasDigits) {
                return Arith.doubleToLong(Math.rint(d));
            }
            long nd = Cast.toInt64(a[1]);
            if (Double.isNaN(d) || Double.isInfinite(d) || d == 0.0) {
                return x instanceof Float ? x : (Object) d;
            }
            int scale = (int) Math.max(-400, Math.min(400, nd));
            double r = new java.math.BigDecimal(d).setScale(scale, java.math.RoundingMode.HALF_EVEN).doubleValue();
            if (r == 0.0) {
                r = Math.copySign(0.0, d);
            }
            return x instanceof Float ? (Object) (float) r : (Object) r;
        }
        throw VeclError.type("type " + Ops.typeName(x) + " doesn't define __round__ method");
    }

    /** print(*args, sep=' ', end='\n') to the program's buffered stdout. */
    static final class Print extends VBuiltin {
        private final VeclContext ctx;

        Print(VeclContext ctx) {
            super("print");
            this.ctx = ctx;
        }

        @Override
        @TruffleBoundary
        public Object call(Object[] args, String[] kwNames) {
            int nkw = kwNames == null ? 0 : kwNames.length;
            int npos = args.length - nkw;
            String sep = " ";
            String end = "\n";
            for (int k = 0; k < nkw; k++) {
                Object v = args[npos + k];
                String s = v == VNone.NONE ? null : v instanceof String str ? str : bad(kwNames[k], v);
                switch (kwNames[k]) {
                    case "sep" -> sep = s == null ? " " : s;
                    case "end" -> end = s == null ? "\n" : s;
                    default -> throw VeclError.type("'" + kwNames[k] + "' is an invalid keyword argument for print()");
                }
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < npos; i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append(Format.str(args[i]));
            }
            sb.append(end);
            ctx.out().print(sb);
            return VNone.NONE;
        }

        private static String bad(String kw, Object v) {
            throw VeclError.type(kw + " must be None or a string, not " + Ops.typeName(v));
        }
    }
}
