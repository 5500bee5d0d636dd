package dev.vecl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Dis;
import dev.vecl.bytecode.Op;
import dev.vecl.runtime.VFunction;

/** The interpreter's side of the JIT contract: loop counting, resuming at any pc, recording. */
class JitHooksTest {
    static final String SUM = "s = 0\nfor i in range(100):\n    s += i\ns\n";

    @Test
    void loopHeaderHookFiresAtThreshold() {
        Code c = Dis.compile(SUM, true);
        Interpreter in = new Interpreter();
        in.threshold = 10;
        int[] calls = {0};
        in.hooks = (interp, code, regs, pc, idx) -> {
            assertEquals(Op.LOOP, code.code[pc]);
            calls[0]++;
            code.loopCounters[idx] = 0; // back off
            return pc + 2;
        };
        assertEquals(4950L, in.executeFrame(c, new Object[c.numRegs], 0));
        // the header runs 101 times (the last one exits)
        assertEquals(10, calls[0]);
    }

    @Test
    void executionResumesFromASnapshotAtAnyPc() {
        Code c = Dis.compile(SUM, true);
        Interpreter in = new Interpreter();
        in.threshold = 37;
        List<Object[]> snaps = new ArrayList<>();
        int[] snapPc = {-1};
        in.hooks = (interp, code, regs, pc, idx) -> {
            snaps.add(regs.clone());
            snapPc[0] = pc;
            code.loopCounters[idx] = Integer.MIN_VALUE;
            return pc + 2;
        };
        assertEquals(4950L, in.executeFrame(c, new Object[c.numRegs], 0));
        assertEquals(1, snaps.size());
        // a fresh interpreter finishes the loop from the saved registers, as a trace exit would
        assertEquals(4950L, new Interpreter().execute(c, snaps.get(0), snapPc[0]));
    }

    @Test
    void exitInsideAnInlinedFrameFinishesTheCalleeThenTheCaller() {
        Code c = Dis.compile("def f(x):\n    return x * 2\ns = 0\nfor i in range(10):\n    s += f(i)\ns\n", true);
        Interpreter in = new Interpreter();
        in.threshold = 1;
        boolean[] done = {false};
        in.hooks = (interp, code, regs, pc, idx) -> {
            code.loopCounters[idx] = Integer.MIN_VALUE;
            if (done[0]) {
                return pc + 2;
            }
            done[0] = true;
            // pretend a trace ran FORRANGE, entered f and failed a guard at f's first instruction
            int forPc = pc + 2;
            int[] w = code.code;
            assertEquals(Op.FORRANGE, w[forPc]);
            assertTrue(Interpreter.rangeStep(regs, w[forPc + 1], w[forPc + 2], w[forPc + 3], w[forPc + 4]));
            int callPc = forPc + Op.length(Op.FORRANGE);
            while (w[callPc] != Op.CALL) {
                callPc += Op.length(w[callPc]);
            }
            // the instructions between FORRANGE and CALL only load the callee and its argument
            VFunction f = (VFunction) regs[indexOfFunction(code)];
            Object[] fregs = Interpreter.bind(f, new Object[]{regs[w[forPc + 1]]}, 0, 1, null);
            return interp.resumeInlined(new Code[]{code, f.code}, new Object[][]{regs, fregs}, new int[]{callPc, 0});
        };
        assertEquals(90L, in.executeFrame(c, new Object[c.numRegs], 0));
    }

    private static int indexOfFunction(Code module) {
        for (int r = 0; r < module.regNames.length; r++) {
            if ("f".equals(module.regNames[r])) {
                return r;
            }
        }
        throw new AssertionError("f is not a module register");
    }

    @Test
    void errorInAResumedPreludeFrameIsLocatedAtTheUserCall() {
        Code c = Dis.compile("def add(a, b):\n    return a + b\nx = 0\nfor i in range(3):\n    x = add(x, i)\n", true);
        Interpreter in = new Interpreter();
        in.threshold = 1;
        in.hooks = (interp, code, regs, pc, idx) -> {
            // resume a (fake) inlined frame of prelude code that fails: the user's call site gets the error
            Code prelude = Dis.compilePrelude("def boom():\n    return 1 // 0\n");
            Code boom = (Code) java.util.Arrays.stream(prelude.consts).filter(k -> k instanceof Code).findFirst().get();
            int callPc = pc;
            while (code.code[callPc] != Op.CALL) {
                callPc += Op.length(code.code[callPc]);
            }
            return interp.resumeInlined(new Code[]{code, boom}, new Object[][]{regs, new Object[boom.numRegs]}, new int[]{callPc, 0});
        };
        dev.vecl.runtime.VeclError e = org.junit.jupiter.api.Assertions.assertThrows(dev.vecl.runtime.VeclError.class,
                        () -> in.executeFrame(c, new Object[c.numRegs], 0));
        assertEquals("ZeroDivisionError", e.kind);
        assertEquals(5, e.getLine());
        assertEquals(9, e.getColumn());
    }

    @Test
    void recorderSeesEveryInstructionAndFrame() {
        Code c = Dis.compile("def f(x):\n    return x + 1\ny = f(1)\ny\n", true);
        Interpreter in = new Interpreter();
        List<String> seen = new ArrayList<>();
        in.recorder = new Recorder() {
            @Override
            public void record(Interpreter interp, Code code, Object[] regs, int pc) {
                seen.add(code.name + ":" + Op.NAMES[code.code[pc]]);
            }

            @Override
            public void enterFrame(Interpreter interp, Code code, Object[] regs) {
                seen.add("enter " + code.name);
            }

            @Override
            public void leaveFrame(Interpreter interp, Code code, Object value) {
                seen.add("leave " + code.name + " " + value);
            }
        };
        assertEquals(2L, in.executeFrame(c, new Object[c.numRegs], 0));
        assertEquals(List.of("enter <module>", "<module>:LOADGLOBAL", "<module>:LOADGLOBAL", "<module>:MAKEFUNC", "<module>:CONST",
                        "<module>:CALL", "enter f", "f:CONST", "f:ADD", "f:RETURN", "leave f 2", "<module>:MOVE", "<module>:RETURN",
                        "leave <module> 2"), seen);
    }
}
