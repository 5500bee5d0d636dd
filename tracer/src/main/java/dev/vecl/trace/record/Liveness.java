package dev.vecl.trace.record;

import java.util.BitSet;
import java.util.Map;
import java.util.WeakHashMap;

import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Op;

/**
 * Which registers of a {@link Code} are live (may be read before being written) at each pc: a
 * backward data-flow over the bytecode. The recorder uses it to keep dead registers out of trace
 * inputs and snapshots, so a trace does not depend on, or restore, values the interpreter never
 * reads. Module code's register-held variables are live everywhere (they are written back to the
 * globals when the module ends, even by an error).
 */
public final class Liveness {
    private static final Map<Code, BitSet[]> CACHE = new WeakHashMap<>();

    private Liveness() {
    }

    /** The registers live on entry to the instruction at {@code pc}. */
    public static BitSet liveAt(Code code, int pc) {
        BitSet[] in;
        synchronized (CACHE) {
            in = CACHE.computeIfAbsent(code, Liveness::compute);
        }
        BitSet s = in[pc];
        return s == null ? new BitSet() : s;
    }

    private static BitSet[] compute(Code c) {
        int[] code = c.code;
        int n = code.length;
        BitSet always = new BitSet();
        if (c.isModule) {
            for (int i = 0; i < c.moduleRegisterVars.length; i += 2) {
                always.set(c.moduleRegisterVars[i]);
            }
        }
        BitSet[] in = new BitSet[n];
        int[] starts = new int[n];
        int count = 0;
        for (int pc = 0; pc < n; pc += Op.length(code[pc])) {
            starts[count++] = pc;
            in[pc] = (BitSet) always.clone();
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int k = count - 1; k >= 0; k--) {
                int pc = starts[k];
                BitSet s = transfer(c, pc, in);
                s.or(always);
                if (!s.equals(in[pc])) {
                    in[pc] = s;
                    changed = true;
                }
            }
        }
        return in;
    }

    private static BitSet live(BitSet[] in, int pc) {
        return pc < in.length && in[pc] != null ? in[pc] : new BitSet();
    }

    /** live-in = uses ∪ ⋃ over successors (live-in(succ) − defs on that edge). */
    private static BitSet transfer(Code c, int pc, BitSet[] in) {
        int[] code = c.code;
        int op = code[pc];
        int next = pc + Op.length(op);
        BitSet s = new BitSet();
        switch (op) {
            case Op.JUMP -> s.or(live(in, code[pc + 1]));
            case Op.JUMPIFFALSE, Op.JUMPIFTRUE -> {
                s.or(live(in, next));
                s.or(live(in, code[pc + 2]));
                s.set(code[pc + 1]);
            }
            case Op.RETURN -> s.set(code[pc + 1]);
            case Op.ASSERTFAIL -> {
                if (code[pc + 1] >= 0) {
                    s.set(code[pc + 1]);
                }
            }
            case Op.FORRANGE -> {
                BitSet body = (BitSet) live(in, next).clone();
                body.clear(code[pc + 1]);
                body.clear(code[pc + 2]);
                s.or(body);
                s.or(live(in, code[pc + 5]));
                s.set(code[pc + 2]);
                s.set(code[pc + 3]);
                s.set(code[pc + 4]);
            }
            case Op.FORITER -> {
                BitSet body = (BitSet) live(in, next).clone();
                body.clear(code[pc + 1]);
                body.clear(code[pc + 3]);
                s.or(body);
                s.or(live(in, code[pc + 4]));
                s.set(code[pc + 2]);
                s.set(code[pc + 3]);
            }
            default -> {
                s.or(live(in, next));
                int dst = dest(code, pc);
                if (dst >= 0) {
                    s.clear(dst);
                }
                uses(code, pc, s);
            }
        }
        return s;
    }

    /**
     * The registers some instruction in {@code [from, to]} may write ({@code from}: an
     * instruction's pc). A register outside this set holds, after any run of that code, the value
     * it had before: frames own their registers, so calls made from the range cannot change them.
     */
    public static BitSet writtenIn(Code c, int from, int to) {
        int[] code = c.code;
        BitSet w = new BitSet();
        for (int pc = from; pc <= to && pc < code.length; pc += Op.length(code[pc])) {
            writes(code, pc, w);
        }
        return w;
    }

    private static void writes(int[] code, int pc, BitSet w) {
        int op = code[pc];
        switch (op) {
            case Op.NOP, Op.SETGLOBAL, Op.CHECKBOUND, Op.JUMP, Op.JUMPIFFALSE, Op.JUMPIFTRUE, Op.LOOP, Op.SETITEM,
                 Op.SETSLICE, Op.RETURN, Op.ASSERTFAIL -> {
            }
            case Op.RANGEPREP -> w.set(code[pc + 1], code[pc + 4]); // normalises all three in place
            case Op.FORRANGE -> {
                w.set(code[pc + 1]);
                w.set(code[pc + 2]);
            }
            case Op.ITERPREP -> {
                w.set(code[pc + 1]);
                w.set(code[pc + 2]);
            }
            case Op.FORITER -> {
                w.set(code[pc + 1]);
                w.set(code[pc + 3]);
            }
            default -> {
                // every other instruction has its destination first (the interpreter writes a call's
                // result there when the callee returns)
                if (!Op.OPERANDS[op].isEmpty() && Op.OPERANDS[op].charAt(0) == 'R') {
                    w.set(code[pc + 1]);
                } else {
                    throw new IllegalStateException("write set of " + Op.NAMES[op] + " unknown");
                }
            }
        }
    }

    /** The register an instruction writes unconditionally, or -1. */
    private static int dest(int[] code, int pc) {
        int op = code[pc];
        if (op == Op.CONST || op == Op.MOVE || op == Op.GETGLOBAL || op == Op.LOADGLOBAL || Op.isCallLike(op) || op == Op.IN
                        || op == Op.NOTIN || op == Op.IS || op == Op.ISNOT || op == Op.NOT || op == Op.GETITEM || op == Op.GETSLICE
                        || op == Op.GETATTR || op == Op.MAKELIST || op == Op.MAKEFUNC) {
            return code[pc + 1];
        }
        if (op == Op.ITERPREP) {
            return code[pc + 2];
        }
        return -1;
    }

    private static void uses(int[] code, int pc, BitSet s) {
        int op = code[pc];
        switch (op) {
            case Op.NOP, Op.CONST, Op.GETGLOBAL, Op.LOADGLOBAL, Op.LOOP -> {
            }
            case Op.MOVE -> s.set(code[pc + 2]);
            case Op.SETGLOBAL -> s.set(code[pc + 2]);
            case Op.CHECKBOUND -> s.set(code[pc + 1]);
            case Op.RANGEPREP -> {
                s.set(code[pc + 1]);
                s.set(code[pc + 2]);
                s.set(code[pc + 3]);
            }
            case Op.ITERPREP -> s.set(code[pc + 1]);
            case Op.SETITEM -> {
                s.set(code[pc + 1]);
                s.set(code[pc + 2]);
                s.set(code[pc + 3]);
            }
            case Op.GETSLICE -> {
                for (int k = 2; k <= 5; k++) {
                    s.set(code[pc + k]);
                }
            }
            case Op.SETSLICE -> {
                for (int k = 1; k <= 5; k++) {
                    s.set(code[pc + k]);
                }
            }
            case Op.GETATTR -> s.set(code[pc + 2]);
            case Op.CALL -> {
                s.set(code[pc + 2]);
                s.set(code[pc + 3], code[pc + 3] + code[pc + 4]);
            }
            case Op.CALLMETHOD -> {
                s.set(code[pc + 2]);
                s.set(code[pc + 4], code[pc + 4] + code[pc + 5]);
            }
            case Op.MAKELIST -> s.set(code[pc + 2], code[pc + 2] + code[pc + 3]);
            case Op.MAKEFUNC -> s.set(code[pc + 3], code[pc + 3] + code[pc + 4]);
            default -> {
                // binary, in-place, comparisons, IN, IS (dst, a, b); unary and NOT (dst, a)
                String kinds = Op.OPERANDS[op];
                for (int k = 1; k < kinds.length(); k++) {
                    if (kinds.charAt(k) == 'R') {
                        s.set(code[pc + 1 + k]);
                    }
                }
            }
        }
    }
}
