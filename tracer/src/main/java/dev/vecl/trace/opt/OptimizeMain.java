package dev.vecl.trace.opt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.vecl.trace.ir.Trace;
import dev.vecl.trace.ir.TraceText;

/**
 * Runs passes on a trace in text form (a test case, or a section cut from a --jitlog file) and
 * prints the trace after each: {@code OptimizeMain FILE [pass,pass,...]}, where the passes are
 * named as in {@link #byName} and the default is the standard pipeline.
 */
public final class OptimizeMain {
    private OptimizeMain() {
    }

    public static Pass byName(String name) {
        return switch (name) {
            case "fold" -> new ConstFold();
            case "cse" -> new CommonSubexpr();
            case "dce" -> new DeadCode();
            case "guards" -> new GuardElim();
            case "strengthen" -> new GuardStrengthen();
            case "hoist" -> new BoundsHoist();
            case "peel" -> new LoopPeel();
            case "standard" -> Pipeline.standard();
            default -> throw new IllegalArgumentException("unknown pass " + name
                    + " (fold, cse, dce, guards, strengthen, hoist, peel, standard)");
        };
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: OptimizeMain FILE [fold,cse,dce,guards,strengthen,hoist,peel,standard]");
            System.exit(2);
        }
        Trace t = TraceText.parse(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
        List<Pass> passes = new ArrayList<>();
        for (String n : (args.length == 2 ? args[1] : "standard").split(",")) {
            passes.add(byName(n.strip()));
        }
        System.out.print("# input\n" + TraceText.print(t));
        new Pipeline(passes).observe((name, out) -> System.out.print("# after " + name + "\n" + TraceText.print(out))).apply(t);
    }
}
