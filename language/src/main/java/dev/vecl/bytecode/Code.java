package dev.vecl.bytecode;

import com.oracle.truffle.api.source.Source;

/** Compiled code of one function or module (see docs/internals.md and {@link Op}). */
public final class Code {
    public final String name;
    /** Opcode words each followed by their operands. */
    public final int[] code;
    public final Object[] consts;
    /** Names used by CHECKBOUND, GETATTR and CALLMETHOD. */
    public final String[] names;
    public final int numRegs;
    /** Positional parameters occupy registers 0..numParams-1. */
    public final int numParams;
    /** Names of the positional parameters (for keyword binding and messages). */
    public final String[] paramNames;
    /** Register of a trailing {@code *rest} parameter (packed as a list), or -1. */
    public final int varargsReg;
    /** Variable name held by each register, null for temporaries. */
    public final String[] regNames;
    /** Source line (1-based) of the expression each pc belongs to (indexed by pc; 0 between instructions). */
    public final int[] lines;
    public final int[] cols;
    public final Source source;
    public final boolean isPrelude;
    public final boolean isModule;
    /** The module globals GETGLOBAL/SETGLOBAL refer to. */
    public final Globals globals;
    /** Per-LOOP execution counters, indexed by the LOOP instruction's operand; the JIT reads and resets them. */
    public final int[] loopCounters;
    /** pc of each LOOP instruction, by loop index. */
    public final int[] loopHeaders;
    /**
     * Module code only: pairs (register, global slot) of module variables kept in registers. The
     * module's prologue loads them (LOADGLOBAL); whoever runs the module writes them back at the end.
     */
    public final int[] moduleRegisterVars;

    /** Anything the JIT wants to attach (traces by loop, ...). */
    public volatile Object jitData;

    public Code(String name, int[] code, Object[] consts, String[] names, int numRegs, int numParams, String[] paramNames, int varargsReg,
                    String[] regNames, int[] lines, int[] cols, Source source, boolean isPrelude, boolean isModule, Globals globals,
                    int[] loopHeaders, int[] moduleRegisterVars) {
        this.name = name;
        this.code = code;
        this.consts = consts;
        this.names = names;
        this.numRegs = numRegs;
        this.numParams = numParams;
        this.paramNames = paramNames;
        this.varargsReg = varargsReg;
        this.regNames = regNames;
        this.lines = lines;
        this.cols = cols;
        this.source = source;
        this.isPrelude = isPrelude;
        this.isModule = isModule;
        this.globals = globals;
        this.loopHeaders = loopHeaders;
        this.loopCounters = new int[loopHeaders.length];
        this.moduleRegisterVars = moduleRegisterVars;
    }

    public int line(int pc) {
        return lines[pc];
    }

    public int col(int pc) {
        return cols[pc];
    }

    @Override
    public String toString() {
        return "<code " + name + ">";
    }
}
