package dev.vecl.runtime;

import java.math.BigDecimal;

/**
 * Text forms of values: Python's {@code str} and {@code repr}. Floats print as CPython's repr
 * (shortest round-trip digits, laid out with the same switch to exponent notation); a float32
 * prints the shortest digits that round-trip the float32 value, laid out the same way.
 */
public final class Format {
    private Format() {
    }

    /** Python {@code repr(float)}. */
    public static String formatDouble(double d) {
        if (d != d) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0.0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        Digits g = parseJava(Double.toString(Math.abs(d)));
        if (g.digits.length() == 2) {
            g = shortenDouble(Math.abs(d), g);
        }
        return layout(d < 0, g.digits, g.decpt);
    }

    /** A float32 value: shortest float32 round-trip digits laid out as a Python float repr. */
    public static String formatFloat(float f) {
        if (f != f) {
            return "nan";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "inf" : "-inf";
        }
        if (f == 0.0f) {
            return (Float.floatToRawIntBits(f) < 0) ? "-0.0" : "0.0";
        }
        Digits g = parseJava(Float.toString(Math.abs(f)));
        if (g.digits.length() == 2) {
            g = shortenFloat(Math.abs(f), g);
        }
        return layout(f < 0, g.digits, g.decpt);
    }

    /** Digits d1d2...dn with value 0.d1d2...dn * 10^decpt. */
    private record Digits(String digits, int decpt) {
    }

    private static Digits parseJava(String s) {
        int e = s.indexOf('E');
        int exp = 0;
        String mant = s;
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1));
            mant = s.substring(0, e);
        }
        int dot = mant.indexOf('.');
        String intPart = dot < 0 ? mant : mant.substring(0, dot);
        String frac = dot < 0 ? "" : mant.substring(dot + 1);
        String all = intPart + frac;
        int decpt = intPart.length() + exp;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        all = all.substring(lead);
        decpt -= lead;
        int end = all.length();
        while (end > 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        return new Digits(all.substring(0, end), decpt);
    }

    // Java picks a 2-digit decimal when it is closer than every 1-digit one that round-trips;
    // Python always prefers the shortest, so try the 1-digit neighbours.
    private static Digits shortenDouble(double x, Digits g) {
        Digits best = null;
        BigDecimal exact = new BigDecimal(x);
        BigDecimal bestDist = null;
        int first = g.digits.charAt(0) - '0';
        for (int c = first; c <= first + 1; c++) {
            Digits cand = c == 10 ? new Digits("1", g.decpt + 1) : new Digits(Integer.toString(c), g.decpt);
            if (c == 0) {
                continue;
            }
            double v = Double.parseDouble("0." + cand.digits + "E" + cand.decpt);
            if (v == x) {
                BigDecimal dist = new BigDecimal("0." + cand.digits + "E" + cand.decpt).subtract(exact).abs();
                if (bestDist == null || dist.compareTo(bestDist) < 0) {
                    best = cand;
                    bestDist = dist;
                }
            }
        }
        return best != null ? best : g;
    }

    private static Digits shortenFloat(float x, Digits g) {
        Digits best = null;
        BigDecimal exact = new BigDecimal(x);
        BigDecimal bestDist = null;
        int first = g.digits.charAt(0) - '0';
        for (int c = first; c <= first + 1; c++) {
            Digits cand = c == 10 ? new Digits("1", g.decpt + 1) : new Digits(Integer.toString(c), g.decpt);
            if (c == 0) {
                continue;
            }
            float v = Float.parseFloat("0." + cand.digits + "E" + cand.decpt);
            if (v == x) {
                BigDecimal dist = new BigDecimal("0." + cand.digits + "E" + cand.decpt).subtract(exact).abs();
                if (bestDist == null || dist.compareTo(bestDist) < 0) {
                    best = cand;
                    bestDist = dist;
                }
            }
        }
        return best != null ? best : g;
    }

    /** CPython's float_repr_style 'short' layout: exponent form when decpt <= -4 or decpt > 16. */
    private static String layout(boolean neg, String digits, int decpt) {
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        int n = digits.length();
        if (decpt <= -4 || decpt > 16) {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                sb.append('0');
            }
            sb.append(ae);
        } else if (decpt <= 0) {
            sb.append("0.");
            for (int i = 0; i < -decpt; i++) {
                sb.append('0');
            }
            sb.append(digits);
        } else if (decpt >= n) {
            sb.append(digits);
            for (int i = n; i < decpt; i++) {
                sb.append('0');
            }
            sb.append(".0");
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, n);
        }
        return sb.toString();
    }

    /** Python {@code repr(str)}: single quotes unless the text has ' and no ". */
    public static String reprString(String s) {
        char q = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(q);
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == q || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp < 0x100) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.append(q).toString();
    }

    /** Python's str.isprintable for one code point (not Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs except space). */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** {@code str(x)}: what print writes. */
    public static String str(Object x) {
        if (x instanceof String s) {
            return s;
        }
        return repr(x);
    }

    /** {@code repr(x)}: how x appears inside a list. */
    public static String repr(Object x) {
        if (x instanceof Long l) {
            return Long.toString(l);
        } else if (x instanceof Double d) {
            return formatDouble(d);
        } else if (x instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (x instanceof Float f) {
            return formatFloat(f);
        } else if (x instanceof String s) {
            return reprString(s);
        } else if (x instanceof VList l) {
            return reprList(l);
        } else if (x instanceof VRange r) {
            return r.toString();
        } else if (x instanceof VArray a) {
            return a.toString();
        } else if (x == VNone.NONE || x == null) {
            return "None";
        } else if (x instanceof DType t) {
            return t.pyName;
        } else if (x instanceof VFunction f) {
            return "<function " + f.name + ">";
        } else if (x instanceof VBuiltin b) {
            return "<built-in function " + b.name + ">";
        } else if (x instanceof Integer i) {
            return Integer.toString(i);
        }
        return String.valueOf(x);
    }

    private static String reprList(VList l) {
        // Python shows a list that contains itself as [...]
        if (REPR_GUARD.get().contains(l)) {
            return "[...]";
        }
        REPR_GUARD.get().add(l);
        try {
            StringBuilder sb = new StringBuilder();
            sb.append('[');
            for (int i = 0; i < l.items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(repr(l.items.get(i)));
            }
            return sb.append(']').toString();
        } finally {
            REPR_GUARD.get().remove(l);
        }
    }

    private static final ThreadLocal<java.util.Set<Object>> REPR_GUARD = ThreadLocal
            .withInitial(() -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
}
