package dev.vecl.trace.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text form of a trace, in the style of PyPy's trace logs:
 *
 * <pre>
 * [p0: ref, i1: int, i2: int]
 * label(p0, i1, i2) [main@4: r0=p0 r1=i1 r2=i2]
 * b3 = int_lt(i1, i2)
 * guard_true(b3) [main@6: r0=p0 r1=i1 r2=i2]
 * f4 = getarrayitem_f64(p0, i1)
 * jump(p0, i5, i2)
 * </pre>
 *
 * The printer names values by type letter (i int, f float, s f32, b bool, p ref) and definition
 * order, so printing is canonical: two traces that differ only in names print the same. The parser
 * accepts any names. {@code #} starts a comment. See docs/tracer.md for the grammar.
 */
public final class TraceText {
    private TraceText() {
    }

    // ------------------------------------------------------------------ printing

    public static String print(Trace t) {
        Map<Value, String> names = new IdentityHashMap<>();
        int n = 0;
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < t.inputs.size(); i++) {
            InputArg a = t.inputs.get(i);
            String name = a.type().prefix + Integer.toString(n++);
            names.put(a, name);
            sb.append(i == 0 ? "" : ", ").append(name).append(": ").append(a.type().text);
        }
        sb.append("]\n");
        for (Op op : t.ops) {
            if (op.hasResult()) {
                String name = op.type().prefix + Integer.toString(n++);
                names.put(op, name);
                sb.append(name).append(" = ");
            }
            sb.append(op.opcode.text).append('(');
            for (int i = 0; i < op.numArgs(); i++) {
                sb.append(i == 0 ? "" : ", ").append(valueText(op.arg(i), names));
            }
            if (op.descr != null) {
                sb.append(op.numArgs() == 0 ? "" : ", ").append(op.opcode.descrKey()).append('=').append(op.descr);
            }
            sb.append(')');
            if (op.snapshot != null) {
                sb.append(' ').append(snapshotText(op.snapshot, names));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String snapshotText(Snapshot s, Map<Value, String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.frames().size(); i++) {
            Snapshot.Frame f = s.frames().get(i);
            sb.append(i == 0 ? "" : "; ").append(f.code()).append('@').append(f.pc()).append(':');
            for (Map.Entry<Integer, Value> e : f.registers().entrySet()) {
                sb.append(" r").append(e.getKey()).append('=').append(valueText(e.getValue(), names));
            }
        }
        return sb.append(']').toString();
    }

    private static String valueText(Value v, Map<Value, String> names) {
        if (v instanceof Const c) {
            return constText(c);
        }
        String s = names.get(v);
        return s != null ? s : "<undefined " + v + ">";
    }

    public static String constText(Const c) {
        return switch (c) {
            case Const.Int i -> Long.toString(i.value());
            case Const.Float64 d -> doubleText(d.value());
            case Const.Float32 f -> floatText(f.value()) + "f";
            case Const.Bool b -> b.value() ? "True" : "False";
            case Const.Ref r -> r.isNull() ? "null" : "$" + r.name();
        };
    }

    private static String doubleText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d);
    }

    private static String floatText(float d) {
        if (Float.isNaN(d)) {
            return "nan";
        } else if (Float.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Float.toString(d);
    }

    // ------------------------------------------------------------------ parsing

    /** Thrown for malformed trace text; the message names the line. */
    public static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseError(int line, String msg) {
            super("trace text line " + line + ": " + msg);
        }
    }

    public static Trace parse(String text) {
        return parse(text, Map.of());
    }

    /** Parses a trace; {@code refs} gives the objects behind {@code $name} constants (absent names get null objects). */
    public static Trace parse(String text, Map<String, Object> refs) {
        return new Parser(refs).parse(text);
    }

    private static final class Parser {
        private final Map<String, Object> refs;
        private final Map<String, Value> values = new HashMap<>();
        private final Map<String, Const.Ref> refConsts = new HashMap<>();
        private String line;
        private int pos;
        private int lineNo;

        Parser(Map<String, Object> refs) {
            this.refs = refs;
        }

        Trace parse(String text) {
            List<InputArg> inputs = null;
            List<Op> ops = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                lineNo = i + 1;
                String l = lines[i];
                int hash = l.indexOf('#');
                if (hash >= 0) {
                    l = l.substring(0, hash);
                }
                l = l.strip();
                if (l.isEmpty()) {
                    continue;
                }
                line = l;
                pos = 0;
                if (inputs == null) {
                    inputs = parseHeader();
                } else {
                    ops.add(parseOp());
                }
                skipSpaces();
                if (pos != line.length()) {
                    throw error("unexpected '" + line.substring(pos) + "'");
                }
            }
            if (inputs == null) {
                throw new ParseError(lineNo, "missing input header [..]");
            }
            return new Trace(inputs, ops);
        }

        private List<InputArg> parseHeader() {
            expect('[');
            List<InputArg> inputs = new ArrayList<>();
            skipSpaces();
            if (!peek(']')) {
                do {
                    String name = word();
                    expect(':');
                    String tn = word();
                    Type t = Type.byText(tn);
                    if (t == null) {
                        throw error("unknown type " + tn);
                    }
                    InputArg a = new InputArg(t);
                    define(name, a);
                    inputs.add(a);
                } while (accept(','));
            }
            expect(']');
            return inputs;
        }

        private Op parseOp() {
            String first = word();
            String result = null;
            String opName = first;
            if (accept('=')) {
                result = first;
                opName = word();
            }
            OpCode opcode = OpCode.byText(opName);
            if (opcode == null) {
                throw error("unknown operation " + opName);
            }
            expect('(');
            List<Value> args = new ArrayList<>();
            Object descr = null;
            skipSpaces();
            if (!peek(')')) {
                do {
                    skipSpaces();
                    int save = pos;
                    String w = word();
                    if (accept('=')) {
                        descr = parseDescr(opcode, w);
                    } else {
                        pos = save;
                        args.add(value(token()));
                    }
                } while (accept(','));
            }
            expect(')');
            Snapshot snap = null;
            skipSpaces();
            if (peek('[')) {
                snap = parseSnapshot();
            }
            Op op = new Op(opcode, args, descr, snap);
            if (result != null) {
                if (!op.hasResult()) {
                    throw error(opName + " has no result");
                }
                define(result, op);
            } else if (op.hasResult()) {
                throw error(opName + " needs a result name");
            }
            return op;
        }

        private Object parseDescr(OpCode opcode, String key) {
            if (!key.equals(opcode.descrKey())) {
                throw error(opcode.text + " takes no " + key + "=");
            }
            String v = token();
            if (key.equals("cls")) {
                RefKind k = RefKind.byText(v);
                if (k == null) {
                    throw error("unknown class " + v);
                }
                return k;
            }
            return v;
        }

        private Snapshot parseSnapshot() {
            expect('[');
            List<Snapshot.Frame> frames = new ArrayList<>();
            do {
                skipSpaces();
                int at = line.indexOf('@', pos);
                if (at < 0) {
                    throw error("frame needs code@pc");
                }
                String code = line.substring(pos, at).strip();
                pos = at + 1;
                int pc;
                try {
                    pc = Integer.parseInt(word());
                } catch (NumberFormatException e) {
                    throw error("bad pc");
                }
                expect(':');
                TreeMap<Integer, Value> regs = new TreeMap<>();
                skipSpaces();
                while (pos < line.length() && line.charAt(pos) == 'r') {
                    String r = word();
                    int idx;
                    try {
                        idx = Integer.parseInt(r.substring(1));
                    } catch (NumberFormatException e) {
                        throw error("bad register " + r);
                    }
                    expect('=');
                    if (regs.put(idx, value(token())) != null) {
                        throw error("register " + r + " given twice");
                    }
                    skipSpaces();
                }
                frames.add(new Snapshot.Frame(code, pc, regs));
            } while (accept(';'));
            expect(']');
            return new Snapshot(frames);
        }

        private Value value(String tok) {
            switch (tok) {
                case "True":
                    return Const.TRUE;
                case "False":
                    return Const.FALSE;
                case "null":
                    return Const.NULL;
                default:
                    break;
            }
            if (tok.startsWith("$")) {
                String name = tok.substring(1);
                return refConsts.computeIfAbsent(name, k -> new Const.Ref(k, refs.get(k)));
            }
            char c = tok.charAt(0);
            boolean numeric = Character.isDigit(c) || c == '-' || tok.startsWith("inf") || tok.startsWith("nan");
            if (numeric) {
                try {
                    if (tok.endsWith("f") && !tok.equals("inf") && !tok.equals("-inf")) {
                        return Const.of(parseFloat(tok.substring(0, tok.length() - 1)));
                    }
                    if (tok.contains(".") || tok.contains("e") || tok.contains("E") || tok.contains("inf") || tok.contains("nan")) {
                        return Const.of(parseDouble(tok));
                    }
                    return Const.of(Long.parseLong(tok));
                } catch (NumberFormatException e) {
                    throw error("bad number " + tok);
                }
            }
            Value v = values.get(tok);
            if (v == null) {
                throw error("undefined value " + tok);
            }
            return v;
        }

        private static double parseDouble(String s) {
            return switch (s) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(s);
            };
        }

        private static float parseFloat(String s) {
            return switch (s) {
                case "inf" -> Float.POSITIVE_INFINITY;
                case "-inf" -> Float.NEGATIVE_INFINITY;
                case "nan" -> Float.NaN;
                default -> Float.parseFloat(s);
            };
        }

        private void define(String name, Value v) {
            if (values.put(name, v) != null) {
                throw error("value " + name + " defined twice");
            }
        }

        /** An identifier-like word: letters, digits, _ . $ - */
        private String word() {
            skipSpaces();
            int start = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '-' || c == '+') {
                    pos++;
                } else {
                    break;
                }
            }
            if (start == pos) {
                throw error("expected a name at '" + line.substring(pos) + "'");
            }
            return line.substring(start, pos);
        }

        private String token() {
            return word();
        }

        private void skipSpaces() {
            while (pos < line.length() && line.charAt(pos) == ' ') {
                pos++;
            }
        }

        private boolean peek(char c) {
            skipSpaces();
            return pos < line.length() && line.charAt(pos) == c;
        }

        private boolean accept(char c) {
            if (peek(c)) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw error("expected '" + c + "' at '" + line.substring(Math.min(pos, line.length())) + "'");
            }
        }

        private ParseError error(String msg) {
            return new ParseError(lineNo, msg);
        }
    }
}
