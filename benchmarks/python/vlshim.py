#!/usr/bin/env python3
"""Run a VecL program under CPython + NumPy.

VecL is a Python subset whose arrays behave like 1-D NumPy arrays (see VECL.md), so a .vl file
runs as Python once its builtins exist. This shim provides them with NumPy and prints values the
way VecL does. It is the outside check for the example programs: same program, same output.

    python3 vlshim.py prog.vl [args...]
"""
import builtins as _b
import math
import sys
import time as _time

import numpy as np

float32 = np.float32
float64 = np.float64
int64 = np.int64
int32 = np.int32
_DTYPES = {np.float32, np.float64, np.int64, np.int32, _b.bool}


def _dt(d):
    return np.bool_ if d is _b.bool else d


def _is_arr(x):
    return isinstance(x, np.ndarray)


def zeros(n, dtype=np.float64):
    return np.zeros(n, _dt(dtype))


def ones(n, dtype=np.float64):
    return np.ones(n, _dt(dtype))


def empty(n, dtype=np.float64):
    return np.zeros(n, _dt(dtype))


def full(n, value, dtype=None):
    return np.full(n, value, None if dtype is None else _dt(dtype))


def arange(*a, dtype=None):
    return np.arange(*a, dtype=None if dtype is None else _dt(dtype))


def linspace(start, stop, num):
    return np.linspace(start, stop, num)


def array(lst, dtype=None):
    return np.array(lst, None if dtype is None else _dt(dtype))


def copy(a):
    return np.array(a, copy=True)


def astype(a, dtype):
    return a.astype(_dt(dtype))


sqrt, exp, log, sin, cos, floor = np.sqrt, np.exp, np.log, np.sin, np.cos, np.floor
minimum, maximum, where = np.minimum, np.maximum, np.where


def abs(x):
    return np.abs(x) if _is_arr(x) else _b.abs(x)


def _reduce(name, pyf):
    def f(*a):
        if len(a) == 1 and _is_arr(a[0]):
            x = a[0]
            if name in ("min", "max") and len(x) == 0:
                raise ValueError(name + "() of an empty array")
            return getattr(np, name)(x)
        return pyf(*a)
    return f


def _pairwise(a, mul):
    """NumPy's pairwise summation tree (8 accumulators, blocks of 128); VECL.md uses the same
    tree for prod, where NumPy multiplies in sequence."""
    n = len(a)
    f = (lambda x, y: x * y) if mul else (lambda x, y: x + y)
    if n < 8:
        r = a.dtype.type(1 if mul else 0)
        for v in a:
            r = f(r, v)
        return r
    if n <= 128:
        r = list(a[:8])
        i = 8
        while i < n - n % 8:
            for j in range(8):
                r[j] = f(r[j], a[i + j])
            i += 8
        res = f(f(f(r[0], r[1]), f(r[2], r[3])), f(f(r[4], r[5]), f(r[6], r[7])))
        for k in range(i, n):
            res = f(res, a[k])
        return res
    m = n // 2
    m -= m % 8
    return f(_pairwise(a[:m], mul), _pairwise(a[m:], mul))


def _prod(*a):
    if len(a) == 1 and _is_arr(a[0]) and a[0].dtype.kind == "f":
        return _pairwise(a[0], True)
    return np.prod(a[0]) if len(a) == 1 and _is_arr(a[0]) else math.prod(a)


def dot(a, b):
    return np.sum(a * b)  # VECL.md: dot(a, b) is sum(a * b), pairwise (np.dot uses BLAS order)


sum = _reduce("sum", _b.sum)
prod = _prod
min = _reduce("min", _b.min)
max = _reduce("max", _b.max)
any = _reduce("any", _b.any)
all = _reduce("all", _b.all)
mean = _reduce("mean", None)


def _s(x):
    """VecL's str: Python's repr for floats, shortest round-trip digits for float32."""
    if isinstance(x, (_b.bool, np.bool_)):
        return "True" if x else "False"
    if isinstance(x, np.float32):
        return repr(float(_b.str(x)))  # numpy prints the shortest float32 digits
    if isinstance(x, (float, np.floating)):
        return repr(float(x))
    if isinstance(x, (int, np.integer)):
        return _b.str(int(x))
    if isinstance(x, np.ndarray):
        return "[" + ", ".join(_s(e) for e in x) + "]"
    if isinstance(x, list):
        return "[" + ", ".join(_r(e) for e in x) + "]"
    if x is None:
        return "None"
    return _b.str(x)


def _r(x):
    return repr(x) if isinstance(x, _b.str) else _s(x)


def str(x=""):
    return _s(x)


def print(*a):
    sys.stdout.write(" ".join(_s(x) for x in a) + "\n")


def read_text(path):
    with open(path) as f:
        return f.read()


def save_pgm(path, values, width, height):
    v = np.asarray(values)
    if v.dtype == np.bool_:
        b = v.astype(np.uint8) * 255
    else:
        b = np.clip(np.rint(v), 0, 255).astype(np.uint8)
    with open(path, "wb") as f:
        f.write(b"P5\n%d %d\n255\n" % (width, height))
        f.write(b[: width * height].tobytes())


def time():
    return _time.monotonic()


def run(path, args):
    g = {k: v for k, v in globals().items() if not k.startswith("__") and k not in ("run", "sys", "math", "np")}
    g["__name__"] = "__vecl__"
    g["argv"] = list(args)
    with open(path) as f:
        src = f.read()
    exec(compile(src, path, "exec"), g)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2:])
