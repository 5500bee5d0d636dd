package dev.vecl.interp;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.RootNode;
import com.oracle.truffle.api.source.SourceSection;

import dev.vecl.VeclContext;
import dev.vecl.VeclLanguage;
import dev.vecl.ast.Module;
import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Globals;

/**
 * The Truffle root of one evaluated source. It only crosses a boundary into the host-Java
 * interpreter: Graal never partially evaluates the interpreter, only traces get compiled.
 */
public final class ModuleRootNode extends RootNode {
    private final Module module;
    private Code code;
    private int compiledVersion = -1;

    public ModuleRootNode(VeclLanguage language, Module module) {
        super(language);
        this.module = module;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        return run();
    }

    @TruffleBoundary
    private Object run() {
        VeclContext ctx = VeclContext.get(this);
        Object result = ctx.runModule(code(ctx));
        return GlobalScope.toInterop(result);
    }

    public void precompile(VeclContext ctx) {
        code(ctx);
    }

    /** Compiled on first use and again if a function compiled since mentions one of its module variables. */
    private synchronized Code code(VeclContext ctx) {
        Globals g = ctx.userGlobals();
        // an engine shared by several contexts shares this node: code is bound to one context's globals
        if (code == null || code.globals != g || compiledVersion != g.functionNamesVersion()) {
            code = ctx.compileUserModule(module);
            compiledVersion = g.functionNamesVersion();
        }
        return code;
    }

    @Override
    public SourceSection getSourceSection() {
        return module.source().createSection(1);
    }

    @Override
    public String getName() {
        return "<module>";
    }

    @Override
    public boolean isInternal() {
        return module.source().isInternal();
    }
}
