package dev.vecl.bytecode;

import dev.vecl.runtime.VNone;

/** Prints code as text: one instruction per line, then the nested function codes. */
public final class Disassembler {
    private Disassembler() {
    }

    public static String disassemble(Code c) {
        StringBuilder sb = new StringBuilder();
        disassemble(c, sb);
        return sb.toString();
    }

    private static void disassemble(Code c, StringBuilder sb) {
        sb.append("code ").append(c.name).append(" params=").append(c.numParams).append(" regs=").append(c.numRegs);
        StringBuilder vars = new StringBuilder();
        for (int r = 0; r < c.regNames.length; r++) {
            if (c.regNames[r] != null) {
                vars.append(' ').append('r').append(r).append('=').append(c.regNames[r]);
            }
        }
        if (vars.length() > 0) {
            sb.append(" vars:").append(vars);
        }
        sb.append('\n');
        int pc = 0;
        while (pc < c.code.length) {
            sb.append(instruction(c, pc)).append('\n');
            pc += Op.length(c.code[pc]);
        }
        for (Object k : c.consts) {
            if (k instanceof Code inner) {
                sb.append('\n');
                disassemble(inner, sb);
            }
        }
    }

    /** One instruction: {@code "  12  ADD         r3, r1, r2"}. */
    public static String instruction(Code c, int pc) {
        int op = c.code[pc];
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%4d  %-12s", pc, Op.NAMES[op]));
        String kinds = Op.OPERANDS[op];
        for (int i = 0; i < kinds.length(); i++) {
            int v = c.code[pc + 1 + i];
            sb.append(i == 0 ? "" : ", ");
            switch (kinds.charAt(i)) {
                case 'R' -> sb.append('r').append(v);
                case 'r' -> sb.append(v < 0 ? "-" : "r" + v);
                case 'K' -> sb.append(constText(c.consts[v]));
                case 'k' -> sb.append(v < 0 ? "-" : constText(c.consts[v]));
                case 'G' -> sb.append(c.globals.name(v));
                case 'N' -> sb.append(c.names[v]);
                case 'J' -> sb.append("->").append(v);
                default -> sb.append(v);
            }
        }
        return sb.toString().stripTrailing();
    }

    static String constText(Object v) {
        if (v instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
        }
        if (v instanceof String[] names) {
            return "kw" + java.util.Arrays.toString(names);
        }
        if (v == VNone.NONE) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }
}
