package dev.vecl.bytecode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.oracle.truffle.api.source.Source;

import dev.vecl.ast.Expr;
import dev.vecl.ast.Module;
import dev.vecl.ast.Node;
import dev.vecl.ast.Stmt;
import dev.vecl.runtime.VBuiltin;
import dev.vecl.runtime.VFunction;
import dev.vecl.runtime.VNone;
import dev.vecl.runtime.VeclError;

/**
 * AST → register bytecode. Variables of a function live in registers 0..n-1 (parameters first),
 * temporaries above them. Module variables that no function mentions live in registers of the
 * module code too (loaded from the globals by the prologue, written back by whoever runs the
 * module); everything else is a global slot.
 *
 * <p>Definite assignment is tracked while compiling (assignment only ever adds bindings, so one
 * forward pass suffices): a variable read that is not provably bound gets a CHECKBOUND, after
 * which the variable counts as bound.
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * @param moduleRegisters keep module variables that no function mentions in registers
     */
    public static Code compileModule(Module module, Globals globals, boolean isPrelude, boolean moduleRegisters) {
        // names mentioned by this module's functions join those of earlier evals
        Set<String> mentioned = new LinkedHashSet<>();
        for (Stmt s : module.body()) {
            collectFunctionMentions(s, mentioned);
        }
        globals.addFunctionNames(mentioned);
        Set<String> regVars = new LinkedHashSet<>();
        if (moduleRegisters) {
            Set<String> assigned = new LinkedHashSet<>();
            for (Stmt s : module.body()) {
                collectAssigned(s, assigned::add, true);
            }
            // names only read here (builtins, variables of earlier evals) are cached in registers too:
            // nothing can rebind them while this code runs, since no function mentions them
            Set<String> read = new LinkedHashSet<>();
            for (Stmt s : module.body()) {
                walkModuleNames(s, read::add);
            }
            read.removeAll(assigned);
            read.remove("range"); // keeps `for i in range(...)` a counted loop
            for (String n : assigned) {
                if (!globals.isFunctionName(n)) {
                    regVars.add(n);
                }
            }
            for (String n : read) {
                if (!globals.isFunctionName(n)) {
                    regVars.add(n);
                }
            }
        }
        Unit u = new Unit(module.source(), globals, isPrelude, true, "<module>");
        for (String v : regVars) {
            int reg = u.declareVar(v);
            // a bound global never becomes unbound (VecL has no del): no check needed when reading it
            if (globals.get(v) != null) {
                u.da.bound.set(reg);
            }
        }
        u.moduleVarsDeclared();
        u.assignedRange = assignsRange(module.body());
        return u.compileModuleBody(module.body());
    }

    // ---- scope analysis ----

    private static void collectFunctionMentions(Stmt s, Set<String> out) {
        switch (s) {
            case Stmt.FunctionDef f -> out.addAll(freeNames(f));
            case Stmt.If i -> {
                i.body().forEach(b -> collectFunctionMentions(b, out));
                i.orelse().forEach(b -> collectFunctionMentions(b, out));
            }
            case Stmt.While w -> {
                w.body().forEach(b -> collectFunctionMentions(b, out));
                w.orelse().forEach(b -> collectFunctionMentions(b, out));
            }
            case Stmt.For f -> {
                f.body().forEach(b -> collectFunctionMentions(b, out));
                f.orelse().forEach(b -> collectFunctionMentions(b, out));
            }
            default -> {
            }
        }
    }

    /** Names a function body refers to as globals: declared global, or used and not local. */
    static Set<String> freeNames(Stmt.FunctionDef f) {
        Set<String> declared = new LinkedHashSet<>();
        f.body().forEach(s -> collectGlobals(s, declared));
        Set<String> locals = new LinkedHashSet<>(f.params());
        if (f.varargs() != null) {
            locals.add(f.varargs());
        }
        f.body().forEach(s -> collectAssigned(s, locals::add, false));
        locals.removeAll(declared);
        Set<String> used = new LinkedHashSet<>();
        f.body().forEach(s -> walkNames(s, used::add));
        used.removeAll(locals);
        used.addAll(declared);
        return used;
    }

    /** Names a module-level statement uses, not descending into function bodies (defaults included). */
    private static void walkModuleNames(Stmt s, Consumer<String> out) {
        switch (s) {
            case Stmt.FunctionDef f -> {
                out.accept(f.name());
                f.defaults().forEach(d -> walkNames(d, out));
            }
            case Stmt.If i -> {
                walkNames(i.test(), out);
                i.body().forEach(b -> walkModuleNames(b, out));
                i.orelse().forEach(b -> walkModuleNames(b, out));
            }
            case Stmt.While w -> {
                walkNames(w.test(), out);
                w.body().forEach(b -> walkModuleNames(b, out));
                w.orelse().forEach(b -> walkModuleNames(b, out));
            }
            case Stmt.For f -> {
                out.accept(f.target().id());
                walkNames(f.iter(), out);
                f.body().forEach(b -> walkModuleNames(b, out));
                f.orelse().forEach(b -> walkModuleNames(b, out));
            }
            default -> walkNames(s, out);
        }
    }

    /** Every name a statement reads, writes or declares. */
    private static void walkNames(Stmt s, Consumer<String> out) {
        switch (s) {
            case Stmt.ExprStmt e -> walkNames(e.value(), out);
            case Stmt.Assign a -> {
                a.targets().forEach(t -> walkNames(t, out));
                walkNames(a.value(), out);
            }
            case Stmt.AugAssign a -> {
                walkNames(a.target(), out);
                walkNames(a.value(), out);
            }
            case Stmt.If i -> {
                walkNames(i.test(), out);
                i.body().forEach(b -> walkNames(b, out));
                i.orelse().forEach(b -> walkNames(b, out));
            }
            case Stmt.While w -> {
                walkNames(w.test(), out);
                w.body().forEach(b -> walkNames(b, out));
                w.orelse().forEach(b -> walkNames(b, out));
            }
            case Stmt.For f -> {
                out.accept(f.target().id());
                walkNames(f.iter(), out);
                f.body().forEach(b -> walkNames(b, out));
                f.orelse().forEach(b -> walkNames(b, out));
            }
            case Stmt.FunctionDef f -> {
                out.accept(f.name());
                f.body().forEach(b -> walkNames(b, out));
            }
            case Stmt.Return r -> walkNames(r.value(), out);
            case Stmt.Global g -> g.names().forEach(out);
            case Stmt.Assert a -> {
                walkNames(a.test(), out);
                walkNames(a.msg(), out);
            }
            case Stmt.Pass p -> {
            }
            case Stmt.Break b -> {
            }
            case Stmt.Continue c -> {
            }
        }
    }

    private static void walkNames(Expr e, Consumer<String> out) {
        if (e == null) {
            return;
        }
        switch (e) {
            case Expr.Name n -> out.accept(n.id());
            case Expr.Const c -> {
            }
            case Expr.ListExpr l -> l.elts().forEach(x -> walkNames(x, out));
            case Expr.TupleExpr l -> l.elts().forEach(x -> walkNames(x, out));
            case Expr.BinOp b -> {
                walkNames(b.left(), out);
                walkNames(b.right(), out);
            }
            case Expr.UnaryOp u -> walkNames(u.operand(), out);
            case Expr.BoolOp b -> {
                walkNames(b.left(), out);
                walkNames(b.right(), out);
            }
            case Expr.Compare c -> {
                walkNames(c.left(), out);
                c.comparators().forEach(x -> walkNames(x, out));
            }
            case Expr.IfExp i -> {
                walkNames(i.test(), out);
                walkNames(i.body(), out);
                walkNames(i.orelse(), out);
            }
            case Expr.Call c -> {
                walkNames(c.func(), out);
                c.args().forEach(x -> walkNames(x, out));
                c.kwValues().forEach(x -> walkNames(x, out));
            }
            case Expr.Attribute a -> walkNames(a.value(), out);
            case Expr.Subscript s -> {
                walkNames(s.value(), out);
                walkNames(s.index(), out);
            }
            case Expr.Slice s -> {
                walkNames(s.lower(), out);
                walkNames(s.upper(), out);
                walkNames(s.step(), out);
            }
        }
    }

    /** Names bound by assignment in a statement list (not descending into function bodies). */
    private static void collectAssigned(Stmt s, Consumer<String> out, boolean module) {
        switch (s) {
            case Stmt.Assign a -> a.targets().forEach(t -> assignedTargets(t, out));
            case Stmt.AugAssign a -> assignedTargets(a.target(), out);
            case Stmt.For f -> {
                out.accept(f.target().id());
                f.body().forEach(b -> collectAssigned(b, out, module));
                f.orelse().forEach(b -> collectAssigned(b, out, module));
            }
            case Stmt.While w -> {
                w.body().forEach(b -> collectAssigned(b, out, module));
                w.orelse().forEach(b -> collectAssigned(b, out, module));
            }
            case Stmt.If i -> {
                i.body().forEach(b -> collectAssigned(b, out, module));
                i.orelse().forEach(b -> collectAssigned(b, out, module));
            }
            case Stmt.FunctionDef f -> out.accept(f.name());
            default -> {
            }
        }
    }

    private static void assignedTargets(Expr t, Consumer<String> out) {
        if (t instanceof Expr.Name n) {
            out.accept(n.id());
        } else if (t instanceof Expr.TupleExpr tu) {
            tu.elts().forEach(x -> assignedTargets(x, out));
        }
    }

    private static void collectGlobals(Stmt s, Set<String> out) {
        switch (s) {
            case Stmt.Global g -> out.addAll(g.names());
            case Stmt.For f -> {
                f.body().forEach(b -> collectGlobals(b, out));
                f.orelse().forEach(b -> collectGlobals(b, out));
            }
            case Stmt.While w -> {
                w.body().forEach(b -> collectGlobals(b, out));
                w.orelse().forEach(b -> collectGlobals(b, out));
            }
            case Stmt.If i -> {
                i.body().forEach(b -> collectGlobals(b, out));
                i.orelse().forEach(b -> collectGlobals(b, out));
            }
            default -> {
            }
        }
    }

    // ---- one code unit ----

    /** Definite-assignment state: the variable registers that are surely bound here. */
    private static final class DA {
        final BitSet bound;
        boolean unreachable;

        DA(BitSet bound, boolean unreachable) {
            this.bound = bound;
            this.unreachable = unreachable;
        }

        DA copy() {
            return new DA((BitSet) bound.clone(), unreachable);
        }

        /** Merge of two control-flow paths. */
        static DA merge(DA a, DA b) {
            if (a.unreachable) {
                return b.copy();
            }
            if (b.unreachable) {
                return a.copy();
            }
            BitSet s = (BitSet) a.bound.clone();
            s.and(b.bound);
            return new DA(s, false);
        }
    }

    private static final class LoopCtx {
        final int header;
        final List<Integer> breakPatches = new ArrayList<>();
        final List<DA> breakStates = new ArrayList<>();

        LoopCtx(int header) {
            this.header = header;
        }
    }

    private static final class Unit {
        final Source source;
        final Globals globals;
        final boolean isPrelude;
        final boolean isModule;
        final String name;

        int[] code = new int[256];
        int[] lines = new int[256];
        int[] cols = new int[256];
        int len;
        int curLine = 1;
        int curCol = 1;

        final List<Object> consts = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final Map<String, Integer> vars = new LinkedHashMap<>();
        final Set<String> declaredGlobal = new LinkedHashSet<>();
        final List<String> regNames = new ArrayList<>();
        int numVars;
        int nextReg;
        int maxReg;
        DA da = new DA(new BitSet(), false);
        final ArrayList<LoopCtx> loops = new ArrayList<>();
        final List<Integer> loopHeaders = new ArrayList<>();

        Unit(Source source, Globals globals, boolean isPrelude, boolean isModule, String name) {
            this.source = source;
            this.globals = globals;
            this.isPrelude = isPrelude;
            this.isModule = isModule;
            this.name = name;
        }

        VeclError error(Node n, String msg) {
            return VeclError.syntax(msg).locate(source, n.line(), n.col());
        }

        int declareVar(String n) {
            Integer r = vars.get(n);
            if (r != null) {
                return r;
            }
            int reg = vars.size();
            vars.put(n, reg);
            regNames.add(n);
            return reg;
        }

        void moduleVarsDeclared() {
            numVars = vars.size();
            nextReg = numVars;
            maxReg = numVars;
        }

        // ---- emission ----

        void at(Node n) {
            curLine = n.line();
            curCol = n.col();
        }

        void word(int w) {
            if (len == code.length) {
                code = Arrays.copyOf(code, len * 2);
                lines = Arrays.copyOf(lines, len * 2);
                cols = Arrays.copyOf(cols, len * 2);
            }
            code[len] = w;
            lines[len] = curLine;
            cols[len] = curCol;
            len++;
        }

        void emit(int op, int... operands) {
            assert operands.length == Op.OPERANDS[op].length() : Op.NAMES[op];
            word(op);
            for (int o : operands) {
                word(o);
            }
        }

        /** Emits a jump-carrying instruction whose last operand is the target; returns the operand's index. */
        int emitJump(int op, int... operandsWithoutTarget) {
            emit(op, append(operandsWithoutTarget, -1));
            return len - 1;
        }

        static int[] append(int[] a, int x) {
            int[] r = Arrays.copyOf(a, a.length + 1);
            r[a.length] = x;
            return r;
        }

        void patch(int at, int target) {
            code[at] = target;
        }

        void patchHere(List<Integer> list) {
            for (int at : list) {
                code[at] = len;
            }
            list.clear();
        }

        int constIndex(Object v) {
            for (int i = 0; i < consts.size(); i++) {
                Object c = consts.get(i);
                if (c.getClass() == v.getClass()) {
                    if (v instanceof Double d ? Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits((Double) c)
                                    : v instanceof String[] sa ? Arrays.equals(sa, (String[]) c) : (!(v instanceof Code) && c.equals(v))) {
                        return i;
                    }
                }
            }
            consts.add(v);
            return consts.size() - 1;
        }

        int nameIndex(String n) {
            int i = names.indexOf(n);
            if (i >= 0) {
                return i;
            }
            names.add(n);
            return names.size() - 1;
        }

        int temp() {
            int r = nextReg++;
            if (nextReg > maxReg) {
                maxReg = nextReg;
            }
            return r;
        }

        int temps(int n) {
            int r = nextReg;
            nextReg += n;
            if (nextReg > maxReg) {
                maxReg = nextReg;
            }
            return r;
        }

        // ---- whole units ----

        Code compileModuleBody(List<Stmt> body) {
            curLine = 1;
            curCol = 1;
            int[] pairs = new int[numVars * 2];
            int i = 0;
            for (Map.Entry<String, Integer> e : vars.entrySet()) {
                int slot = globals.slot(e.getKey());
                emit(Op.LOADGLOBAL, e.getValue(), slot);
                pairs[i++] = e.getValue();
                pairs[i++] = slot;
            }
            int result = -1;
            for (int k = 0; k < body.size(); k++) {
                Stmt s = body.get(k);
                if (k == body.size() - 1 && s instanceof Stmt.ExprStmt es) {
                    result = temp();
                    at(es);
                    gen(es.value(), result);
                } else {
                    stmt(s);
                }
            }
            if (result < 0) {
                result = temp();
                emit(Op.CONST, result, constIndex(VNone.NONE));
            }
            emit(Op.RETURN, result);
            return finish(0, new String[0], -1, pairs);
        }

        Code compileFunction(Stmt.FunctionDef f) {
            Set<String> globalsDeclared = new LinkedHashSet<>();
            f.body().forEach(s -> collectGlobals(s, globalsDeclared));
            for (String p : f.params()) {
                if (globalsDeclared.contains(p)) {
                    throw error(f, "name '" + p + "' is parameter and global");
                }
                declareVar(p);
            }
            int varargsReg = -1;
            if (f.varargs() != null) {
                varargsReg = declareVar(f.varargs());
            }
            declaredGlobal.addAll(globalsDeclared);
            Set<String> assigned = new LinkedHashSet<>();
            f.body().forEach(s -> collectAssigned(s, assigned::add, false));
            for (String n : assigned) {
                if (!globalsDeclared.contains(n)) {
                    declareVar(n);
                }
            }
            moduleVarsDeclared();
            for (int p = 0; p < f.params().size(); p++) {
                da.bound.set(p);
            }
            if (varargsReg >= 0) {
                da.bound.set(varargsReg);
            }
            for (Stmt s : f.body()) {
                stmt(s);
            }
            if (!da.unreachable || len == 0) {
                int t = temp();
                emit(Op.CONST, t, constIndex(VNone.NONE));
                emit(Op.RETURN, t);
            }
            return finish(f.params().size(), f.params().toArray(new String[0]), varargsReg, new int[0]);
        }

        Code finish(int numParams, String[] paramNames, int varargsReg, int[] moduleRegisterVars) {
            String[] rn = new String[Math.max(maxReg, 1)];
            for (int i = 0; i < regNames.size(); i++) {
                rn[i] = regNames.get(i);
            }
            int[] headers = loopHeaders.stream().mapToInt(Integer::intValue).toArray();
            return new Code(name, Arrays.copyOf(code, len), consts.toArray(), names.toArray(new String[0]), Math.max(maxReg, 1), numParams,
                            paramNames, varargsReg, rn, Arrays.copyOf(lines, len), Arrays.copyOf(cols, len), source, isPrelude, isModule, globals,
                            headers, moduleRegisterVars);
        }

        // ---- statements ----

        void block(List<Stmt> body) {
            for (Stmt s : body) {
                stmt(s);
            }
        }

        void stmt(Stmt s) {
            int mark = nextReg;
            at(s);
            switch (s) {
                case Stmt.ExprStmt e -> any(e.value());
                case Stmt.Assign a -> assign(a);
                case Stmt.AugAssign a -> augAssign(a);
                case Stmt.If i -> ifStmt(i);
                case Stmt.While w -> whileStmt(w);
                case Stmt.For f -> forStmt(f);
                case Stmt.Pass p -> {
                }
                case Stmt.Break b -> {
                    LoopCtx l = loops.get(loops.size() - 1);
                    l.breakStates.add(da.copy());
                    l.breakPatches.add(emitJump(Op.JUMP));
                    da.unreachable = true;
                }
                case Stmt.Continue c -> {
                    LoopCtx l = loops.get(loops.size() - 1);
                    emit(Op.JUMP, l.header);
                    da.unreachable = true;
                }
                case Stmt.FunctionDef f -> functionDef(f);
                case Stmt.Return r -> {
                    int v;
                    if (r.value() == null) {
                        v = temp();
                        emit(Op.CONST, v, constIndex(VNone.NONE));
                    } else {
                        v = any(r.value());
                    }
                    at(r);
                    emit(Op.RETURN, v);
                    da.unreachable = true;
                }
                case Stmt.Global g -> {
                    // resolved by the scope analysis; nothing to execute
                }
                case Stmt.Assert a -> {
                    List<Integer> ok = new ArrayList<>();
                    jumpIfTrue(a.test(), ok, a);
                    DA saved = da.copy();
                    int m = a.msg() == null ? -1 : any(a.msg());
                    at(a);
                    emit(Op.ASSERTFAIL, m);
                    da = saved;
                    patchHere(ok);
                }
            }
            nextReg = mark;
        }

        void functionDef(Stmt.FunctionDef f) {
            Unit fu = new Unit(source, globals, isPrelude, false, f.name());
            fu.assignedRange = assignedRange;
            Code fc = fu.compileFunction(f);
            int nd = f.defaults().size();
            int start = temps(nd);
            for (int i = 0; i < nd; i++) {
                gen(f.defaults().get(i), start + i);
            }
            at(f);
            Integer reg = vars.get(f.name());
            if (reg != null) {
                emit(Op.MAKEFUNC, reg, constIndex(fc), start, nd);
                da.bound.set(reg);
            } else {
                int t = temp();
                emit(Op.MAKEFUNC, t, constIndex(fc), start, nd);
                emit(Op.SETGLOBAL, globals.slot(f.name()), t);
            }
        }

        static boolean needsTemp(Expr e) {
            return e instanceof Expr.BoolOp || e instanceof Expr.IfExp || (e instanceof Expr.Compare c && c.ops().size() > 1);
        }

        void assign(Stmt.Assign a) {
            boolean tuple = a.targets().stream().anyMatch(t -> t instanceof Expr.TupleExpr);
            if (tuple) {
                if (!(a.value() instanceof Expr.TupleExpr vt)) {
                    throw error(a.value(), "VecL has no tuples: unpacking needs a tuple of values on the right-hand side");
                }
                int n = vt.elts().size();
                int start = temps(n);
                for (int i = 0; i < n; i++) {
                    gen(vt.elts().get(i), start + i);
                }
                for (Expr t : a.targets()) {
                    if (!(t instanceof Expr.TupleExpr tt)) {
                        throw error(a.value(), "tuples are not supported in VecL");
                    }
                    if (tt.elts().size() != n) {
                        throw error(a.value(), (tt.elts().size() < n ? "too many values to unpack (expected " : "not enough values to unpack (expected ")
                                        + tt.elts().size() + ", got " + n + ")");
                    }
                    for (int i = 0; i < n; i++) {
                        assignTo(tt.elts().get(i), start + i);
                    }
                }
                return;
            }
            if (a.value() instanceof Expr.TupleExpr vt) {
                throw error(vt, "tuples are not supported in VecL");
            }
            if (a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n && vars.containsKey(n.id()) && !needsTemp(a.value())) {
                int reg = vars.get(n.id());
                gen(a.value(), reg);
                da.bound.set(reg);
                return;
            }
            int v = any(a.value());
            for (Expr t : a.targets()) {
                assignTo(t, v);
            }
        }

        void assignTo(Expr target, int v) {
            int mark = nextReg;
            switch (target) {
                case Expr.Name n -> {
                    Integer reg = vars.get(n.id());
                    if (reg != null) {
                        if (reg != v) {
                            at(n);
                            emit(Op.MOVE, reg, v);
                        }
                        da.bound.set(reg);
                    } else {
                        at(n);
                        emit(Op.SETGLOBAL, globals.slot(n.id()), v);
                    }
                }
                case Expr.Subscript s -> {
                    int obj = any(s.value());
                    if (s.index() instanceof Expr.Slice sl) {
                        int parts = sliceParts(sl);
                        at(s);
                        emit(Op.SETSLICE, obj, parts, parts + 1, parts + 2, v);
                    } else {
                        int idx = any(s.index());
                        at(s);
                        emit(Op.SETITEM, obj, idx, v);
                    }
                }
                default -> throw error(target, "cannot assign to expression");
            }
            nextReg = mark;
        }

        /** Evaluates start/stop/step (None when absent) into three consecutive registers. */
        int sliceParts(Expr.Slice sl) {
            int start = temps(3);
            Expr[] parts = {sl.lower(), sl.upper(), sl.step()};
            for (int i = 0; i < 3; i++) {
                if (parts[i] == null) {
                    emit(Op.CONST, start + i, constIndex(VNone.NONE));
                } else {
                    gen(parts[i], start + i);
                }
            }
            return start;
        }

        static int binaryOp(String op) {
            return switch (op) {
                case "+" -> Op.ADD;
                case "-" -> Op.SUB;
                case "*" -> Op.MUL;
                case "/" -> Op.TRUEDIV;
                case "//" -> Op.FLOORDIV;
                case "%" -> Op.MOD;
                case "**" -> Op.POW;
                case "&" -> Op.AND;
                case "|" -> Op.OR;
                case "^" -> Op.XOR;
                case "<<" -> Op.LSHIFT;
                case ">>" -> Op.RSHIFT;
                default -> throw new IllegalArgumentException(op);
            };
        }

        static int compareOp(String op) {
            return switch (op) {
                case "<" -> Op.LT;
                case "<=" -> Op.LE;
                case ">" -> Op.GT;
                case ">=" -> Op.GE;
                case "==" -> Op.EQ;
                case "!=" -> Op.NE;
                case "in" -> Op.IN;
                case "not in" -> Op.NOTIN;
                case "is" -> Op.IS;
                case "is not" -> Op.ISNOT;
                default -> throw new IllegalArgumentException(op);
            };
        }

        void augAssign(Stmt.AugAssign a) {
            int op = binaryOp(a.op()) - Op.ADD + Op.IADD;
            switch (a.target()) {
                case Expr.Name n -> {
                    Integer reg = vars.get(n.id());
                    if (reg != null) {
                        checkBound(n, reg);
                        int v = any(a.value());
                        at(a);
                        emit(op, reg, reg, v);
                    } else {
                        int t = temp();
                        at(n);
                        emit(Op.GETGLOBAL, t, globals.slot(n.id()));
                        int v = any(a.value());
                        at(a);
                        emit(op, t, t, v);
                        emit(Op.SETGLOBAL, globals.slot(n.id()), t);
                    }
                }
                case Expr.Subscript s -> {
                    int obj = any(s.value());
                    int t = temp();
                    if (s.index() instanceof Expr.Slice sl) {
                        int parts = sliceParts(sl);
                        at(s);
                        emit(Op.GETSLICE, t, obj, parts, parts + 1, parts + 2);
                        int v = any(a.value());
                        at(a);
                        emit(op, t, t, v);
                        at(s);
                        emit(Op.SETSLICE, obj, parts, parts + 1, parts + 2, t);
                    } else {
                        int idx = any(s.index());
                        at(s);
                        emit(Op.GETITEM, t, obj, idx);
                        int v = any(a.value());
                        at(a);
                        emit(op, t, t, v);
                        at(s);
                        emit(Op.SETITEM, obj, idx, t);
                    }
                }
                default -> throw error(a.target(), "illegal expression for augmented assignment");
            }
        }

        void ifStmt(Stmt.If i) {
            List<Integer> falses = new ArrayList<>();
            jumpIfFalse(i.test(), falses, i);
            DA afterTest = da.copy();
            block(i.body());
            if (i.orelse().isEmpty()) {
                patchHere(falses);
                da = DA.merge(da, afterTest);
            } else {
                DA afterBody = da;
                int end = emitJump(Op.JUMP);
                patchHere(falses);
                da = afterTest;
                block(i.orelse());
                patch(end, len);
                da = DA.merge(da, afterBody);
            }
        }

        static boolean isConstTrue(Expr e) {
            return e instanceof Expr.Const c && (Boolean.TRUE.equals(c.value()) || (c.value() instanceof Long l && l != 0));
        }

        int newLoopHeader(Node n) {
            int idx = loopHeaders.size();
            loopHeaders.add(len);
            at(n);
            emit(Op.LOOP, idx);
            return idx;
        }

        DA finishLoop(LoopCtx l, DA normalExit, List<Stmt> orelse) {
            da = normalExit;
            block(orelse);
            DA out = da;
            for (DA b : l.breakStates) {
                out = DA.merge(out, b);
            }
            patchHere(l.breakPatches);
            return out;
        }

        void whileStmt(Stmt.While w) {
            int header = len;
            newLoopHeader(w);
            List<Integer> falses = new ArrayList<>();
            boolean infinite = isConstTrue(w.test());
            if (!infinite) {
                jumpIfFalse(w.test(), falses, w);
            }
            DA afterTest = da.copy();
            LoopCtx l = new LoopCtx(header);
            loops.add(l);
            block(w.body());
            at(w);
            emit(Op.JUMP, header);
            loops.remove(loops.size() - 1);
            patchHere(falses);
            // the exit is reached only through the test, which every iteration evaluates
            DA normalExit = infinite ? new DA(new BitSet(), true) : afterTest;
            da = finishLoop(l, normalExit, w.orelse());
        }

        boolean isRangeCall(Expr e) {
            if (e instanceof Expr.Call c && c.func() instanceof Expr.Name n && n.id().equals("range") && c.kwNames().isEmpty()
                            && c.args().size() >= 1 && c.args().size() <= 3) {
                // only the builtin: not shadowed by a local or a module variable of this unit
                return !vars.containsKey("range") && !assignedRange && !rangeShadowedInGlobals(globals);
            }
            return false;
        }

        boolean assignedRange;

        void forStmt(Stmt.For f) {
            int mark = nextReg;
            Expr.Name target = f.target();
            Integer varReg = vars.get(target.id());
            DA entry;
            int header;
            int exitPatch;
            if (isRangeCall(f.iter())) {
                Expr.Call call = (Expr.Call) f.iter();
                List<Expr> args = call.args();
                int cur = temp();
                int stop = temp();
                int step = temp();
                if (args.size() == 1) {
                    gen(args.get(0), stop);
                    at(call);
                    emit(Op.CONST, cur, constIndex(0L));
                } else {
                    gen(args.get(0), cur);
                    gen(args.get(1), stop);
                }
                if (args.size() == 3) {
                    gen(args.get(2), step);
                } else {
                    at(call);
                    emit(Op.CONST, step, constIndex(1L));
                }
                at(call);
                emit(Op.RANGEPREP, cur, stop, step);
                entry = da.copy();
                header = len;
                newLoopHeader(f);
                at(target);
                int dst = varReg != null ? varReg : temp();
                exitPatch = emitJump(Op.FORRANGE, dst, cur, stop, step);
                storeLoopVar(target, varReg, dst);
            } else {
                int seq = temp();
                int idx = temp();
                gen(f.iter(), seq);
                at(f); // CPython 3.11 marks the whole for statement when the object is not iterable
                emit(Op.ITERPREP, seq, idx);
                entry = da.copy();
                header = len;
                newLoopHeader(f);
                at(target);
                int dst = varReg != null ? varReg : temp();
                exitPatch = emitJump(Op.FORITER, dst, seq, idx);
                storeLoopVar(target, varReg, dst);
            }
            LoopCtx l = new LoopCtx(header);
            loops.add(l);
            block(f.body());
            at(f);
            emit(Op.JUMP, header);
            loops.remove(loops.size() - 1);
            patch(exitPatch, len);
            da = finishLoop(l, entry, f.orelse());
            nextReg = mark;
        }

        void storeLoopVar(Expr.Name target, Integer varReg, int dst) {
            if (varReg != null) {
                da.bound.set(varReg);
            } else {
                emit(Op.SETGLOBAL, globals.slot(target.id()), dst);
            }
        }

        // ---- conditions ----

        void jumpIfFalse(Expr e, List<Integer> falses) {
            jumpIfFalse(e, falses, null);
        }

        void jumpIfTrue(Expr e, List<Integer> trues) {
            jumpIfTrue(e, trues, null);
        }

        /**
         * Branches on e's truth. A failing truth test (an array's ambiguous truth value) is
         * reported at {@code truthAt} when given: CPython 3.11 marks the whole if/elif/while/assert
         * statement or conditional expression, not the condition.
         */
        void jumpIfFalse(Expr e, List<Integer> falses, Node truthAt) {
            switch (e) {
                case Expr.BoolOp b when b.op().equals("and") -> {
                    jumpIfFalse(b.left(), falses, truthAt);
                    DA saved = da.copy();
                    jumpIfFalse(b.right(), falses, truthAt);
                    da = saved;
                }
                case Expr.BoolOp b -> {
                    List<Integer> trues = new ArrayList<>();
                    jumpIfTrue(b.left(), trues, truthAt);
                    DA saved = da.copy();
                    jumpIfFalse(b.right(), falses, truthAt);
                    da = saved;
                    patchHere(trues);
                }
                case Expr.UnaryOp u when u.op().equals("not") -> jumpIfTrue(u.operand(), falses, truthAt != null ? truthAt : u);
                default -> {
                    int mark = nextReg;
                    int r = any(e);
                    at(truthAt != null ? truthAt : e);
                    falses.add(emitJump(Op.JUMPIFFALSE, r));
                    nextReg = mark;
                }
            }
        }

        void jumpIfTrue(Expr e, List<Integer> trues, Node truthAt) {
            switch (e) {
                case Expr.BoolOp b when b.op().equals("or") -> {
                    jumpIfTrue(b.left(), trues, truthAt);
                    DA saved = da.copy();
                    jumpIfTrue(b.right(), trues, truthAt);
                    da = saved;
                }
                case Expr.BoolOp b -> {
                    List<Integer> falses = new ArrayList<>();
                    jumpIfFalse(b.left(), falses, truthAt);
                    DA saved = da.copy();
                    jumpIfTrue(b.right(), trues, truthAt);
                    da = saved;
                    patchHere(falses);
                }
                case Expr.UnaryOp u when u.op().equals("not") -> jumpIfFalse(u.operand(), trues, truthAt != null ? truthAt : u);
                default -> {
                    int mark = nextReg;
                    int r = any(e);
                    at(truthAt != null ? truthAt : e);
                    trues.add(emitJump(Op.JUMPIFTRUE, r));
                    nextReg = mark;
                }
            }
        }

        // ---- expressions ----

        void checkBound(Expr.Name n, int reg) {
            if (!da.bound.get(reg) && !da.unreachable) {
                at(n);
                emit(Op.CHECKBOUND, reg, nameIndex(n.id()), isModule ? 1 : 0);
                da.bound.set(reg);
            }
        }

        /** A register holding e's value: the variable's own register for a variable, else a new temporary. */
        int any(Expr e) {
            if (e instanceof Expr.Name n) {
                Integer reg = vars.get(n.id());
                if (reg != null) {
                    checkBound(n, reg);
                    return reg;
                }
            }
            int t = temp();
            gen(e, t);
            return t;
        }

        /** Evaluates e into register dst. */
        void gen(Expr e, int dst) {
            int mark = nextReg;
            switch (e) {
                case Expr.Const c -> {
                    at(c);
                    emit(Op.CONST, dst, constIndex(c.value()));
                }
                case Expr.Name n -> {
                    Integer reg = vars.get(n.id());
                    if (reg != null) {
                        checkBound(n, reg);
                        if (reg != dst) {
                            at(n);
                            emit(Op.MOVE, dst, reg);
                        }
                    } else {
                        at(n);
                        emit(Op.GETGLOBAL, dst, globals.slot(n.id()));
                    }
                }
                case Expr.ListExpr l -> {
                    int n = l.elts().size();
                    int start = temps(n);
                    for (int i = 0; i < n; i++) {
                        gen(l.elts().get(i), start + i);
                    }
                    at(l);
                    emit(Op.MAKELIST, dst, start, n);
                }
                case Expr.TupleExpr t -> throw error(t, "tuples are not supported in VecL");
                case Expr.BinOp b -> {
                    int x = any(b.left());
                    int y = any(b.right());
                    at(b);
                    emit(binaryOp(b.op()), dst, x, y);
                }
                case Expr.UnaryOp u -> unary(u, dst);
                case Expr.BoolOp b -> {
                    gen(b.left(), dst);
                    at(b);
                    int j = emitJump(b.op().equals("and") ? Op.JUMPIFFALSE : Op.JUMPIFTRUE, dst);
                    DA saved = da.copy();
                    gen(b.right(), dst);
                    da = saved;
                    patch(j, len);
                }
                case Expr.Compare c -> compare(c, dst);
                case Expr.IfExp i -> {
                    List<Integer> falses = new ArrayList<>();
                    jumpIfFalse(i.test(), falses, i);
                    DA saved = da.copy();
                    gen(i.body(), dst);
                    int end = emitJump(Op.JUMP);
                    da = saved.copy();
                    patchHere(falses);
                    gen(i.orelse(), dst);
                    patch(end, len);
                    da = saved;
                }
                case Expr.Call c -> call(c, dst);
                case Expr.Attribute a -> {
                    int obj = any(a.value());
                    at(a);
                    emit(Op.GETATTR, dst, obj, nameIndex(a.attr()));
                }
                case Expr.Subscript s -> {
                    int obj = any(s.value());
                    if (s.index() instanceof Expr.Slice sl) {
                        int parts = sliceParts(sl);
                        at(s);
                        emit(Op.GETSLICE, dst, obj, parts, parts + 1, parts + 2);
                    } else {
                        int idx = any(s.index());
                        at(s);
                        emit(Op.GETITEM, dst, obj, idx);
                    }
                }
                case Expr.Slice s -> throw error(s, "invalid syntax");
            }
            nextReg = mark;
        }

        void unary(Expr.UnaryOp u, int dst) {
            if (u.op().equals("-") && u.operand() instanceof Expr.Const c) {
                if (c.value() instanceof Long l) {
                    at(u);
                    emit(Op.CONST, dst, constIndex(-l));
                    return;
                }
                if (c.value() instanceof Double d) {
                    at(u);
                    emit(Op.CONST, dst, constIndex(-d));
                    return;
                }
            }
            int x = any(u.operand());
            at(u);
            int op = switch (u.op()) {
                case "-" -> Op.NEG;
                case "+" -> Op.POS;
                case "~" -> Op.INVERT;
                default -> Op.NOT;
            };
            emit(op, dst, x);
        }

        void compare(Expr.Compare c, int dst) {
            int left = any(c.left());
            if (c.ops().size() == 1) {
                int right = any(c.comparators().get(0));
                at(c);
                emit(compareOp(c.ops().get(0)), dst, left, right);
                return;
            }
            // a < b < c: b is evaluated once; the result is the first false comparison (or the last)
            List<Integer> ends = new ArrayList<>();
            DA saved = null;
            for (int i = 0; i < c.ops().size(); i++) {
                int right = any(c.comparators().get(i));
                at(c);
                emit(compareOp(c.ops().get(i)), dst, left, right);
                if (i < c.ops().size() - 1) {
                    ends.add(emitJump(Op.JUMPIFFALSE, dst));
                    if (saved == null) {
                        saved = da.copy();
                    }
                }
                left = right;
            }
            patchHere(ends);
            if (saved != null) {
                da = saved;
            }
        }

        void call(Expr.Call c, int dst) {
            if (c.func() instanceof Expr.Attribute a) {
                if (!c.kwNames().isEmpty()) {
                    throw error(c, "keyword arguments are not supported in method calls in VecL");
                }
                int recv = any(a.value());
                int n = c.args().size();
                int start = temps(n);
                for (int i = 0; i < n; i++) {
                    gen(c.args().get(i), start + i);
                }
                at(c);
                emit(Op.CALLMETHOD, dst, recv, nameIndex(a.attr()), start, n);
                return;
            }
            int fn = any(c.func());
            int np = c.args().size();
            int nk = c.kwNames().size();
            int start = temps(np + nk);
            for (int i = 0; i < np; i++) {
                gen(c.args().get(i), start + i);
            }
            for (int i = 0; i < nk; i++) {
                gen(c.kwValues().get(i), start + np + i);
            }
            int kw = nk == 0 ? -1 : constIndex(c.kwNames().toArray(new String[0]));
            at(c);
            emit(Op.CALL, dst, fn, start, np + nk, kw);
        }
    }

    /** A REPL may have rebound range in an earlier eval. */
    static boolean rangeShadowedInGlobals(Globals g) {
        Object cur = g.get("range");
        if (cur == null || cur instanceof VBuiltin) {
            return false;
        }
        return !(cur instanceof VFunction f && f.code.isPrelude);
    }

    /** Used by {@link Unit#isRangeCall}: whether a module assigns the name range itself. */
    static boolean assignsRange(List<Stmt> body) {
        Set<String> s = new LinkedHashSet<>();
        body.forEach(st -> collectAssigned(st, s::add, true));
        return s.contains("range");
    }

}
