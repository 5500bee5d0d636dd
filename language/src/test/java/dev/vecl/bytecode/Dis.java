package dev.vecl.bytecode;

import com.oracle.truffle.api.source.Source;

import dev.vecl.parser.Parser;

/** Test helper: compiles source text against fresh globals and disassembles it. */
public final class Dis {
    private Dis() {
    }

    public static Code compile(String program, boolean moduleRegisters) {
        Source src = Source.newBuilder("vecl", program, "test.vl").build();
        Globals g = new Globals("test");
        g.put("print", "<builtin print>"); // a bound builtin, as in a real context
        return Compiler.compileModule(Parser.parse(src), g, false, moduleRegisters);
    }

    public static Code compilePrelude(String program) {
        Source src = Source.newBuilder("vecl", program, "prelude.vl").build();
        return Compiler.compileModule(Parser.parse(src), new Globals("prelude"), true, false);
    }

    public static String dis(String program) {
        return Disassembler.disassemble(compile(program, true));
    }

    public static void main(String[] args) throws Exception {
        System.out.print(dis(java.nio.file.Files.readString(java.nio.file.Path.of(args[0]))));
    }
}
