package dev.vecl.runtime;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Python's {@code int(s[, base])} and {@code float(s)} string parsing rules. */
public final class Parse {
    private Parse() {
    }

    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?");

    public static double parseFloat(String s) {
        String t = s.strip();
        if (FLOAT.matcher(t).matches()) {
            return Double.parseDouble(t.replace("_", ""));
        }
        String low = t.toLowerCase();
        boolean neg = low.startsWith("-");
        String body = (low.startsWith("-") || low.startsWith("+")) ? low.substring(1) : low;
        if (body.equals("inf") || body.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (body.equals("nan")) {
            return Double.NaN;
        }
        throw VeclError.value("could not convert string to float: " + Format.reprString(s));
    }

    public static long parseInt(String s, long base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw VeclError.value("int() base must be >= 2 and <= 36, or 0");
        }
        String t = s.strip();
        int i = 0;
        boolean neg = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            neg = t.charAt(i) == '-';
            i++;
        }
        int b = (int) base;
        boolean prefixed = false;
        if (i + 1 < t.length() && t.charAt(i) == '0') {
            char p = Character.toLowerCase(t.charAt(i + 1));
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (b == 0 || b == pb)) {
                b = pb;
                i += 2;
                prefixed = true;
            }
        }
        boolean base0Decimal = false;
        if (b == 0) {
            b = 10;
            base0Decimal = true;
        }
        String body = t.substring(i);
        // underscores: single, between digits (or right after a base prefix)
        boolean ok = !body.isEmpty();
        StringBuilder digits = new StringBuilder(body.length());
        for (int k = 0; k < body.length() && ok; k++) {
            char c = body.charAt(k);
            if (c == '_') {
                boolean prevOk = k > 0 ? body.charAt(k - 1) != '_' : prefixed;
                if (!prevOk || k == body.length() - 1) {
                    ok = false;
                }
                continue;
            }
            if (Character.digit(c, b) < 0 || c > 0x7f) {
                ok = false;
            }
            digits.append(c);
        }
        if (ok && digits.length() == 0) {
            ok = false;
        }
        if (ok && base0Decimal && digits.length() > 1 && digits.charAt(0) == '0') {
            // base 0 forbids leading zeros in a non-zero decimal literal
            ok = digits.chars().allMatch(c -> c == '0');
        }
        if (!ok) {
            throw VeclError.value("invalid literal for int() with base " + base + ": " + Format.reprString(s));
        }
        BigInteger v = new BigInteger(digits.toString(), b);
        if (neg) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            throw VeclError.overflow("Python int too large to convert to C long");
        }
        return v.longValue();
    }
}
