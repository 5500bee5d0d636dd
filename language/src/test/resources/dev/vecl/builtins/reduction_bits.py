# Prints the expected output of reduction_bits.vl (Python 3 + NumPy 2): sum, mean and dot are
# NumPy's own; prod is the pairwise tree with multiplication (VECL.md), computed by pairwise()
# below, which is checked against np.sum for every sum first.
import numpy as np, warnings
warnings.simplefilter('ignore')

def frac(n, c):
    u = np.arange(n) * c
    return u - np.floor(u) - 0.5

def data(n):
    i = np.arange(n)
    u = frac(n, 0.6180339887498949)
    m = (i * 7 + i // 13) % 5
    return np.where(m == 0, u * 10000000000.0, np.where(m == 1, u * 0.00001, u))

def near_one(n):
    return 1.0 + frac(n, 0.7548776662466927) * 0.002

def pairwise(a, op, unit):
    t = a.dtype.type
    def rec(lo, n):
        if n < 8:
            r = t(unit)
            for k in range(lo, lo + n):
                r = t(op(r, a[k]))
            return r
        if n <= 128:
            r = [a[lo + j] for j in range(8)]
            i = 8
            while i < n - n % 8:
                for j in range(8):
                    r[j] = t(op(r[j], a[lo + i + j]))
                i += 8
            res = t(op(t(op(t(op(r[0], r[1])), t(op(r[2], r[3])))), t(op(t(op(r[4], r[5])), t(op(r[6], r[7]))))))
            while i < n:
                res = t(op(res, a[lo + i]))
                i += 1
            return res
        n2 = n // 2
        n2 -= n2 % 8
        return t(op(rec(lo, n2), rec(lo + n2, n - n2)))
    return rec(0, len(a))

def add(x, y): return x + y
def mul(x, y): return x * y

def s(x):
    ref = x.dtype.type(0) + pairwise(x, add, -0.0)
    got = np.sum(x)
    assert np.array_equal(ref, got, equal_nan=True) and np.signbit(ref) == np.signbit(got), (len(x), ref, got)
    return got

def prod(x):
    return x.dtype.type(1) * pairwise(x, mul, 1.0)

def f(x):
    if isinstance(x, np.float32): return repr(float(str(x))) if np.isfinite(x) else str(x)
    if isinstance(x, (np.floating, float)): return repr(float(x))
    return str(x)

def out(*xs): print(*map(f, xs))

for n in [1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 127, 128, 129, 135, 136, 137, 255, 256, 257, 1000, 1023, 1024, 1025, 4099, 8192, 8193, 65541, 100003, 1000007]:
    a = data(n); b = data(n + 5)[5:]; p = near_one(n)
    g32 = a.astype(np.float32); h32 = b.astype(np.float32)
    out(n, s(a), np.mean(a), prod(p), s(a * b), s(g32), np.mean(g32), prod(p.astype(np.float32)), s(g32 * h32))
    out(n, s(a[1::3]), s(a[::-2]), s(a[::-1] * b[::-1]), s(g32[2::5]), s(g32[::-3] * h32[::3]), np.mean(a.astype(np.int64)), prod(p[::2]))

z = np.zeros(300) * -1.0
out(s(z), np.mean(z), prod(z), s(z * z), s(z[:5]), prod(z[:5]), s(z.astype(np.float32)), prod(z.astype(np.float32)))
x = data(1000)
x[517] = np.nan
out(s(x), np.mean(x), prod(x), s(x * x), s(x[:517]), s(x.astype(np.float32)))
x[517] = np.inf
out(s(x), np.mean(x), s(x * x), s(x.astype(np.float32)))
x[3] = -np.inf
out(s(x), np.mean(x), s(x * x), s(x.astype(np.float32)))
