package dev.vecl.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.vecl.runtime.VeclError;

/** Small programs → expected disassembly. */
class CompilerTest {
    static void check(String program, String expected) {
        assertEquals(expected.strip(), Dis.dis(program).strip());
    }

    @Test
    void moduleVariablesLiveInRegisters() {
        check("""
                        x = 1
                        y = x + 2
                        print(y)
                        """, """
                        code <module> params=0 regs=5 vars: r0=x r1=y r2=print
                           0  LOADGLOBAL  r0, x
                           3  LOADGLOBAL  r1, y
                           6  LOADGLOBAL  r2, print
                           9  CONST       r0, 1
                          12  CONST       r3, 2
                          15  ADD         r1, r0, r3
                          19  MOVE        r4, r1
                          22  CALL        r3, r2, r4, 1, -
                          28  RETURN      r3
                        """);
    }

    @Test
    void replModeUsesGlobals() {
        String d = Disassembler.disassemble(Dis.compile("x = 1\nx += 2\n", false));
        assertEquals("""
                        code <module> params=0 regs=2
                           0  CONST       r0, 1
                           3  SETGLOBAL   x, r0
                           6  GETGLOBAL   r0, x
                           9  CONST       r1, 2
                          12  IADD        r0, r0, r1
                          16  SETGLOBAL   x, r0
                          19  CONST       r0, None
                          22  RETURN      r0
                        """.strip(), d.strip());
    }

    @Test
    void possiblyUnboundLocalIsChecked() {
        check("""
                        def f(n):
                            if n > 0:
                                r = 1
                            return r
                        """, """
                        code <module> params=0 regs=2 vars: r0=f
                           0  LOADGLOBAL  r0, f
                           3  MAKEFUNC    r0, <code f>, r1, 0
                           8  CONST       r1, None
                          11  RETURN      r1

                        code f params=1 regs=4 vars: r0=n r1=r
                           0  CONST       r3, 0
                           3  GT          r2, r0, r3
                           7  JUMPIFFALSE r2, ->13
                          10  CONST       r1, 1
                          13  CHECKBOUND  r1, r, 0
                          17  RETURN      r1
                        """);
    }

    @Test
    void rangeLoopIsACounter() {
        check("""
                        s = 0
                        for i in range(1, 10, 2):
                            s += i
                        else:
                            s = -s
                        print(i)
                        """, """
                        code <module> params=0 regs=6 vars: r0=s r1=i r2=print
                           0  LOADGLOBAL  r0, s
                           3  LOADGLOBAL  r1, i
                           6  LOADGLOBAL  r2, print
                           9  CONST       r0, 0
                          12  CONST       r3, 1
                          15  CONST       r4, 10
                          18  CONST       r5, 2
                          21  RANGEPREP   r3, r4, r5
                          25  LOOP        0
                          27  FORRANGE    r1, r3, r4, r5, ->39
                          33  IADD        r0, r0, r1
                          37  JUMP        ->25
                          39  NEG         r0, r0
                          42  CHECKBOUND  r1, i, 1
                          46  MOVE        r4, r1
                          49  CALL        r3, r2, r4, 1, -
                          55  RETURN      r3
                        """);
    }

    @Test
    void sequenceLoopWithBreak() {
        check("""
                        t = 0
                        for v in [1, 2]:
                            if v == 2:
                                break
                            t += v
                        """, """
                        code <module> params=0 regs=6 vars: r0=t r1=v
                           0  LOADGLOBAL  r0, t
                           3  LOADGLOBAL  r1, v
                           6  CONST       r0, 0
                           9  CONST       r4, 1
                          12  CONST       r5, 2
                          15  MAKELIST    r2, r4, 2
                          19  ITERPREP    r2, r3
                          22  LOOP        0
                          24  FORITER     r1, r2, r3, ->47
                          29  CONST       r5, 2
                          32  EQ          r4, r1, r5
                          36  JUMPIFFALSE r4, ->41
                          39  JUMP        ->47
                          41  IADD        r0, r0, r1
                          45  JUMP        ->22
                          47  CONST       r2, None
                          50  RETURN      r2
                        """);
    }

    @Test
    void chainsAndShortCircuit() {
        check("""
                        c = 0 < x <= 10
                        d = a and b or c
                        """, """
                        code <module> params=0 regs=8 vars: r0=c r1=d r2=x r3=a r4=b
                           0  LOADGLOBAL  r0, c
                           3  LOADGLOBAL  r1, d
                           6  LOADGLOBAL  r2, x
                           9  LOADGLOBAL  r3, a
                          12  LOADGLOBAL  r4, b
                          15  CONST       r6, 0
                          18  CHECKBOUND  r2, x, 1
                          22  LT          r5, r6, r2
                          26  JUMPIFFALSE r5, ->36
                          29  CONST       r7, 10
                          32  LE          r5, r2, r7
                          36  MOVE        r0, r5
                          39  CHECKBOUND  r3, a, 1
                          43  MOVE        r5, r3
                          46  JUMPIFFALSE r5, ->56
                          49  CHECKBOUND  r4, b, 1
                          53  MOVE        r5, r4
                          56  JUMPIFTRUE  r5, ->62
                          59  MOVE        r5, r0
                          62  MOVE        r1, r5
                          65  CONST       r5, None
                          68  RETURN      r5
                        """);
    }

    @Test
    void globalsAndAugmentedSubscripts() {
        check("""
                        def g():
                            global n
                            n += 1
                            a[n] *= 2
                            return a[1:n]
                        """, """
                        code <module> params=0 regs=2 vars: r0=g
                           0  LOADGLOBAL  r0, g
                           3  MAKEFUNC    r0, <code g>, r1, 0
                           8  CONST       r1, None
                          11  RETURN      r1

                        code g params=0 regs=5
                           0  GETGLOBAL   r0, n
                           3  CONST       r1, 1
                           6  IADD        r0, r0, r1
                          10  SETGLOBAL   n, r0
                          13  GETGLOBAL   r0, a
                          16  GETGLOBAL   r2, n
                          19  GETITEM     r1, r0, r2
                          23  CONST       r3, 2
                          26  IMUL        r1, r1, r3
                          30  SETITEM     r0, r2, r1
                          34  GETGLOBAL   r1, a
                          37  CONST       r2, 1
                          40  GETGLOBAL   r3, n
                          43  CONST       r4, None
                          46  GETSLICE    r0, r1, r2, r3, r4
                          52  RETURN      r0
                        """);
    }

    @Test
    void whileTestBindsForTheExit() {
        check("""
                        while i < 3:
                            i = i + 1
                        assert i == 3, "bad"
                        """, """
                        code <module> params=0 regs=3 vars: r0=i
                           0  LOADGLOBAL  r0, i
                           3  LOOP        0
                           5  CHECKBOUND  r0, i, 1
                           9  CONST       r2, 3
                          12  LT          r1, r0, r2
                          16  JUMPIFFALSE r1, ->28
                          19  CONST       r1, 1
                          22  ADD         r0, r0, r1
                          26  JUMP        ->3
                          28  CONST       r2, 3
                          31  EQ          r1, r0, r2
                          35  JUMPIFTRUE  r1, ->43
                          38  CONST       r1, 'bad'
                          41  ASSERTFAIL  r1
                          43  CONST       r1, None
                          46  RETURN      r1
                        """);
    }

    @Test
    void functionMentionsKeepModuleVariablesGlobal() {
        String d = Dis.dis("n = 5\nk = 1\ndef f():\n    return n\n");
        assertTrue(d.contains("vars: r0=k r1=f"), d);
        assertTrue(d.contains("SETGLOBAL   n, r2"), d);
    }

    @Test
    void shadowedRangeIsACall() {
        String d = Dis.dis("range = 3\nfor i in range(2):\n    pass\n");
        assertTrue(d.contains("ITERPREP"), d);
    }

    @Test
    void positionsPointAtExpressionStarts() {
        Code c = Dis.compile("x = 1\ny = [x,\n     x[2] + 1]\n", true);
        int pc = 0;
        while (c.code[pc] != Op.GETITEM) {
            pc += Op.length(c.code[pc]);
        }
        assertEquals(3, c.line(pc));
        assertEquals(6, c.col(pc));
    }

    @Test
    void compileTimeErrors() {
        VeclError e = assertThrows(VeclError.class, () -> Dis.dis("x = 1, 2\n"));
        assertEquals("SyntaxError", e.kind);
        assertEquals(1, e.getLine());
        assertEquals(5, e.getColumn());
        e = assertThrows(VeclError.class, () -> Dis.dis("a, b = 1, 2, 3\n"));
        assertEquals("too many values to unpack (expected 2, got 3)", e.detail);
    }
}
