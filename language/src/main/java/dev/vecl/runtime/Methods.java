package dev.vecl.runtime;

import java.util.ArrayList;

/** The methods of lists and strings VecL programs may call (Python's behaviour and messages). */
final class Methods {
    private Methods() {
    }

    private static void arity(String name, Object[] args, int min, int max) {
        int n = args.length;
        if (n >= min && n <= max) {
            return;
        }
        if (min == max) {
            if (min == 0) {
                throw VeclError.type(name + "() takes no arguments (" + n + " given)");
            }
            if (min == 1) {
                throw VeclError.type(name + "() takes exactly one argument (" + n + " given)");
            }
            throw VeclError.type(name + " expected " + min + " arguments, got " + n);
        }
        if (n < min) {
            throw VeclError.type(name + " expected at least " + min + " argument" + (min == 1 ? "" : "s") + ", got " + n);
        }
        throw VeclError.type(name + " expected at most " + max + " argument" + (max == 1 ? "" : "s") + ", got " + n);
    }

    private static long intArg(Object x) {
        if (x instanceof Long l) {
            return l;
        }
        if (x instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw VeclError.type("'" + Ops.typeName(x) + "' object cannot be interpreted as an integer");
    }

    private static String strArg(String method, Object x) {
        if (x instanceof String s) {
            return s;
        }
        throw VeclError.type(method + " arg must be None or str");
    }

    static Object listMethod(VList l, String name, Object[] args) {
        ArrayList<Object> items = l.items;
        switch (name) {
            case "append":
                arity("list.append", args, 1, 1);
                items.add(args[0]);
                return VNone.NONE;
            case "pop": {
                arity("pop", args, 0, 1);
                if (items.isEmpty()) {
                    throw VeclError.index("pop from empty list");
                }
                long i = args.length == 0 ? -1 : intArg(args[0]);
                long j = i < 0 ? i + items.size() : i;
                if (j < 0 || j >= items.size()) {
                    throw VeclError.index("pop index out of range");
                }
                return items.remove((int) j);
            }
            case "extend":
                arity("list.extend", args, 1, 1);
                items.addAll(Ops.iterableItems(args[0], "'" + Ops.typeName(args[0]) + "' object is not iterable"));
                return VNone.NONE;
            case "insert": {
                arity("insert", args, 2, 2);
                long i = intArg(args[0]);
                int n = items.size();
                long j = i < 0 ? Math.max(0, i + n) : Math.min(i, n);
                items.add((int) j, args[1]);
                return VNone.NONE;
            }
            case "index":
                arity("index", args, 1, 1);
                for (int i = 0; i < items.size(); i++) {
                    if (Ops.eq(items.get(i), args[0])) {
                        return (long) i;
                    }
                }
                throw VeclError.value(Format.repr(args[0]) + " is not in list");
            case "count": {
                arity("list.count", args, 1, 1);
                long c = 0;
                for (Object x : items) {
                    if (Ops.eq(x, args[0])) {
                        c++;
                    }
                }
                return c;
            }
            case "copy":
                arity("list.copy", args, 0, 0);
                return new VList(new ArrayList<>(items));
            case "reverse":
                arity("list.reverse", args, 0, 0);
                java.util.Collections.reverse(items);
                return VNone.NONE;
            case "clear":
                arity("list.clear", args, 0, 0);
                items.clear();
                return VNone.NONE;
            default:
                throw VeclError.attribute("'list' object has no attribute '" + name + "'");
        }
    }

    /** Python's str.isspace for one char. */
    static boolean isSpace(int c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85
                || (c > 0x7f && Character.isWhitespace(c)) || c == 0xa0 || c == 0x2007 || c == 0x202f;
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int i = 0;
        int j = s.length();
        if (left) {
            while (i < j && (chars == null ? isSpace(s.charAt(i)) : chars.indexOf(s.charAt(i)) >= 0)) {
                i++;
            }
        }
        if (right) {
            while (j > i && (chars == null ? isSpace(s.charAt(j - 1)) : chars.indexOf(s.charAt(j - 1)) >= 0)) {
                j--;
            }
        }
        return s.substring(i, j);
    }

    private static VList split(String s, Object sepArg, long maxsplit) {
        ArrayList<Object> out = new ArrayList<>();
        if (sepArg == null || sepArg == VNone.NONE) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (maxsplit >= 0 && out.size() >= maxsplit) {
                    out.add(strip(s.substring(i), null, false, true));
                    break;
                }
                int j = i;
                while (j < n && !isSpace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
            return new VList(out);
        }
        String sep = strArg("split()", sepArg);
        if (sep.isEmpty()) {
            throw VeclError.value("empty separator");
        }
        int i = 0;
        while (true) {
            int j = s.indexOf(sep, i);
            if (j < 0 || (maxsplit >= 0 && out.size() >= maxsplit)) {
                out.add(s.substring(i));
                break;
            }
            out.add(s.substring(i, j));
            i = j + sep.length();
        }
        return new VList(out);
    }

    static Object strMethod(String s, String name, Object[] args) {
        switch (name) {
            case "split":
                arity("split", args, 0, 2);
                return split(s, args.length > 0 ? args[0] : null, args.length > 1 ? intArg(args[1]) : -1);
            case "strip":
            case "lstrip":
            case "rstrip": {
                arity(name, args, 0, 1);
                String chars = args.length == 0 || args[0] == VNone.NONE ? null : strArg(name, args[0]);
                return strip(s, chars, !name.equals("rstrip"), !name.equals("lstrip"));
            }
            case "startswith":
                arity("startswith", args, 1, 1);
                if (!(args[0] instanceof String)) {
                    throw VeclError.type("startswith first arg must be str or a tuple of str, not " + Ops.typeName(args[0]));
                }
                return s.startsWith((String) args[0]);
            case "endswith":
                arity("endswith", args, 1, 1);
                if (!(args[0] instanceof String)) {
                    throw VeclError.type("endswith first arg must be str or a tuple of str, not " + Ops.typeName(args[0]));
                }
                return s.endsWith((String) args[0]);
            case "join": {
                arity("str.join", args, 1, 1);
                StringBuilder sb = new StringBuilder();
                int k = 0;
                for (Object x : Ops.iterableItems(args[0], "can only join an iterable")) {
                    if (!(x instanceof String)) {
                        throw VeclError.type("sequence item " + k + ": expected str instance, " + Ops.typeName(x) + " found");
                    }
                    if (k++ > 0) {
                        sb.append(s);
                    }
                    sb.append((String) x);
                }
                return sb.toString();
            }
            case "replace":
                arity("replace", args, 2, 2);
                return s.replace(strArg("replace()", args[0]), strArg("replace()", args[1]));
            case "find":
                arity("find", args, 1, 1);
                return (long) s.indexOf(strArg("find()", args[0]));
            case "lower":
                arity("str.lower", args, 0, 0);
                return s.toLowerCase(java.util.Locale.ROOT);
            case "upper":
                arity("str.upper", args, 0, 0);
                return s.toUpperCase(java.util.Locale.ROOT);
            case "isdigit":
                arity("str.isdigit", args, 0, 0);
                return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            default:
                throw VeclError.attribute("'str' object has no attribute '" + name + "'");
        }
    }
}
