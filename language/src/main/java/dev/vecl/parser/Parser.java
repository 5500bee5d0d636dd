package dev.vecl.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.oracle.truffle.api.source.Source;

import dev.vecl.ast.Expr;
import dev.vecl.ast.Module;
import dev.vecl.ast.Stmt;
import dev.vecl.parser.Token.Kind;
import dev.vecl.runtime.VNone;
import dev.vecl.runtime.VeclError;

/** Recursive-descent parser for VecL (Python's grammar, restricted as VECL.md says). */
public final class Parser {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break",
                    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
                    "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");
    private static final Set<String> AUG_OPS = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", "<<=", ">>=");

    private final Source source;
    private final List<Token> toks;
    private int p;
    /** The furthest token the parser has looked at: CPython's lazy tokenizer only reaches what its parser asked for. */
    private int furthest;
    private boolean inFunction;
    private int loopDepth;

    private Parser(Source source, List<Token> toks) {
        this.source = source;
        this.toks = toks;
    }

    public static Module parse(Source source) {
        return parse(source, source.getCharacters().toString());
    }

    public static Module parse(Source source, String text) {
        Parser parser = new Parser(source, Lexer.tokenize(source, text));
        try {
            return new Module(source, parser.file());
        } catch (VeclError e) {
            throw parser.preferLexicalError(e);
        }
    }

    /**
     * A parse error at or after a lexical error is reported as the lexical error; so is one after an
     * unclosed bracket ("'(' was never closed" explains the confusing tokens that follow it).
     */
    private VeclError preferLexicalError(VeclError parseError) {
        Token last = toks.get(toks.size() - 2 >= 0 ? toks.size() - 2 : 0);
        if (last.kind != Kind.ERROR) {
            return parseError;
        }
        VeclError lexError = (VeclError) last.value;
        if (lexError.detail.endsWith("was never closed")) {
            // CPython 3.11 reports the unclosed bracket when its parser looked at a token on a later
            // line than the bracket, or as far as the end of the input; otherwise the parse error
            // stands (`def f(:` is "invalid syntax").
            if (furthest >= toks.size() - 2 || toks.get(furthest).line > lexError.getLine()) {
                return lexError;
            }
            return parseError;
        }
        if (p >= toks.size() - 2 || after(parseError.getLine(), parseError.getColumn(), lexError.getLine(), lexError.getColumn())) {
            return lexError;
        }
        return parseError;
    }

    private static boolean after(int l1, int c1, int l2, int c2) {
        return l1 > l2 || (l1 == l2 && c1 >= c2);
    }

    // ---- token helpers ----

    private Token peek() {
        furthest = Math.max(furthest, p);
        return toks.get(p);
    }

    private Token peek(int k) {
        int i = Math.min(p + k, toks.size() - 1);
        furthest = Math.max(furthest, i);
        return toks.get(i);
    }

    private Token next() {
        furthest = Math.max(furthest, p);
        return toks.get(p++);
    }

    private Token prev() {
        return toks.get(p - 1);
    }

    private boolean atOp(String op) {
        Token t = peek();
        return t.kind == Kind.OP && t.text.equals(op);
    }

    private boolean atKw(String kw) {
        Token t = peek();
        return t.kind == Kind.NAME && t.text.equals(kw);
    }

    private boolean acceptOp(String op) {
        if (atOp(op)) {
            p++;
            return true;
        }
        return false;
    }

    private VeclError errorAt(Token t, String msg) {
        if (t.kind == Kind.EOF) {
            return SyntaxErrors.incomplete(source, t.line, t.col, msg);
        }
        return SyntaxErrors.at(source, t.line, t.col, msg);
    }

    private VeclError invalid() {
        Token t = peek();
        if (t.kind == Kind.INDENT) {
            return errorAt(t, "unexpected indent");
        }
        return errorAt(t, "invalid syntax");
    }

    /** "expected ':'" is reported at the token found instead, as CPython does. */
    private void expectAfter(String op) {
        if (!acceptOp(op)) {
            Token t = peek();
            if (t.kind == Kind.EOF) {
                Token pr = prev();
                throw SyntaxErrors.incomplete(source, pr.line, pr.endCol, "expected '" + op + "'");
            }
            throw SyntaxErrors.at(source, t.line, t.col, "expected '" + op + "'");
        }
    }

    /** The ':' of an if/elif/while/for header: a missing one before the line end is "expected ':'". */
    private void expectHeaderColon() {
        if (!atOp(":") && peek().kind != Kind.NEWLINE && peek().kind != Kind.EOF) {
            throw invalid();
        }
        expectAfter(":");
    }

    private static boolean startsExpression(Token t) {
        return switch (t.kind) {
            case INT, FLOAT, STRING -> true;
            case NAME -> !KEYWORDS.contains(t.text) || t.text.equals("True") || t.text.equals("False") || t.text.equals("None")
                            || t.text.equals("not") || t.text.equals("lambda");
            case OP -> t.text.equals("(") || t.text.equals("[") || t.text.equals("{") || t.text.equals("-") || t.text.equals("+")
                            || t.text.equals("~");
            default -> false;
        };
    }

    /** Inside brackets, two expressions in a row are most likely a missing comma. */
    private void checkMissingComma(Expr element) {
        if (startsExpression(peek())) {
            // CPython parses the expression that follows before reporting (reaching the end of an
            // unclosed bracket's input that way makes it "'(' was never closed")
            int save = p;
            try {
                expression();
                peek();
            } catch (VeclError ignored) {
                // only the look-ahead matters
            }
            p = save;
            throw SyntaxErrors.at(source, element.line(), element.col(), "invalid syntax. Perhaps you forgot a comma?");
        }
    }

    private void expectOp(String op) {
        if (!acceptOp(op)) {
            throw invalid();
        }
    }

    private String identifier() {
        Token t = peek();
        if (t.kind != Kind.NAME || KEYWORDS.contains(t.text)) {
            throw invalid();
        }
        p++;
        return t.text;
    }

    // ---- statements ----

    private List<Stmt> file() {
        List<Stmt> body = new ArrayList<>();
        while (peek().kind != Kind.EOF) {
            if (peek().kind == Kind.NEWLINE) {
                p++;
                continue;
            }
            statement(body);
        }
        return body;
    }

    private void statement(List<Stmt> out) {
        Token t = peek();
        if (t.kind == Kind.INDENT) {
            throw errorAt(t, "unexpected indent");
        }
        if (t.kind == Kind.NAME) {
            switch (t.text) {
                case "if" -> {
                    out.add(ifStmt());
                    return;
                }
                case "while" -> {
                    out.add(whileStmt());
                    return;
                }
                case "for" -> {
                    out.add(forStmt());
                    return;
                }
                case "def" -> {
                    out.add(defStmt());
                    return;
                }
                default -> {
                }
            }
        }
        simpleStatements(out);
    }

    private void simpleStatements(List<Stmt> out) {
        while (true) {
            out.add(simpleStatement());
            if (acceptOp(";")) {
                if (peek().kind == Kind.NEWLINE) {
                    break;
                }
                continue;
            }
            break;
        }
        if (peek().kind != Kind.NEWLINE) {
            throw invalid();
        }
        p++;
    }

    private Stmt simpleStatement() {
        Token t = peek();
        if (t.kind == Kind.NAME) {
            switch (t.text) {
                case "pass" -> {
                    p++;
                    return new Stmt.Pass(t.line, t.col);
                }
                case "break" -> {
                    p++;
                    if (loopDepth == 0) {
                        throw errorAt(t, "'break' outside loop");
                    }
                    return new Stmt.Break(t.line, t.col);
                }
                case "continue" -> {
                    p++;
                    if (loopDepth == 0) {
                        throw errorAt(t, "'continue' not properly in loop");
                    }
                    return new Stmt.Continue(t.line, t.col);
                }
                case "return" -> {
                    p++;
                    if (!inFunction) {
                        throw errorAt(t, "'return' outside function");
                    }
                    Expr v = null;
                    if (peek().kind != Kind.NEWLINE && !atOp(";")) {
                        v = exprList();
                    }
                    return new Stmt.Return(v, t.line, t.col);
                }
                case "global" -> {
                    p++;
                    List<String> names = new ArrayList<>();
                    names.add(identifier());
                    while (acceptOp(",")) {
                        names.add(identifier());
                    }
                    return new Stmt.Global(names, t.line, t.col);
                }
                case "assert" -> {
                    p++;
                    Expr test = expression();
                    Expr msg = null;
                    if (acceptOp(",")) {
                        msg = expression();
                    }
                    return new Stmt.Assert(test, msg, t.line, t.col);
                }
                case "def", "if", "while", "for", "elif", "else" -> throw invalid();
                case "class", "import", "from", "try", "with", "lambda", "del", "raise", "yield", "nonlocal", "async", "await" ->
                    throw errorAt(t, "'" + t.text + "' is not supported in VecL");
                default -> {
                }
            }
        }
        Expr first = exprList();
        if (peek().kind == Kind.OP && AUG_OPS.contains(peek().text)) {
            Token opTok = next();
            checkAugTarget(first);
            Expr value = exprList();
            return new Stmt.AugAssign(first, opTok.text.substring(0, opTok.text.length() - 1), value, t.line, t.col);
        }
        if (atOp("=")) {
            List<Expr> targets = new ArrayList<>();
            Expr value = first;
            while (acceptOp("=")) {
                checkTarget(value, targets.isEmpty());
                targets.add(value);
                value = exprList();
            }
            return new Stmt.Assign(targets, value, t.line, t.col);
        }
        if (first instanceof Expr.TupleExpr) {
            // a bare tuple is valid Python, but VecL has no tuples
            throw SyntaxErrors.at(source, first.line(), first.col(), "tuples are not supported in VecL");
        }
        return new Stmt.ExprStmt(first, t.line, t.col);
    }

    private void checkTarget(Expr e, boolean first) {
        switch (e) {
            case Expr.Name n -> {
                if (KEYWORDS.contains(n.id())) {
                    throw SyntaxErrors.at(source, e.line(), e.col(), "cannot assign to " + n.id());
                }
            }
            case Expr.Subscript s -> {
            }
            case Expr.TupleExpr tu -> {
                for (Expr x : tu.elts()) {
                    if (x instanceof Expr.TupleExpr) {
                        throw SyntaxErrors.at(source, x.line(), x.col(), "nested tuple targets are not supported in VecL");
                    }
                    checkTarget(x, false);
                }
            }
            case Expr.Attribute a -> throw SyntaxErrors.at(source, e.line(), e.col(), "assignment to attributes is not supported in VecL");
            case Expr.Const c when c.value() instanceof Boolean || c.value() == VNone.NONE ->
                throw SyntaxErrors.at(source, e.line(), e.col(), "cannot assign to " + describe(e));
            default -> throw SyntaxErrors.at(source, e.line(), e.col(),
                            "cannot assign to " + describe(e) + (first ? " here. Maybe you meant '==' instead of '='?" : ""));
        }
    }

    private void checkAugTarget(Expr e) {
        if (e instanceof Expr.Name || e instanceof Expr.Subscript) {
            return;
        }
        throw SyntaxErrors.at(source, e.line(), e.col(), "'" + describe(e) + "' is an illegal expression for augmented assignment");
    }

    private static String describe(Expr e) {
        return switch (e) {
            case Expr.Const c -> c.value() instanceof Boolean b ? (b ? "True" : "False") : c.value() == VNone.NONE ? "None" : "literal";
            case Expr.Call c -> "function call";
            case Expr.Compare c -> "comparison";
            case Expr.ListExpr l -> "list";
            case Expr.TupleExpr l -> "tuple";
            case Expr.IfExp i -> "conditional expression";
            case Expr.Attribute a -> "attribute";
            default -> "expression";
        };
    }

    /** A block after ':' — an indented suite or simple statements on the same line. */
    private List<Stmt> block(String what, Token head) {
        List<Stmt> body = new ArrayList<>();
        if (peek().kind == Kind.NEWLINE) {
            p++;
            if (peek().kind != Kind.INDENT) {
                Token t = peek();
                String msg = "expected an indented block after " + what + " on line " + head.line;
                if (t.kind == Kind.EOF) {
                    throw SyntaxErrors.incomplete(source, t.line, t.col, msg);
                }
                throw SyntaxErrors.at(source, t.line, t.col, msg);
            }
            p++;
            while (peek().kind != Kind.DEDENT && peek().kind != Kind.EOF) {
                if (peek().kind == Kind.NEWLINE) {
                    p++;
                    continue;
                }
                statement(body);
            }
            if (peek().kind == Kind.DEDENT) {
                p++;
            }
        } else {
            simpleStatements(body);
        }
        return body;
    }

    private Stmt ifStmt() {
        Token head = next(); // 'if' or 'elif'
        Expr test = expression();
        expectHeaderColon();
        List<Stmt> body = block("'" + head.text + "' statement", head);
        List<Stmt> orelse = List.of();
        if (atKw("elif")) {
            orelse = List.of(ifStmt());
        } else if (atKw("else")) {
            Token e = next();
            expectAfter(":");
            orelse = block("'else' statement", e);
        }
        return new Stmt.If(test, body, orelse, head.line, head.col);
    }

    private Stmt whileStmt() {
        Token head = next();
        Expr test = expression();
        expectHeaderColon();
        loopDepth++;
        List<Stmt> body = block("'while' statement", head);
        loopDepth--;
        List<Stmt> orelse = List.of();
        if (atKw("else")) {
            Token e = next();
            expectAfter(":");
            orelse = block("'else' statement", e);
        }
        return new Stmt.While(test, body, orelse, head.line, head.col);
    }

    private Stmt forStmt() {
        Token head = next();
        Token nameTok = peek();
        if (nameTok.kind == Kind.INT || nameTok.kind == Kind.FLOAT || nameTok.kind == Kind.STRING) {
            throw errorAt(nameTok, "cannot assign to literal");
        }
        if (nameTok.kind != Kind.NAME || KEYWORDS.contains(nameTok.text)) {
            throw invalid();
        }
        p++;
        if (atOp(",")) {
            throw errorAt(peek(), "VecL's for loop takes a single loop variable");
        }
        Expr.Name target = new Expr.Name(nameTok.text, nameTok.line, nameTok.col);
        if (!atKw("in")) {
            throw invalid();
        }
        p++;
        Expr iter = exprList();
        expectHeaderColon();
        loopDepth++;
        List<Stmt> body = block("'for' statement", head);
        loopDepth--;
        List<Stmt> orelse = List.of();
        if (atKw("else")) {
            Token e = next();
            expectAfter(":");
            orelse = block("'else' statement", e);
        }
        return new Stmt.For(target, iter, body, orelse, head.line, head.col);
    }

    private Stmt defStmt() {
        Token head = next();
        if (inFunction) {
            throw errorAt(head, "nested function definitions are not supported");
        }
        String name = identifier();
        expectOp("(");
        List<String> params = new ArrayList<>();
        List<Expr> defaults = new ArrayList<>();
        String varargs = null;
        while (!atOp(")")) {
            Token pt = peek();
            if (acceptOp("*")) {
                varargs = identifier();
                if (params.contains(varargs)) {
                    throw errorAt(pt, "duplicate argument '" + varargs + "' in function definition");
                }
                acceptOp(",");
                if (!atOp(")")) {
                    throw errorAt(peek(), "parameters after *" + varargs + " are not supported in VecL");
                }
                break;
            }
            String pn = identifier();
            if (params.contains(pn)) {
                throw errorAt(pt, "duplicate argument '" + pn + "' in function definition");
            }
            params.add(pn);
            if (acceptOp("=")) {
                defaults.add(expression());
            } else if (!defaults.isEmpty()) {
                throw errorAt(pt, "non-default argument follows default argument");
            }
            if (!acceptOp(",")) {
                break;
            }
        }
        expectOp(")");
        if (acceptOp("->")) {
            expression();
        }
        expectAfter(":");
        boolean savedIn = inFunction;
        int savedLoops = loopDepth;
        inFunction = true;
        loopDepth = 0;
        List<Stmt> body = block("function definition", head);
        inFunction = savedIn;
        loopDepth = savedLoops;
        return new Stmt.FunctionDef(name, params, defaults, varargs, body, head.line, head.col);
    }

    // ---- expressions ----

    /** expression (',' expression)* — a tuple when there is a comma. */
    private Expr exprList() {
        Expr first = expression();
        if (!atOp(",")) {
            return first;
        }
        List<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (acceptOp(",")) {
            if (peek().kind == Kind.NEWLINE || atOp("=") || atOp(")") || atOp(";")) {
                break;
            }
            elts.add(expression());
        }
        return new Expr.TupleExpr(elts, first.line(), first.col());
    }

    public Expr expression() {
        Expr body = disjunction();
        if (atKw("if")) {
            Token ifTok = next();
            Expr test = disjunction();
            if (!atKw("else")) {
                Token t = peek();
                throw SyntaxErrors.at(source, body.line(), body.col(), "expected 'else' after 'if' expression");
            }
            p++;
            Expr orelse = expression();
            return new Expr.IfExp(test, body, orelse, body.line(), body.col());
        }
        return body;
    }

    private Expr disjunction() {
        Expr left = conjunction();
        while (atKw("or")) {
            p++;
            Expr right = conjunction();
            left = new Expr.BoolOp("or", left, right, left.line(), left.col());
        }
        return left;
    }

    private Expr conjunction() {
        Expr left = inversion();
        while (atKw("and")) {
            p++;
            Expr right = inversion();
            left = new Expr.BoolOp("and", left, right, left.line(), left.col());
        }
        return left;
    }

    private Expr inversion() {
        if (atKw("not")) {
            Token t = next();
            Expr operand = inversion();
            return new Expr.UnaryOp("not", operand, t.line, t.col);
        }
        return comparison();
    }

    private String compOp() {
        Token t = peek();
        if (t.kind == Kind.OP) {
            switch (t.text) {
                case "<", "<=", ">", ">=", "==", "!=" -> {
                    p++;
                    return t.text;
                }
                default -> {
                    return null;
                }
            }
        }
        if (t.kind == Kind.NAME) {
            if (t.text.equals("in")) {
                p++;
                return "in";
            }
            if (t.text.equals("not") && peek(1).is("in") && peek(1).kind == Kind.NAME) {
                p += 2;
                return "not in";
            }
            if (t.text.equals("is")) {
                p++;
                if (atKw("not")) {
                    p++;
                    return "is not";
                }
                return "is";
            }
        }
        return null;
    }

    private Expr comparison() {
        Expr left = bitOr();
        String op = compOp();
        if (op == null) {
            return left;
        }
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        while (op != null) {
            ops.add(op);
            rest.add(bitOr());
            op = compOp();
        }
        return new Expr.Compare(left, ops, rest, left.line(), left.col());
    }

    private Expr bitOr() {
        Expr left = bitXor();
        while (atOp("|")) {
            p++;
            left = new Expr.BinOp("|", left, bitXor(), left.line(), left.col());
        }
        return left;
    }

    private Expr bitXor() {
        Expr left = bitAnd();
        while (atOp("^")) {
            p++;
            left = new Expr.BinOp("^", left, bitAnd(), left.line(), left.col());
        }
        return left;
    }

    private Expr bitAnd() {
        Expr left = shift();
        while (atOp("&")) {
            p++;
            left = new Expr.BinOp("&", left, shift(), left.line(), left.col());
        }
        return left;
    }

    private Expr shift() {
        Expr left = sum();
        while (atOp("<<") || atOp(">>")) {
            String op = next().text;
            left = new Expr.BinOp(op, left, sum(), left.line(), left.col());
        }
        return left;
    }

    private Expr sum() {
        Expr left = term();
        while (atOp("+") || atOp("-")) {
            String op = next().text;
            left = new Expr.BinOp(op, left, term(), left.line(), left.col());
        }
        return left;
    }

    private Expr term() {
        Expr left = factor();
        while (atOp("*") || atOp("/") || atOp("//") || atOp("%")) {
            String op = next().text;
            left = new Expr.BinOp(op, left, factor(), left.line(), left.col());
        }
        if (atOp("@")) {
            throw errorAt(peek(), "the '@' operator is not supported in VecL");
        }
        return left;
    }

    private Expr factor() {
        if (atOp("-") || atOp("+") || atOp("~")) {
            Token t = next();
            Expr operand = factor();
            if (t.text.equals("-") && operand instanceof Expr.Const c && c.value() instanceof Long v && v == Long.MIN_VALUE) {
                return new Expr.Const(Long.MIN_VALUE, t.line, t.col);
            }
            return new Expr.UnaryOp(t.text, operand, t.line, t.col);
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        checkIntLiteralRange(base);
        if (atOp("**")) {
            p++;
            Expr exp = factor();
            checkIntLiteralRange(exp);
            return new Expr.BinOp("**", base, exp, base.line(), base.col());
        }
        return base;
    }

    /** 9223372036854775808 is only valid right after a unary minus (which factor() folds). */
    private void checkIntLiteralRange(Expr e) {
        if (e instanceof Expr.Const c && c.value() instanceof Long v && v == Long.MIN_VALUE) {
            Token before = toks.get(Math.max(0, indexOfTokenAt(e) - 1));
            if (!before.is("-") || before.kind != Kind.OP) {
                throw SyntaxErrors.at(source, e.line(), e.col(), "integer literal too large for a 64-bit int");
            }
        }
    }

    private int indexOfTokenAt(Expr e) {
        for (int i = p - 1; i >= 0; i--) {
            Token t = toks.get(i);
            if (t.line == e.line() && t.col == e.col()) {
                return i;
            }
        }
        return 0;
    }

    private Expr primary() {
        Expr e = atom();
        while (true) {
            if (atOp("(")) {
                e = callArgs(e);
            } else if (atOp("[")) {
                p++;
                Expr index = subscriptIndex();
                expectOp("]");
                e = new Expr.Subscript(e, index, e.line(), e.col());
            } else if (atOp(".")) {
                p++;
                String attr = identifier();
                e = new Expr.Attribute(e, attr, e.line(), e.col());
            } else {
                return e;
            }
        }
    }

    private Expr callArgs(Expr func) {
        expectOp("(");
        List<Expr> args = new ArrayList<>();
        List<String> kwNames = new ArrayList<>();
        List<Expr> kwValues = new ArrayList<>();
        while (!atOp(")")) {
            Token t = peek();
            if (t.kind == Kind.NAME && !KEYWORDS.contains(t.text) && peek(1).kind == Kind.OP && peek(1).text.equals("=")) {
                p += 2;
                if (kwNames.contains(t.text)) {
                    throw errorAt(t, "keyword argument repeated: " + t.text);
                }
                kwNames.add(t.text);
                Expr v = expression();
                checkMissingComma(v);
                kwValues.add(v);
            } else {
                if (atOp("*") || atOp("**")) {
                    throw errorAt(t, "argument unpacking is not supported in VecL");
                }
                Expr a = expression();
                checkMissingComma(a);
                if (!kwNames.isEmpty()) {
                    throw SyntaxErrors.at(source, a.line(), a.col(), "positional argument follows keyword argument");
                }
                args.add(a);
            }
            if (!acceptOp(",")) {
                break;
            }
        }
        expectOp(")");
        return new Expr.Call(func, args, kwNames, kwValues, func.line(), func.col());
    }

    private Expr subscriptIndex() {
        Token start = peek();
        Expr lower = null;
        if (!atOp(":")) {
            lower = expression();
            if (!atOp(":")) {
                if (atOp(",")) {
                    throw errorAt(peek(), "VecL arrays are 1-D: only one index is allowed");
                }
                return lower;
            }
        }
        p++; // ':'
        Expr upper = null;
        Expr step = null;
        if (!atOp(":") && !atOp("]")) {
            upper = expression();
        }
        if (acceptOp(":")) {
            if (!atOp("]")) {
                step = expression();
            }
        }
        return new Expr.Slice(lower, upper, step, start.line, start.col);
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind) {
            case INT, FLOAT -> {
                p++;
                return new Expr.Const(t.value, t.line, t.col);
            }
            case STRING -> {
                p++;
                StringBuilder sb = new StringBuilder((String) t.value);
                while (peek().kind == Kind.STRING) {
                    sb.append((String) next().value);
                }
                return new Expr.Const(sb.toString(), t.line, t.col);
            }
            case NAME -> {
                switch (t.text) {
                    case "True" -> {
                        p++;
                        return new Expr.Const(Boolean.TRUE, t.line, t.col);
                    }
                    case "False" -> {
                        p++;
                        return new Expr.Const(Boolean.FALSE, t.line, t.col);
                    }
                    case "None" -> {
                        p++;
                        return new Expr.Const(VNone.NONE, t.line, t.col);
                    }
                    default -> {
                        if (KEYWORDS.contains(t.text)) {
                            throw invalid();
                        }
                        p++;
                        return new Expr.Name(t.text, t.line, t.col);
                    }
                }
            }
            case OP -> {
                if (t.text.equals("(")) {
                    p++;
                    if (acceptOp(")")) {
                        return new Expr.TupleExpr(List.of(), t.line, t.col);
                    }
                    Expr inner = expression();
                    checkMissingComma(inner);
                    if (atOp(",")) {
                        List<Expr> elts = new ArrayList<>();
                        elts.add(inner);
                        while (acceptOp(",")) {
                            if (atOp(")")) {
                                break;
                            }
                            Expr x = expression();
                            checkMissingComma(x);
                            elts.add(x);
                        }
                        expectOp(")");
                        return new Expr.TupleExpr(elts, t.line, t.col);
                    }
                    expectOp(")");
                    return inner;
                }
                if (t.text.equals("[")) {
                    p++;
                    List<Expr> elts = new ArrayList<>();
                    while (!atOp("]")) {
                        Expr x = expression();
                        checkMissingComma(x);
                        elts.add(x);
                        if (atKw("for")) {
                            throw errorAt(peek(), "list comprehensions are not supported in VecL");
                        }
                        if (!acceptOp(",")) {
                            break;
                        }
                    }
                    expectOp("]");
                    return new Expr.ListExpr(elts, t.line, t.col);
                }
                throw invalid();
            }
            default -> throw invalid();
        }
    }
}
