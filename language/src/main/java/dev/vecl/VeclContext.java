package dev.vecl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLanguage.ContextReference;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.source.Source;

import dev.vecl.ast.Module;
import dev.vecl.builtins.Builtins;
import dev.vecl.bytecode.Code;
import dev.vecl.bytecode.Compiler;
import dev.vecl.bytecode.Globals;
import dev.vecl.bytecode.Op;
import dev.vecl.interp.Interpreter;
import dev.vecl.interp.JitHooks;
import dev.vecl.interp.JitProvider;
import dev.vecl.parser.Parser;
import dev.vecl.runtime.VFunction;

/** Per-context state of VecL: the environment, buffered stdout, the prelude and user modules, the interpreter. */
public final class VeclContext {
    private static final ContextReference<VeclContext> REFERENCE = ContextReference.create(VeclLanguage.class);
    public static final String PRELUDE_RESOURCE = "/dev/vecl/prelude.vl";

    private final VeclLanguage language;
    private final TruffleLanguage.Env env;
    private final PrintStream out;
    private final Interpreter interpreter = new Interpreter();
    private Globals preludeGlobals;
    private Globals userGlobals;

    // option values
    public final String jitMode;
    public final int jitThreshold;
    public final String jitLog;
    public final boolean jitStats;
    public final boolean jitReassociate;

    public VeclContext(VeclLanguage language, TruffleLanguage.Env env) {
        this.language = language;
        this.env = env;
        this.out = new PrintStream(new OutBuffer(env.out()), false, StandardCharsets.UTF_8);
        this.jitMode = env.getOptions().get(VeclLanguage.Jit);
        this.jitThreshold = env.getOptions().get(VeclLanguage.JitThreshold);
        this.jitLog = env.getOptions().get(VeclLanguage.JitLog);
        this.jitStats = env.getOptions().get(VeclLanguage.JitStats);
        this.jitReassociate = env.getOptions().get(VeclLanguage.JitReassociate);
    }

    public static VeclContext get(Node node) {
        return REFERENCE.get(node);
    }

    public VeclLanguage language() {
        return language;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    /** The program's buffered stdout; flushed at the end of every eval and before an error propagates. */
    public PrintStream out() {
        return out;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    /** Globals of the user's module (shared by successive evals). */
    public Globals userGlobals() {
        return userGlobals;
    }

    public Globals preludeGlobals() {
        return preludeGlobals;
    }

    /** Loads the prelude, fills the user globals, resolves the array operators and the JIT. */
    void initialize() {
        preludeGlobals = new Globals("prelude");
        preludeGlobals.putAll(Builtins.preludeGlobals(this));
        Source prelude = loadPrelude();
        if (prelude != null) {
            Module m = Parser.parse(prelude);
            Code code = Compiler.compileModule(m, preludeGlobals, true, false);
            runModule(code);
        }
        userGlobals = new Globals("__main__");
        userGlobals.putAll(Builtins.userGlobals(this));
        for (Map.Entry<String, Object> e : preludeGlobals.bound().entrySet()) {
            if (!e.getKey().startsWith("_") && e.getValue() instanceof VFunction f && f.code.isPrelude) {
                userGlobals.put(e.getKey(), f);
            }
        }
        for (int op = 0; op < Op.COUNT; op++) {
            if (Op.OPNAME[op] != null && preludeGlobals.get("_op_" + Op.OPNAME[op]) instanceof VFunction f) {
                interpreter.setArrayOp(op, f);
            }
        }
        if (!"off".equals(jitMode)) {
            for (JitProvider p : ServiceLoader.load(JitProvider.class, VeclContext.class.getClassLoader())) {
                JitHooks hooks = p.create(this, interpreter);
                if (hooks != null) {
                    interpreter.hooks = hooks;
                    interpreter.threshold = Math.max(1, jitThreshold);
                    break;
                }
            }
        }
    }

    private Source loadPrelude() {
        try (InputStream in = VeclContext.class.getResourceAsStream(PRELUDE_RESOURCE)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Source.newBuilder(VeclLanguage.ID, text, "prelude.vl").internal(true).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the VecL prelude", e);
        }
    }

    /** Compiles a parsed user module against the user globals (module variables in registers where possible). */
    public Code compileUserModule(Module m) {
        return Compiler.compileModule(m, userGlobals, false, true);
    }

    /** Runs module code: its register-held variables are written back to the globals even when it fails. */
    public Object runModule(Code code) {
        Object[] regs = new Object[code.numRegs];
        try {
            return interpreter.executeFrame(code, regs, 0);
        } finally {
            int[] pairs = code.moduleRegisterVars;
            for (int i = 0; i < pairs.length; i += 2) {
                Object v = regs[pairs[i]];
                if (v != null) {
                    code.globals.values[pairs[i + 1]] = v;
                }
            }
            out.flush();
        }
    }

    /** An embedder calls a VecL function. */
    public Object callFromHost(VFunction f, Object[] args) {
        try {
            return interpreter.call(f, args, null);
        } finally {
            out.flush();
        }
    }

    /**
     * The stdout buffer; flushing it when nothing was written since the last flush does nothing
     * (an embedder's every call flushes: passing an empty flush down the polyglot streams cost
     * ~5% of a short call).
     */
    private static final class OutBuffer extends BufferedOutputStream {
        private boolean written;

        OutBuffer(java.io.OutputStream sink) {
            super(sink, 1 << 16);
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            written = true;
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            written = true;
            super.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws java.io.IOException {
            if (written) {
                written = false;
                super.flush();
            }
        }
    }
}
