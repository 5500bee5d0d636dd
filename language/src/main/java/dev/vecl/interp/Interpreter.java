package dev.vecl.interp;

import java.util.ArrayList;
import java.util.Arrays;

import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Op;
import dev.vecl.runtime.Arith;
import dev.vecl.runtime.DType;
import dev.vecl.runtime.Ops;
import dev.vecl.runtime.VArray;
import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VFunction;
import dev.vecl.runtime.VList;
import dev.vecl.runtime.VeclError;

/**
 * The bytecode interpreter: a switch in a loop over one frame's {@code int[]} code and
 * {@code Object[]} registers. It is host Java only (Truffle reaches it through a boundary), and it
 * can start at any pc, which is how trace exits resume. VecL calls are Java calls with a fresh
 * register array.
 */
public final class Interpreter {
    /** Python's default recursion limit (frames, the module's included). */
    public static final int MAX_DEPTH = 1000;

    /** The prelude functions arrays go to, by opcode ({@code _op_add} for ADD, {@code _op_iadd} for IADD ...). */
    private final VFunction[] arrayOps = new VFunction[Op.COUNT];
    /** Null unless the JIT is on. */
    public JitHooks hooks;
    /** LOOP counters at or above this call {@link JitHooks#onLoopHeader}. */
    public int threshold = Integer.MAX_VALUE;
    /** Null unless a trace is being recorded. */
    public Recorder recorder;
    private int depth;

    public void setArrayOp(int op, VFunction f) {
        arrayOps[op] = f;
    }

    public VFunction arrayOp(int op) {
        return arrayOps[op];
    }

    /** Current VecL call depth (frames of user code; prelude frames are not counted). */
    public int depth() {
        return depth;
    }

    // ---- calls ----

    /** Calls any callable VecL value with positional arguments and optional keyword names (values last in args). */
    public Object call(Object fn, Object[] args, String[] kwNames) {
        return callValue(fn, args, 0, args.length, kwNames);
    }

    private Object callValue(Object fn, Object[] src, int start, int n, String[] kw) {
        if (fn instanceof VFunction f) {
            return executeFrame(f.code, bind(f, src, start, n, kw), 0);
        }
        if (fn instanceof VBuiltin b) {
            return b.call(Arrays.copyOfRange(src, start, start + n), kw);
        }
        if (fn instanceof DType d) {
            return Ops.callDType(d, Arrays.copyOfRange(src, start, start + n), kw);
        }
        throw VeclError.type("'" + Ops.typeName(fn) + "' object is not callable");
    }

    /**
     * Runs a frame from {@code pc} as a call: counts depth, turns Java stack overflow into
     * RecursionError. Trace exits use it to finish inlined frames.
     */
    public Object executeFrame(Code code, Object[] regs, int pc) {
        boolean counted = !code.isPrelude;
        if (counted && ++depth > MAX_DEPTH) {
            depth--;
            throw VeclError.recursion("maximum recursion depth exceeded");
        }
        Recorder rec = recorder;
        if (rec != null) {
            rec.enterFrame(this, code, regs);
        }
        try {
            Object result = execute(code, regs, pc);
            if (recorder != null) {
                recorder.leaveFrame(this, code, result);
            }
            return result;
        } catch (StackOverflowError e) {
            throw VeclError.recursion("maximum recursion depth exceeded");
        } finally {
            if (counted) {
                depth--;
            }
        }
    }

    /**
     * Writes a finished inner frame's result into the destination register of the call-like
     * instruction at {@code callPc} and returns the pc of the instruction after it.
     */
    public static int storeCallResult(Code code, Object[] regs, int callPc, Object result) {
        regs[code.code[callPc + 1]] = result;
        return callPc + Op.length(code.code[callPc]);
    }

    /**
     * Resumes a stack of frames a trace had inlined, after a guard failed in the innermost one.
     * Frame 0 is the frame running the loop (the caller of the hook); {@code pcs[k]} is, for every
     * frame but the last, the pc of its call-like instruction whose callee is frame k + 1, and for
     * the last frame the pc to resume at. Runs the inner frames to completion, innermost first,
     * handing each result to its caller's destination register, and returns the pc at which frame
     * 0 continues. An error in a prelude frame is located at the innermost user caller.
     */
    public int resumeInlined(Code[] codes, Object[][] regs, int[] pcs) {
        int n = codes.length;
        Object result = null;
        for (int k = n - 1; k >= 1; k--) {
            int start = k == n - 1 ? pcs[k] : storeCallResult(codes[k], regs[k], pcs[k], result);
            try {
                result = executeFrame(codes[k], regs[k], start);
            } catch (VeclError e) {
                for (int j = k - 1; j >= 0 && !e.hasLocation(); j--) {
                    if (!codes[j].isPrelude) {
                        e.locate(codes[j].source, codes[j].line(pcs[j]), codes[j].col(pcs[j]));
                    }
                }
                throw e;
            }
        }
        return n == 1 ? pcs[0] : storeCallResult(codes[0], regs[0], pcs[0], result);
    }

    /** A fresh register file for {@code f} with the arguments bound to its parameters. */
    public static Object[] bind(VFunction f, Object[] src, int start, int n, String[] kw) {
        Code c = f.code;
        if (kw == null && n == c.numParams && c.varargsReg < 0) {
            // the common call, small enough for the host JIT to inline into the dispatch loop
            Object[] regs = new Object[c.numRegs];
            System.arraycopy(src, start, regs, 0, n);
            return regs;
        }
        return bindGeneral(f, src, start, n, kw);
    }

    private static Object[] bindGeneral(VFunction f, Object[] src, int start, int n, String[] kw) {
        Code c = f.code;
        int np = c.numParams;
        Object[] regs = new Object[c.numRegs];
        int nkw = kw == null ? 0 : kw.length;
        int npos = n - nkw;
        if (npos > np) {
            if (c.varargsReg >= 0) {
                ArrayList<Object> rest = new ArrayList<>(npos - np);
                for (int i = np; i < npos; i++) {
                    rest.add(src[start + i]);
                }
                regs[c.varargsReg] = new VList(rest);
            } else {
                throw tooManyPositional(f, npos);
            }
        } else if (c.varargsReg >= 0) {
            regs[c.varargsReg] = new VList();
        }
        System.arraycopy(src, start, regs, 0, Math.min(npos, np));
        for (int k = 0; k < nkw; k++) {
            String name = kw[k];
            int j = indexOf(c.paramNames, name);
            if (j < 0) {
                throw VeclError.type(f.name + "() got an unexpected keyword argument '" + name + "'");
            }
            if (regs[j] != null) {
                throw VeclError.type(f.name + "() got multiple values for argument '" + name + "'");
            }
            regs[j] = src[start + npos + k];
        }
        int nd = f.defaults.length;
        ArrayList<String> missing = null;
        for (int j = 0; j < np; j++) {
            if (regs[j] == null) {
                if (j >= np - nd) {
                    regs[j] = f.defaults[j - (np - nd)];
                } else {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add("'" + c.paramNames[j] + "'");
                }
            }
        }
        if (missing != null) {
            String list;
            int m = missing.size();
            if (m == 1) {
                list = missing.get(0);
            } else if (m == 2) {
                list = missing.get(0) + " and " + missing.get(1);
            } else {
                list = String.join(", ", missing.subList(0, m - 1)) + ", and " + missing.get(m - 1);
            }
            throw VeclError.type(f.name + "() missing " + m + " required positional argument" + (m == 1 ? "" : "s") + ": " + list);
        }
        return regs;
    }

    private static VeclError tooManyPositional(VFunction f, int given) {
        int np = f.code.numParams;
        int nd = f.defaults.length;
        String takes = nd == 0 ? String.valueOf(np) : "from " + (np - nd) + " to " + np;
        boolean plural = nd != 0 || np != 1;
        return VeclError.type(f.name + "() takes " + takes + " positional argument" + (plural ? "s" : "") + " but " + given
                        + (given == 1 ? " was" : " were") + " given");
    }

    private static int indexOf(String[] a, String s) {
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    private Object callArrayOp(int op, Object a, Object b) {
        VFunction f = arrayOps[op];
        if (f == null) {
            throw VeclError.type("unsupported operand type(s) for " + Op.OPNAME[op] + ": '" + Ops.typeName(a) + "' and '" + Ops.typeName(b) + "'");
        }
        Object[] regs = new Object[f.code.numRegs];
        regs[0] = a;
        regs[1] = b;
        return executeFrame(f.code, regs, 0);
    }

    private Object callArrayOp1(int op, Object a) {
        VFunction f = arrayOps[op];
        if (f == null) {
            throw VeclError.type("bad operand type for unary " + Op.OPNAME[op] + ": '" + Ops.typeName(a) + "'");
        }
        Object[] regs = new Object[f.code.numRegs];
        regs[0] = a;
        return executeFrame(f.code, regs, 0);
    }

    // ---- operations (arrays go to the prelude, everything else to Ops) ----

    private Object binary(int op, Object a, Object b) {
        if (a instanceof VArray || b instanceof VArray) {
            return callArrayOp(op, a, b);
        }
        return switch (op) {
            case Op.ADD -> Ops.add(a, b);
            case Op.SUB -> Ops.sub(a, b);
            case Op.MUL -> Ops.mul(a, b);
            case Op.TRUEDIV -> Ops.truediv(a, b);
            case Op.FLOORDIV -> Ops.floordiv(a, b);
            case Op.MOD -> Ops.mod(a, b);
            case Op.POW -> Ops.pow(a, b);
            case Op.AND -> Ops.and(a, b);
            case Op.OR -> Ops.or(a, b);
            case Op.XOR -> Ops.xor(a, b);
            case Op.LSHIFT -> Ops.lshift(a, b);
            case Op.RSHIFT -> Ops.rshift(a, b);
            default -> throw new IllegalStateException(Op.NAMES[op]);
        };
    }

    private Object inplace(int op, Object a, Object b) {
        if (a instanceof VArray) {
            return callArrayOp(op, a, b);
        }
        if (op == Op.IADD && (a instanceof VList || !(b instanceof VArray))) {
            return Ops.iadd(a, b);
        }
        if (op == Op.IMUL && a instanceof VList) {
            return Ops.imul(a, b);
        }
        return binary(Op.plainOf(op), a, b);
    }

    private Object compare(int op, Object a, Object b) {
        if (op == Op.IN) {
            return Ops.contains(b, a);
        }
        if (op == Op.NOTIN) {
            return !Ops.contains(b, a);
        }
        if (a instanceof VArray || b instanceof VArray) {
            return callArrayOp(op, a, b);
        }
        boolean r = switch (op) {
            case Op.LT -> Ops.lt(a, b);
            case Op.LE -> Ops.le(a, b);
            case Op.GT -> Ops.gt(a, b);
            case Op.GE -> Ops.ge(a, b);
            case Op.EQ -> Ops.eq(a, b);
            case Op.NE -> Ops.ne(a, b);
            default -> throw new IllegalStateException(Op.NAMES[op]);
        };
        return r;
    }

    private Object unary(int op, Object a) {
        if (a instanceof VArray) {
            return callArrayOp1(op, a);
        }
        return switch (op) {
            case Op.NEG -> Ops.neg(a);
            case Op.POS -> Ops.pos(a);
            case Op.INVERT -> Ops.invert(a);
            default -> throw new IllegalStateException(Op.NAMES[op]);
        };
    }

    /** Python's {@code is}: identity, which for VecL's boxed scalars means same bool, both None, or same object. */
    public static boolean is(Object a, Object b) {
        return a == b || (a instanceof Boolean && a.equals(b));
    }

    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return Ops.truthy(v);
    }

    private static long rangeArg(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw VeclError.type("'" + Ops.typeName(v) + "' object cannot be interpreted as an integer");
    }

    private static void rangePrep(Object[] regs, int cur, int stop, int step) {
        regs[cur] = rangeArg(regs[cur]);
        regs[stop] = rangeArg(regs[stop]);
        long s = rangeArg(regs[step]);
        if (s == 0) {
            throw VeclError.value("range() arg 3 must not be zero");
        }
        regs[step] = s;
    }

    /** Whether a range loop at {@code cur} goes on (the test of FORRANGE; also the tracer's compiled loop-end check). */
    public static boolean rangeHasNext(long cur, long stop, long step) {
        return step > 0 ? cur < stop : cur > stop;
    }

    /** One step of a counted loop: returns whether the body runs (then var and cur are updated). */
    public static boolean rangeStep(Object[] regs, int var, int cur, int stop, int step) {
        Object curBox = regs[cur];
        long c = (Long) curBox;
        long st = (Long) regs[stop];
        long sp = (Long) regs[step];
        if (rangeHasNext(c, st, sp)) {
            regs[var] = curBox;
            long n = c + sp;
            if (((c ^ n) & (sp ^ n)) < 0) {
                n = st; // stepped past the int64 range: the loop is over
            }
            regs[cur] = n;
            return true;
        }
        return false;
    }

    private static void iterPrep(Object[] regs, int seq, int idx) {
        Object s = regs[seq];
        if (!(s instanceof VList || s instanceof String || s instanceof VArray || s instanceof dev.vecl.runtime.VRange)) {
            throw VeclError.type("'" + Ops.typeName(s) + "' object is not iterable");
        }
        regs[idx] = 0L;
    }

    /** One step of iteration over a list/str/array, re-reading its length (Python's list iterator). */
    public static boolean iterStep(Object[] regs, int var, int seq, int idx) {
        Object s = regs[seq];
        Object ib = regs[idx];
        long i = (Long) ib;
        if (i < Ops.len(s)) {
            regs[var] = Ops.getItem(s, ib);
            regs[idx] = i + 1;
            return true;
        }
        return false;
    }

    private static Object getAttr(Object obj, String name) {
        throw VeclError.attribute("'" + Ops.typeName(obj) + "' object has no attribute '" + name + "'");
    }

    private static VList makeList(Object[] regs, int start, int n) {
        ArrayList<Object> items = new ArrayList<>(Math.max(n, 4));
        for (int i = 0; i < n; i++) {
            items.add(regs[start + i]);
        }
        return new VList(items);
    }

    private static VeclError unbound(Code c, int nameIdx, int kind) {
        String n = c.names[nameIdx];
        if (kind == 1) {
            return VeclError.name("name '" + n + "' is not defined");
        }
        return VeclError.name("cannot access local variable '" + n + "' where it is not associated with a value");
    }

    private static VeclError undefinedGlobal(Code c, int slot) {
        return VeclError.name("name '" + c.globals.name(slot) + "' is not defined");
    }

    // ---- the loop ----

    /**
     * The instructions that are rare in hot loops, out of {@link #execute} so that the host JIT
     * compiles a small dispatch loop (better code, and fast recompilation after a deoptimization).
     * Returns the next pc; errors propagate to {@code execute}, which locates them at {@code pc}.
     */
    private int executeCold(Code c, Object[] regs, int pc) {
        final int[] code = c.code;
        final Object[] consts = c.consts;
        switch (code[pc]) {
            case Op.NOP -> pc += 1;
            case Op.SETGLOBAL -> {
                c.globals.values[code[pc + 1]] = regs[code[pc + 2]];
                pc += 3;
            }
            case Op.LOADGLOBAL -> {
                regs[code[pc + 1]] = c.globals.values[code[pc + 2]];
                pc += 3;
            }
            case Op.IS -> {
                regs[code[pc + 1]] = is(regs[code[pc + 2]], regs[code[pc + 3]]);
                pc += 4;
            }
            case Op.ISNOT -> {
                regs[code[pc + 1]] = !is(regs[code[pc + 2]], regs[code[pc + 3]]);
                pc += 4;
            }
            case Op.NEG, Op.POS, Op.INVERT -> {
                regs[code[pc + 1]] = unary(code[pc], regs[code[pc + 2]]);
                pc += 3;
            }
            case Op.NOT -> {
                regs[code[pc + 1]] = !truthy(regs[code[pc + 2]]);
                pc += 3;
            }
            case Op.RANGEPREP -> {
                rangePrep(regs, code[pc + 1], code[pc + 2], code[pc + 3]);
                pc += 4;
            }
            case Op.ITERPREP -> {
                iterPrep(regs, code[pc + 1], code[pc + 2]);
                pc += 3;
            }
            case Op.GETSLICE -> {
                regs[code[pc + 1]] = Ops.getSlice(regs[code[pc + 2]], regs[code[pc + 3]], regs[code[pc + 4]], regs[code[pc + 5]]);
                pc += 6;
            }
            case Op.SETSLICE -> {
                Ops.setSlice(regs[code[pc + 1]], regs[code[pc + 2]], regs[code[pc + 3]], regs[code[pc + 4]], regs[code[pc + 5]]);
                pc += 6;
            }
            case Op.GETATTR -> {
                regs[code[pc + 1]] = getAttr(regs[code[pc + 2]], c.names[code[pc + 3]]);
                pc += 4;
            }
            case Op.CALLMETHOD -> {
                int start = code[pc + 4];
                regs[code[pc + 1]] = Ops.callMethod(regs[code[pc + 2]], c.names[code[pc + 3]], Arrays.copyOfRange(regs, start, start + code[pc + 5]));
                pc += 6;
            }
            case Op.MAKELIST -> {
                regs[code[pc + 1]] = makeList(regs, code[pc + 2], code[pc + 3]);
                pc += 4;
            }
            case Op.MAKEFUNC -> {
                Code fc = (Code) consts[code[pc + 2]];
                int start = code[pc + 3];
                regs[code[pc + 1]] = new VFunction(fc.name, fc, Arrays.copyOfRange(regs, start, start + code[pc + 4]));
                pc += 5;
            }
            case Op.ASSERTFAIL -> {
                int m = code[pc + 1];
                throw VeclError.assertion(m < 0 ? "" : Ops.str(regs[m]));
            }
            default -> throw new IllegalStateException("bad opcode " + code[pc] + " at pc " + pc + " in " + c.name);
        }
        return pc;
    }


    /**
     * Runs {@code c} from {@code startPc} with register file {@code regs} until RETURN. Errors
     * are located at the failing instruction unless the code is prelude code (then the caller's
     * user instruction gets them).
     */
    public Object execute(Code c, Object[] regs, int startPc) {
        final int[] code = c.code;
        final Object[] consts = c.consts;
        int pc = startPc;
        try {
            while (true) {
                if (recorder != null) {
                    recorder.record(this, c, regs, pc);
                }
                switch (code[pc]) {
                    case Op.CONST -> {
                        regs[code[pc + 1]] = consts[code[pc + 2]];
                        pc += 3;
                    }
                    case Op.MOVE -> {
                        regs[code[pc + 1]] = regs[code[pc + 2]];
                        pc += 3;
                    }
                    case Op.GETGLOBAL -> {
                        Object v = c.globals.values[code[pc + 2]];
                        if (v == null) {
                            throw undefinedGlobal(c, code[pc + 2]);
                        }
                        regs[code[pc + 1]] = v;
                        pc += 3;
                    }
                    case Op.CHECKBOUND -> {
                        if (regs[code[pc + 1]] == null) {
                            throw unbound(c, code[pc + 2], code[pc + 3]);
                        }
                        pc += 4;
                    }
                    case Op.ADD -> {
                        Object a = regs[code[pc + 2]];
                        Object b = regs[code[pc + 3]];
                        Object r;
                        if (a instanceof Long x && b instanceof Long y) {
                            r = Arith.addLong(x, y);
                        } else if (a instanceof Double x && b instanceof Double y) {
                            r = x + y;
                        } else {
                            r = binary(Op.ADD, a, b);
                        }
                        regs[code[pc + 1]] = r;
                        pc += 4;
                    }
                    case Op.SUB -> {
                        Object a = regs[code[pc + 2]];
                        Object b = regs[code[pc + 3]];
                        regs[code[pc + 1]] = a instanceof Long x && b instanceof Long y ? (Object) Arith.subLong(x, y) : binary(Op.SUB, a, b);
                        pc += 4;
                    }
                    case Op.MUL -> {
                        Object a = regs[code[pc + 2]];
                        Object b = regs[code[pc + 3]];
                        Object r;
                        if (a instanceof Long x && b instanceof Long y) {
                            r = Arith.mulLong(x, y);
                        } else if (a instanceof Double x && b instanceof Double y) {
                            r = x * y;
                        } else {
                            r = binary(Op.MUL, a, b);
                        }
                        regs[code[pc + 1]] = r;
                        pc += 4;
                    }
                    case Op.TRUEDIV, Op.FLOORDIV, Op.MOD, Op.POW, Op.AND, Op.OR, Op.XOR, Op.LSHIFT, Op.RSHIFT -> {
                        regs[code[pc + 1]] = binary(code[pc], regs[code[pc + 2]], regs[code[pc + 3]]);
                        pc += 4;
                    }
                    case Op.IADD -> {
                        Object a = regs[code[pc + 2]];
                        Object b = regs[code[pc + 3]];
                        regs[code[pc + 1]] = a instanceof Long x && b instanceof Long y ? (Object) Arith.addLong(x, y) : inplace(Op.IADD, a, b);
                        pc += 4;
                    }
                    case Op.ISUB, Op.IMUL, Op.ITRUEDIV, Op.IFLOORDIV, Op.IMOD, Op.IPOW, Op.IAND, Op.IOR, Op.IXOR, Op.ILSHIFT, Op.IRSHIFT -> {
                        regs[code[pc + 1]] = inplace(code[pc], regs[code[pc + 2]], regs[code[pc + 3]]);
                        pc += 4;
                    }
                    case Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE, Op.IN, Op.NOTIN -> {
                        Object a = regs[code[pc + 2]];
                        Object b = regs[code[pc + 3]];
                        Object r = code[pc] == Op.LT && a instanceof Long x && b instanceof Long y ? (Object) (x < y) : compare(code[pc], a, b);
                        int dst = code[pc + 1];
                        regs[dst] = r;
                        pc += 4;
                        // the usual JUMPIFFALSE on the result runs here, saving a dispatch (not while recording)
                        if (code[pc] == Op.JUMPIFFALSE && code[pc + 1] == dst && recorder == null) {
                            pc = truthy(r) ? pc + 3 : code[pc + 2];
                        }
                    }
                    case Op.JUMP -> {
                        pc = code[pc + 1];
                        // a back-edge lands on a LOOP: run it here, saving a dispatch (not while recording)
                        if (code[pc] == Op.LOOP && recorder == null) {
                            int idx = code[pc + 1];
                            if (++c.loopCounters[idx] >= threshold && hooks != null) {
                                pc = hooks.onLoopHeader(this, c, regs, pc, idx);
                            } else {
                                pc += 2;
                                // and the FORRANGE of a for loop right after it: one dispatch per iteration instead of three
                                if (code[pc] == Op.FORRANGE) {
                                    pc = rangeStep(regs, code[pc + 1], code[pc + 2], code[pc + 3], code[pc + 4]) ? pc + 6 : code[pc + 5];
                                }
                            }
                        }
                    }
                    case Op.JUMPIFFALSE -> pc = truthy(regs[code[pc + 1]]) ? pc + 3 : code[pc + 2];
                    case Op.JUMPIFTRUE -> pc = truthy(regs[code[pc + 1]]) ? code[pc + 2] : pc + 3;
                    case Op.LOOP -> {
                        int idx = code[pc + 1];
                        if (++c.loopCounters[idx] >= threshold && hooks != null) {
                            pc = hooks.onLoopHeader(this, c, regs, pc, idx);
                        } else {
                            pc += 2;
                        }
                    }
                    case Op.FORRANGE -> pc = rangeStep(regs, code[pc + 1], code[pc + 2], code[pc + 3], code[pc + 4]) ? pc + 6 : code[pc + 5];
                    case Op.FORITER -> pc = iterStep(regs, code[pc + 1], code[pc + 2], code[pc + 3]) ? pc + 5 : code[pc + 4];
                    case Op.GETITEM -> {
                        regs[code[pc + 1]] = Ops.getItem(regs[code[pc + 2]], regs[code[pc + 3]]);
                        pc += 4;
                    }
                    case Op.SETITEM -> {
                        Ops.setItem(regs[code[pc + 1]], regs[code[pc + 2]], regs[code[pc + 3]]);
                        pc += 4;
                    }
                    case Op.CALL -> {
                        int kw = code[pc + 5];
                        Object fn = regs[code[pc + 2]];
                        String[] kwNames = kw < 0 ? null : (String[]) consts[kw];
                        regs[code[pc + 1]] = fn instanceof VFunction f ? executeFrame(f.code, bind(f, regs, code[pc + 3], code[pc + 4], kwNames), 0)
                                        : callValue(fn, regs, code[pc + 3], code[pc + 4], kwNames);
                        pc += 6;
                    }
                    case Op.RETURN -> {
                        return regs[code[pc + 1]];
                    }
                    default -> pc = executeCold(c, regs, pc);
                }
            }
        } catch (VeclError e) {
            if (!c.isPrelude) {
                e.locate(c.source, c.lines[pc], c.cols[pc]);
            }
            throw e;
        }
    }
}
