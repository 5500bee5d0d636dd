package dev.vecl.bytecode;

/**
 * The instruction set. Each instruction is an opcode word followed by a fixed number of operand
 * words; {@link #OPERANDS} spells their kinds: R register, r register or -1, K constant index,
 * G global slot, N name index, J jump target (absolute pc), I integer immediate.
 *
 * <p>Call-like instructions (CALL, CALLMETHOD, the arithmetic/compare/unary ones when an operand is
 * an array) have their destination register as first operand: a frame resumed after an inner
 * frame returns writes the result there and continues at the next instruction.
 */
public final class Op {
    private Op() {
    }

    public static final int NOP = 0;
    /** CONST dst, k: dst = consts[k]. */
    public static final int CONST = 1;
    /** MOVE dst, src. */
    public static final int MOVE = 2;
    /** GETGLOBAL dst, slot: NameError "name 'x' is not defined" when unbound. */
    public static final int GETGLOBAL = 3;
    /** SETGLOBAL slot, src. */
    public static final int SETGLOBAL = 4;
    /** LOADGLOBAL dst, slot: like GETGLOBAL but may load "unbound" (module-register prologue). */
    public static final int LOADGLOBAL = 5;
    /** CHECKBOUND reg, name, kind: NameError when reg is unbound; kind 0 = function local, 1 = module variable. */
    public static final int CHECKBOUND = 6;

    // binary: dst, a, b (call-like when an operand is an array)
    public static final int ADD = 7;
    public static final int SUB = 8;
    public static final int MUL = 9;
    public static final int TRUEDIV = 10;
    public static final int FLOORDIV = 11;
    public static final int MOD = 12;
    public static final int POW = 13;
    public static final int AND = 14;
    public static final int OR = 15;
    public static final int XOR = 16;
    public static final int LSHIFT = 17;
    public static final int RSHIFT = 18;
    // in-place binary (augmented assignment): dst, a, b; arrays update a in place, lists extend on +=
    public static final int IADD = 19;
    public static final int ISUB = 20;
    public static final int IMUL = 21;
    public static final int ITRUEDIV = 22;
    public static final int IFLOORDIV = 23;
    public static final int IMOD = 24;
    public static final int IPOW = 25;
    public static final int IAND = 26;
    public static final int IOR = 27;
    public static final int IXOR = 28;
    public static final int ILSHIFT = 29;
    public static final int IRSHIFT = 30;
    // comparisons: dst, a, b (a bool; a bool array through the prelude when an operand is an array)
    public static final int LT = 31;
    public static final int LE = 32;
    public static final int GT = 33;
    public static final int GE = 34;
    public static final int EQ = 35;
    public static final int NE = 36;
    /** IN dst, item, container. */
    public static final int IN = 37;
    public static final int NOTIN = 38;
    public static final int IS = 39;
    public static final int ISNOT = 40;
    // unary: dst, a
    public static final int NEG = 41;
    public static final int POS = 42;
    public static final int INVERT = 43;
    /** NOT dst, a: Python's {@code not} (truthiness). */
    public static final int NOT = 44;

    /** JUMP target. */
    public static final int JUMP = 45;
    /** JUMPIFFALSE cond, target (Python truthiness). */
    public static final int JUMPIFFALSE = 46;
    public static final int JUMPIFTRUE = 47;
    /** LOOP index: a loop header; counts towards the JIT threshold of loop {@code index}. */
    public static final int LOOP = 48;
    /** RANGEPREP cur, stop, step: checks and normalises the range() arguments (ints, step != 0). */
    public static final int RANGEPREP = 49;
    /** FORRANGE var, cur, stop, step, exit: if cur is before stop, var = cur and cur += step, else jump to exit. */
    public static final int FORRANGE = 50;
    /** ITERPREP seq, idx: checks that seq is iterable (list, str, array) and sets idx = 0. */
    public static final int ITERPREP = 51;
    /** FORITER var, seq, idx, exit: if idx < len(seq), var = seq[idx] and idx += 1, else jump to exit. */
    public static final int FORITER = 52;

    /** GETITEM dst, obj, index. */
    public static final int GETITEM = 53;
    /** SETITEM obj, index, value. */
    public static final int SETITEM = 54;
    /** GETSLICE dst, obj, start, stop, step (absent parts are None). */
    public static final int GETSLICE = 55;
    /** SETSLICE obj, start, stop, step, value. */
    public static final int SETSLICE = 56;
    /** GETATTR dst, obj, name. */
    public static final int GETATTR = 57;

    /** CALL dst, fn, argStart, nargs, kwNames (constant index of a String[] or -1); keyword values are the last args. */
    public static final int CALL = 58;
    /** CALLMETHOD dst, receiver, name, argStart, nargs. */
    public static final int CALLMETHOD = 59;
    /** MAKELIST dst, start, n. */
    public static final int MAKELIST = 60;
    /** MAKEFUNC dst, k, defStart, ndefaults: a function from the Code in consts[k]. */
    public static final int MAKEFUNC = 61;
    /** RETURN src. */
    public static final int RETURN = 62;
    /** ASSERTFAIL msg: raises AssertionError with str(msg) (msg -1: no message). */
    public static final int ASSERTFAIL = 63;

    public static final int COUNT = 64;

    public static final String[] NAMES = new String[COUNT];
    public static final String[] OPERANDS = new String[COUNT];
    /** Python-level operation name of arithmetic, comparison and unary instructions ("add", "lt", "neg", "iadd", ...). */
    public static final String[] OPNAME = new String[COUNT];

    private static void def(int op, String name, String operands) {
        NAMES[op] = name;
        OPERANDS[op] = operands;
    }

    static {
        def(NOP, "NOP", "");
        def(CONST, "CONST", "RK");
        def(MOVE, "MOVE", "RR");
        def(GETGLOBAL, "GETGLOBAL", "RG");
        def(SETGLOBAL, "SETGLOBAL", "GR");
        def(LOADGLOBAL, "LOADGLOBAL", "RG");
        def(CHECKBOUND, "CHECKBOUND", "RNI");
        String[] bin = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "and", "or", "xor", "lshift", "rshift"};
        for (int i = 0; i < bin.length; i++) {
            def(ADD + i, bin[i].toUpperCase(), "RRR");
            OPNAME[ADD + i] = bin[i];
            def(IADD + i, "I" + bin[i].toUpperCase(), "RRR");
            OPNAME[IADD + i] = "i" + bin[i];
        }
        String[] cmp = {"lt", "le", "gt", "ge", "eq", "ne"};
        for (int i = 0; i < cmp.length; i++) {
            def(LT + i, cmp[i].toUpperCase(), "RRR");
            OPNAME[LT + i] = cmp[i];
        }
        def(IN, "IN", "RRR");
        def(NOTIN, "NOTIN", "RRR");
        def(IS, "IS", "RRR");
        def(ISNOT, "ISNOT", "RRR");
        def(NEG, "NEG", "RR");
        OPNAME[NEG] = "neg";
        def(POS, "POS", "RR");
        OPNAME[POS] = "pos";
        def(INVERT, "INVERT", "RR");
        OPNAME[INVERT] = "invert";
        def(NOT, "NOT", "RR");
        def(JUMP, "JUMP", "J");
        def(JUMPIFFALSE, "JUMPIFFALSE", "RJ");
        def(JUMPIFTRUE, "JUMPIFTRUE", "RJ");
        def(LOOP, "LOOP", "I");
        def(RANGEPREP, "RANGEPREP", "RRR");
        def(FORRANGE, "FORRANGE", "RRRRJ");
        def(ITERPREP, "ITERPREP", "RR");
        def(FORITER, "FORITER", "RRRJ");
        def(GETITEM, "GETITEM", "RRR");
        def(SETITEM, "SETITEM", "RRR");
        def(GETSLICE, "GETSLICE", "RRRRR");
        def(SETSLICE, "SETSLICE", "RRRRR");
        def(GETATTR, "GETATTR", "RRN");
        def(CALL, "CALL", "RRRIk");
        def(CALLMETHOD, "CALLMETHOD", "RRNRI");
        def(MAKELIST, "MAKELIST", "RRI");
        def(MAKEFUNC, "MAKEFUNC", "RKRI");
        def(RETURN, "RETURN", "R");
        def(ASSERTFAIL, "ASSERTFAIL", "r");
    }

    /** Number of words of the instruction (opcode + operands). */
    public static int length(int op) {
        return 1 + OPERANDS[op].length();
    }

    public static boolean isBinary(int op) {
        return op >= ADD && op <= RSHIFT;
    }

    public static boolean isInplace(int op) {
        return op >= IADD && op <= IRSHIFT;
    }

    public static boolean isCompare(int op) {
        return op >= LT && op <= NE;
    }

    public static boolean isUnaryArith(int op) {
        return op >= NEG && op <= INVERT;
    }

    /** The non-in-place operator of an in-place one (IADD → ADD). */
    public static int plainOf(int inplaceOp) {
        return inplaceOp - IADD + ADD;
    }

    /** Instructions whose first operand is a destination register written by a (possibly VecL) call. */
    public static boolean isCallLike(int op) {
        return op == CALL || op == CALLMETHOD || isBinary(op) || isInplace(op) || isCompare(op) || isUnaryArith(op);
    }
}
