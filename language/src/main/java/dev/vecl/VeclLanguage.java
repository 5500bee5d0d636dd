package dev.vecl;

import org.graalvm.options.OptionCategory;
import org.graalvm.options.OptionDescriptors;
import org.graalvm.options.OptionKey;
import org.graalvm.options.OptionStability;
import org.graalvm.options.OptionType;

import com.oracle.truffle.api.CallTarget;
import com.oracle.truffle.api.Option;
import com.oracle.truffle.api.TruffleLanguage;

import dev.vecl.ast.Module;
import dev.vecl.interp.GlobalScope;
import dev.vecl.interp.ModuleRootNode;
import dev.vecl.parser.Parser;

@TruffleLanguage.Registration(id = VeclLanguage.ID, name = "VecL", defaultMimeType = VeclLanguage.MIME,
        characterMimeTypes = VeclLanguage.MIME, fileTypeDetectors = {}, version = "0.1.0", website = "https://vecl.dev")
public final class VeclLanguage extends TruffleLanguage<VeclContext> {
    public static final String ID = "vecl";
    public static final String MIME = "application/x-vecl";

    static final OptionType<String> JIT_MODE = new OptionType<>("off|trace|vec", s -> {
        if (!s.equals("off") && !s.equals("trace") && !s.equals("vec")) {
            throw new IllegalArgumentException("vecl.Jit must be off, trace or vec, not '" + s + "'");
        }
        return s;
    });

    @Option(help = "JIT mode: off (interpreter only), trace (tracing JIT), vec (tracing JIT with loop vectorization; the default).", category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "off|trace|vec") //
    public static final OptionKey<String> Jit = new OptionKey<>("vec", JIT_MODE);

    @Option(help = "Loop iterations before a loop is traced.", category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<int>") //
    public static final OptionKey<Integer> JitThreshold = new OptionKey<>(1000);

    @Option(help = "Write the JIT log (traces, optimisations, exits) to this file.", category = OptionCategory.USER, stability = OptionStability.STABLE, usageSyntax = "<path>") //
    public static final OptionKey<String> JitLog = new OptionKey<>("");

    @Option(help = "Print JIT statistics at exit.", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> JitStats = new OptionKey<>(false);

    @Option(help = "Allow the vectorizer to reassociate floating-point reductions (changes rounding).", category = OptionCategory.USER, stability = OptionStability.STABLE) //
    public static final OptionKey<Boolean> JitReassociate = new OptionKey<>(false);

    @Override
    protected OptionDescriptors getOptionDescriptors() {
        return new VeclLanguageOptionDescriptors();
    }

    @Override
    protected VeclContext createContext(Env env) {
        return new VeclContext(this, env);
    }

    @Override
    protected void initializeContext(VeclContext context) {
        context.initialize();
    }

    @Override
    protected void finalizeContext(VeclContext context) {
        context.out().flush();
    }

    @Override
    protected void disposeContext(VeclContext context) {
        dev.vecl.interp.Interpreter in = context.interpreter();
        if (in != null && in.hooks != null) {
            in.hooks.dispose();
        }
    }

    @Override
    protected CallTarget parse(ParsingRequest request) {
        Module module = Parser.parse(request.getSource());
        ModuleRootNode root = new ModuleRootNode(this, module);
        // compile now so that compile-time SyntaxErrors are reported by parse, like the parser's
        VeclContext ctx;
        try {
            ctx = VeclContext.get(null);
        } catch (IllegalStateException | AssertionError noContext) {
            ctx = null; // parsed outside a context: compiled at the first execution instead
        }
        if (ctx != null && ctx.userGlobals() != null) {
            root.precompile(ctx);
        }
        return root.getCallTarget();
    }

    @Override
    protected Object getScope(VeclContext context) {
        return new GlobalScope(context.userGlobals());
    }
}
