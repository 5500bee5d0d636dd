#!/usr/bin/env python3
"""Reference harness: runs a VecL program under CPython 3.11 + NumPy 2.

The spec says a conforming VecL program runs under CPython + NumPy with a small compatibility
prelude and prints the same text. This file is that prelude plus a runner:

  python3 vecl_ref.py PROGRAM.vl [ARGS...]

stdout gets the program's output, stderr the error report in the spec's format
(`file:line:col: Kind: message`, the source line, a caret), exit status 1 on a program error.
The file name in the report is PROGRAM exactly as given (run it from the corpus root with a
relative path, as the JUnit runner does).

Where plain Python differs from VecL the program's AST is rewritten to call helpers below:
  * int `+ - * << -x` wrap to 64 bits; float arithmetic has NumPy float64 semantics (x/0.0 is inf);
  * `a[i]` on arrays returns Python scalars (float32 stays np.float32) and reports out-of-range
    indices with the spec's message; iteration over arrays yields Python scalars;
  * array operands of different lengths are a ValueError (no length-1 broadcasting);
  * integer arrays `//` and `%` by zero raise ZeroDivisionError;
  * `a op= b` on an array is NumPy's in-place operation.
Static rules of VecL that Python lacks (nested def, tab in indentation) are checked before running.
"""
import ast
import io
import math
import operator
import os
import sys
import time as _time
import tokenize
import traceback
import warnings

import numpy as np

np.seterr(all="ignore")
warnings.simplefilter("ignore")

ERROR_KINDS = ["SyntaxError", "NameError", "TypeError", "ValueError", "IndexError",
               "ZeroDivisionError", "AssertionError", "AttributeError", "OverflowError",
               "RecursionError", "OSError"]

INT_MIN = -(1 << 63)


class VeclError(Exception):
    """An error with an explicit VecL kind (the Python class may not match)."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def _wrap(v):
    if type(v) is int and not (INT_MIN <= v < -INT_MIN):
        v = ((v - INT_MIN) & 0xFFFFFFFFFFFFFFFF) + INT_MIN
    return v


def _norm(v):
    """NumPy scalars that VecL represents as Python values become Python values."""
    if isinstance(v, np.generic):
        if isinstance(v, np.float32):
            return v
        if isinstance(v, np.bool_):
            return bool(v)
        if isinstance(v, np.integer):
            return int(v)
        if isinstance(v, np.floating):
            return float(v)
    return v


def _is_num(v):
    return isinstance(v, (int, float, np.generic))  # bool is an int


# ---------------------------------------------------------------- printing (spec "Output")

def _float32_repr(x):
    return repr(float(str(np.float32(x))))


def vrepr(v):
    if isinstance(v, bool) or isinstance(v, np.bool_):
        return "True" if v else "False"
    if isinstance(v, np.float32):
        return _float32_repr(v)
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if v is None:
        return "None"
    if isinstance(v, str):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(vrepr(e) for e in v) + "]"
    if isinstance(v, np.ndarray):
        return "[" + ", ".join(vrepr(e) for e in v) + "]"
    if callable(v) and hasattr(v, "__name__"):
        return "<function %s>" % v.__name__
    return repr(v)


def vstr(v):
    if isinstance(v, str):
        return v
    return vrepr(v)


def v_print(*args):
    sys.stdout.write(" ".join(vstr(a) for a in args) + "\n")


# ---------------------------------------------------------------- dtypes

class DType:
    def __init__(self, name, np_type):
        self.name = name
        self.np_type = np_type

    def __call__(self, x):
        if self.name == "float32":
            return np.float32(x)
        if self.name == "float64":
            return float(np.float64(x))
        if self.name == "bool":
            return bool(x)
        return int(np.array(x).astype(self.np_type)) if isinstance(x, (float, np.floating)) \
            else int(self.np_type(x))

    def __repr__(self):
        return self.name


float64 = DType("float64", np.float64)
float32 = DType("float32", np.float32)
int64 = DType("int64", np.int64)
int32 = DType("int32", np.int32)
bool_ = DType("bool", np.bool_)


def _npdt(d):
    if d is None:
        return None
    if isinstance(d, DType):
        return d.np_type
    raise VeclError("TypeError", "data type not understood")


# ---------------------------------------------------------------- operators

_BIN = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "&": operator.and_,
    "|": operator.or_, "^": operator.xor, "<<": operator.lshift, ">>": operator.rshift,
}
_IBIN = {
    "+": operator.iadd, "-": operator.isub, "*": operator.imul, "/": operator.itruediv,
    "//": operator.ifloordiv, "%": operator.imod, "**": operator.ipow, "&": operator.iand,
    "|": operator.ior, "^": operator.ixor, "<<": operator.ilshift, ">>": operator.irshift,
}
_CMP = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
        "==": operator.eq, "!=": operator.ne}


def _check_arrays(op, a, b):
    aa, ba = isinstance(a, np.ndarray), isinstance(b, np.ndarray)
    if aa and ba and len(a) != len(b):
        raise VeclError("ValueError", "operands could not be broadcast together with shapes (%d,) (%d,) "
                        % (len(a), len(b)))
    if op in ("/", "//", "%"):
        # the spec: integer arrays divided or taken modulo by zero raise, as integer scalars do
        rt = np.result_type(a, b)
        if rt.kind in "iub" and np.any(np.asarray(b) == 0):
            raise VeclError("ZeroDivisionError", {"/": "division by zero",
                                                  "//": "integer division or modulo by zero",
                                                  "%": "integer modulo by zero"}[op])


def v_binop(op, a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        _check_arrays(op, a, b)
        return _BIN[op](a, b)
    if _is_num(a) and _is_num(b):
        if isinstance(a, np.generic) or isinstance(b, np.generic):
            return _norm(_BIN[op](a, b))
        if isinstance(a, float) or isinstance(b, float):
            if op in ("&", "|", "^", "<<", ">>"):
                return _BIN[op](a, b)  # Python's TypeError
            return float(_BIN[op](np.float64(a), np.float64(b)))
        return _wrap(_BIN[op](a, b))
    return _BIN[op](a, b)


def v_augop(op, a, b):
    if isinstance(a, np.ndarray):
        _check_arrays(op, a, b)
        return _IBIN[op](a, b)
    if isinstance(a, list):
        return _IBIN[op](a, b)
    return v_binop(op, a, b)


def v_unop(op, a):
    if op == "-":
        r = -a
    elif op == "+":
        r = +a
    else:
        r = ~a
    if isinstance(a, np.ndarray):
        return r
    return _wrap(_norm(r))


def v_cmp(op, a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        _check_arrays(op, a, b)
    return _norm(_CMP[op](a, b))


def v_getitem(a, i):
    if isinstance(a, np.ndarray) and not isinstance(i, slice):
        if isinstance(i, (int, np.integer)) and not isinstance(i, (bool, np.bool_)):
            n = len(a)
            if not -n <= i < n:
                raise VeclError("IndexError", "index %d is out of bounds for array of length %d" % (i, n))
        return _norm(a[i])
    return a[i]


def v_setitem(a, i, v):
    if isinstance(a, np.ndarray) and isinstance(v, np.ndarray):
        # the spec: assigning between overlapping views behaves as if the source were copied
        # first (NumPy's own overlap handling misses some strided cases)
        v = v.copy()
    if isinstance(a, np.ndarray) and not isinstance(i, slice):
        if isinstance(i, (int, np.integer)) and not isinstance(i, (bool, np.bool_)):
            n = len(a)
            if not -n <= i < n:
                raise VeclError("IndexError", "index %d is out of bounds for array of length %d" % (i, n))
    a[i] = v


def v_iter(x):
    if isinstance(x, np.ndarray):
        # like NumPy: element i is read when the loop gets to it (writes in the body are seen)
        return (_norm(x[i]) for i in range(len(x)))
    return x


# ---------------------------------------------------------------- builtins

def _scal(f):
    def g(*args):
        r = f(*args)
        return r if isinstance(r, np.ndarray) else _norm(r)
    g.__name__ = f.__name__
    return g


def zeros(n, dtype=float64):
    return np.zeros(n, _npdt(dtype))


def ones(n, dtype=float64):
    return np.ones(n, _npdt(dtype))


def empty(n, dtype=float64):
    return np.zeros(n, _npdt(dtype))


def full(n, value, dtype=None):
    return np.full(n, value, _npdt(dtype))


def arange(*args, dtype=None):
    return np.arange(*args, dtype=_npdt(dtype))


def linspace(start, stop, num):
    return np.linspace(start, stop, num)


def array(lst, dtype=None):
    if isinstance(lst, list) and len(lst) == 0 and dtype is None:
        return np.array([], np.float64)
    return np.array(lst, _npdt(dtype))


def copy(a):
    return np.copy(a)


def astype(a, dtype):
    return a.astype(_npdt(dtype))


def _elementwise(npf):
    def f(*args):
        arrays = [x for x in args if isinstance(x, np.ndarray)]
        for i in range(len(arrays) - 1):
            if len(arrays[i]) != len(arrays[i + 1]):
                raise VeclError("ValueError", "operands could not be broadcast together with shapes (%d,) (%d,) "
                                % (len(arrays[i]), len(arrays[i + 1])))
        r = npf(*args)
        if isinstance(r, np.ndarray) and r.ndim == 0:
            r = r[()]
        return r if isinstance(r, np.ndarray) else _norm(r)
    f.__name__ = npf.__name__
    return f


sqrt = _elementwise(np.sqrt)
exp = _elementwise(np.exp)
log = _elementwise(np.log)
sin = _elementwise(np.sin)
cos = _elementwise(np.cos)
floor = _elementwise(np.floor)
minimum = _elementwise(np.minimum)
maximum = _elementwise(np.maximum)
where = _elementwise(np.where)


def v_abs(x):
    if isinstance(x, np.ndarray):
        return np.abs(x)
    return _wrap(_norm(abs(x)))


def v_int(x, *base):
    r = int(x, *base)
    if not INT_MIN <= r < -INT_MIN:
        # VecL ints are 64-bit: CPython's message for a value that does not fit a C long
        raise VeclError("OverflowError", "Python int too large to convert to C long")
    return r


def v_sum(x):
    if isinstance(x, np.ndarray):
        return _norm(np.sum(x))
    return _wrap(sum(x)) if all(type(e) is int for e in x) else sum(x)


def prod(x):
    return _norm(np.prod(x))


def mean(x):
    return _norm(np.mean(x))


def dot(a, b):
    if len(a) != len(b):
        raise VeclError("ValueError", "operands could not be broadcast together with shapes (%d,) (%d,) "
                        % (len(a), len(b)))
    return _norm(np.sum(a * b))


def v_min(*args):
    if len(args) == 1 and isinstance(args[0], np.ndarray):
        return _norm(np.min(args[0]))
    return min(*args)


def v_max(*args):
    if len(args) == 1 and isinstance(args[0], np.ndarray):
        return _norm(np.max(args[0]))
    return max(*args)


def v_any(x):
    return bool(np.any(x)) if isinstance(x, np.ndarray) else any(x)


def v_all(x):
    return bool(np.all(x)) if isinstance(x, np.ndarray) else all(x)


def read_text(path):
    if not isinstance(path, str):
        raise VeclError("TypeError", "read_text() argument 'path' must be str, not %s" % type(path).__name__)
    with open(path, encoding="utf-8") as f:
        return f.read()


def save_pgm(path, values, width, height):
    v = np.asarray(values)
    if len(v) != width * height:
        raise VeclError("ValueError", "save_pgm(): %d values for a %dx%d image" % (len(v), width, height))
    if v.dtype == np.bool_:
        b = np.where(v, 255, 0).astype(np.uint8)
    else:
        b = np.clip(np.rint(v.astype(np.float64)), 0, 255).astype(np.uint8)
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (width, height))
        f.write(b[: width * height].tobytes())


def v_time():
    return _time.monotonic()


def make_globals(argv):
    g = {
        "__name__": "__main__", "__builtins__": __builtins__,
        "print": v_print, "str": vstr, "len": len, "range": range, "int": v_int, "float": float,
        "bool": bool_, "float64": float64, "float32": float32, "int64": int64, "int32": int32,
        "zeros": zeros, "ones": ones, "empty": empty, "full": full, "arange": arange,
        "linspace": linspace, "array": array, "copy": copy, "astype": astype,
        "sqrt": sqrt, "abs": v_abs, "exp": exp, "log": log, "sin": sin, "cos": cos, "floor": floor,
        "minimum": minimum, "maximum": maximum, "where": where,
        "sum": v_sum, "prod": prod, "min": v_min, "max": v_max, "any": v_any, "all": v_all,
        "mean": mean, "dot": dot, "read_text": read_text, "save_pgm": save_pgm, "time": v_time,
        "argv": list(argv),
        "_v_binop": v_binop, "_v_augop": v_augop, "_v_unop": v_unop, "_v_cmp": v_cmp,
        "_v_getitem": v_getitem, "_v_setitem": v_setitem, "_v_iter": v_iter,
    }
    return g


# ---------------------------------------------------------------- static checks and rewriting

class VeclSyntax(Exception):
    def __init__(self, msg, line, col):
        super().__init__(msg)
        self.line, self.col = line, col


def static_checks(src, tree):
    # a tab anywhere in a line's indentation
    for n, line in enumerate(src.split("\n"), 1):
        stripped = line.lstrip(" \t")
        if stripped == "" or stripped.startswith("#"):
            continue
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent:
            raise VeclSyntax("tab in indentation", n, indent.index("\t") + 1)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if inner is not node and isinstance(inner, ast.FunctionDef):
                    raise VeclSyntax("nested function definitions are not supported",
                                     inner.lineno, inner.col_offset + 1)


_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
        ast.Pow: "**", ast.BitAnd: "&", ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<",
        ast.RShift: ">>"}
_CMPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


def _call(name, args, like):
    c = ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=args, keywords=[])
    ast.copy_location(c, like)
    c.func.lineno, c.func.col_offset = like.lineno, like.col_offset
    c.func.end_lineno, c.func.end_col_offset = like.end_lineno, like.end_col_offset
    return c


def _const(v, like):
    return ast.copy_location(ast.Constant(value=v), like)


class Rewriter(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if type(node.op) not in _OPS:
            raise VeclSyntax("the '@' operator is not supported in VecL", node.lineno, node.col_offset + 1)
        return _call("_v_binop", [_const(_OPS[type(node.op)], node), node.left, node.right], node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Not):
            return node
        op = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[type(node.op)]
        return _call("_v_unop", [_const(op, node), node.operand], node)

    def visit_Compare(self, node):
        self.generic_visit(node)
        if len(node.ops) == 1 and type(node.ops[0]) in _CMPS:
            return _call("_v_cmp", [_const(_CMPS[type(node.ops[0])], node), node.left,
                                    node.comparators[0]], node)
        return node

    def visit_Subscript(self, node):
        self.generic_visit(node)
        if isinstance(node.ctx, ast.Load) and not isinstance(node.slice, ast.Slice):
            return _call("_v_getitem", [node.value, node.slice], node)
        return node

    def visit_Assign(self, node):
        self.generic_visit(node)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            t = node.targets[0]
            index = t.slice
            if isinstance(index, ast.Slice):
                parts = [p if p is not None else _const(None, t) for p in (index.lower, index.upper, index.step)]
                index = ast.copy_location(ast.Call(func=ast.copy_location(ast.Name(id="slice", ctx=ast.Load()), t),
                                                   args=parts, keywords=[]), t)
            return ast.copy_location(ast.Expr(value=_call("_v_setitem", [t.value, index, node.value], t)), node)
        return node

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        op = _OPS[type(node.op)]
        t = node.target
        if isinstance(t, ast.Name):
            load = ast.copy_location(ast.Name(id=t.id, ctx=ast.Load()), t)
            return ast.copy_location(ast.Assign(targets=[t], value=_call("_v_augop", [_const(op, node), load, node.value], node)), node)
        if isinstance(t, ast.Subscript):
            load = ast.copy_location(ast.Subscript(value=t.value, slice=t.slice, ctx=ast.Load()), t)
            if not isinstance(t.slice, ast.Slice):
                load = _call("_v_getitem", [t.value, t.slice], t)
                val = _call("_v_augop", [_const(op, node), load, node.value], node)
                return ast.copy_location(ast.Expr(value=_call("_v_setitem", [t.value, t.slice, val], node)), node)
            val = _call("_v_augop", [_const(op, node), load, node.value], node)
            return ast.copy_location(ast.Assign(targets=[t], value=val), node)
        return node

    def visit_For(self, node):
        self.generic_visit(node)
        node.iter = _call("_v_iter", [node.iter], node.iter)
        return node


# ---------------------------------------------------------------- error reports

def _kind_of(exc):
    if isinstance(exc, VeclError):
        return exc.kind
    for cls in type(exc).__mro__:
        if cls.__name__ in ERROR_KINDS:
            return cls.__name__
        if cls is IndentationError or cls is TabError:
            return "SyntaxError"
    if isinstance(exc, (FloatingPointError, ArithmeticError)):
        return "ValueError"
    return None


def report(err, path, lines, line, col, kind, msg):
    src = lines[line - 1] if 1 <= line <= len(lines) else ""
    head = "%s:%d:%d: %s" % (path, line, col, kind)
    if msg:
        head += ": " + msg
    err.write(head + "\n" + src + "\n" + " " * (col - 1) + "^\n")


def _byte_to_char_col(text, bcol):
    return len(text.encode("utf-8")[:bcol].decode("utf-8", errors="ignore"))


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: vecl_ref.py PROGRAM.vl [ARGS...]\n")
        return 2
    path = argv[1]
    sys.setrecursionlimit(1000 + 40)  # the user's depth limit is about 1000 frames
    with open(path, encoding="utf-8") as f:
        src = f.read()
    lines = src.split("\n")
    lines = [l[:-1] if l.endswith("\r") else l for l in lines]
    try:
        tree = ast.parse(src, filename=path)
        static_checks(src, tree)
    except VeclSyntax as e:
        sys.stdout.flush()
        report(sys.stderr, path, lines, e.line, e.col, "SyntaxError", str(e))
        return 1
    except SyntaxError as e:
        col = e.offset or 1
        report(sys.stderr, path, lines, e.lineno or 1, col, "SyntaxError", e.msg)
        return 1
    try:
        tree = Rewriter().visit(tree)
    except VeclSyntax as e:
        report(sys.stderr, path, lines, e.line, e.col, "SyntaxError", str(e))
        return 1
    ast.fix_missing_locations(tree)
    code = compile(tree, path, "exec")
    g = make_globals(argv[2:])
    try:
        exec(code, g)
    except BaseException as exc:  # noqa: a program error; find the innermost user frame
        sys.stdout.flush()
        kind = _kind_of(exc)
        if kind is None:
            traceback.print_exc()
            return 70
        tb = exc.__traceback__
        user = []
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == path:
                user.append(tb)
            tb = tb.tb_next
        where = user[-1] if user else None
        if kind == "RecursionError" and len(user) >= 2:
            # the innermost frame may have failed in a harness helper; the recursive call that
            # went too deep is where its caller stands
            where = user[-2]
        if where is None:
            traceback.print_exc()
            return 70
        positions = list(where.tb_frame.f_code.co_positions())
        ln, _, bcol, _ = positions[where.tb_lasti // 2]
        if ln is None:
            ln, bcol = where.tb_lineno, 0
        col = _byte_to_char_col(lines[ln - 1], bcol or 0) + 1
        msg = str(exc)
        if kind == "RecursionError":
            msg = "maximum recursion depth exceeded"
        report(sys.stderr, path, lines, ln, col, kind, msg)
        return 1
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
