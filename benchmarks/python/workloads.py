#!/usr/bin/env python3
"""W1-W5 for the peers of VecL: plain Python loops (CPython, PyPy) and NumPy.

Same sizes and inputs as the JMH suite (benchmarks/src/main/java/dev/vecl/bench). Prints one
JSON object per line: {"impl": ..., "workload": ..., "ns_per_elem": ...}, the minimum over the
timed repeats. NumPy rows are skipped where NumPy is not importable (PyPy).

    python3 workloads.py [--quick] [--impl plain|numpy|all] [--label cpython]
"""
import json
import math
import sys
import time

N_SMALL, REPS, N_REDUCE, N_AUDIO, N_FIELD = 1000, 10, 1_000_000, 44_100, 10_000


def ramp(n, scale, offset):
    return [i * scale + offset for i in range(n)]


def timeit(fn, elems, repeats, min_time):
    fn()  # warm-up (and the JIT's first trace on PyPy)
    best = float("inf")
    total = 0.0
    k = 0
    while k < repeats or total < min_time:
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = min(best, dt)
        total += dt
        k += 1
        if total > 20 * min_time and k >= 2:
            break
    return best * 1e9 / elems


# ---- plain loops ----

def plain_workloads():
    a1, b1 = ramp(N_SMALL, 0.5, 0.0), ramp(N_SMALL, 0.25, 1.0)
    a2, b2, c2 = [0.0] * N_SMALL, ramp(N_SMALL, 0.5, 0.0), ramp(N_SMALL, 0.001, -0.5)
    big, big_b = ramp(N_REDUCE, 1e-6, -0.25), ramp(N_REDUCE, -1e-6, 0.75)
    ones = [1.0 + ((i % 7) - 3) * 1e-7 for i in range(N_REDUCE)]
    falses, trues = [False] * N_REDUCE, [True] * N_REDUCE
    ints = [(i * 7919) % 1000003 - 500000 for i in range(N_REDUCE)]
    # plain Python has no float32: the loop runs on a list of doubles
    x4 = ramp(N_AUDIO, 1.0 / N_AUDIO, -0.5)
    out4 = [0.0] * N_AUDIO
    x5, y5 = ramp(N_FIELD, 2.0 / N_FIELD, -1.0), ramp(N_FIELD, -1.0 / N_FIELD, 0.5)
    pi = math.pi

    def w1():
        a, b = a1, b1
        for r in range(REPS):
            c = [0.0] * len(a)
            for i in range(len(a)):
                c[i] = a[i] + b[i]
            a = c
        return a

    def w2():
        a, b, c = a2, b2, c2
        for r in range(REPS):
            for i in range(len(a)):
                a[i] = b[i] + c[i] * 3.14

    def w3_sum():
        s = 0.0
        for v in big:
            s += v
        return s

    def w3_prod():
        p = 1.0
        for v in ones:
            p *= v
        return p

    def w3_min():
        m = math.inf
        for v in big:
            if v < m:
                m = v
        return m

    def w3_max():
        m = -math.inf
        for v in big:
            if v > m:
                m = v
        return m

    def w3_any():
        for v in falses:
            if v:
                return True
        return False

    def w3_all():
        for v in trues:
            if not v:
                return False
        return True

    def w3_dot():
        s = 0.0
        for i in range(len(big)):
            s += big[i] * big_b[i]
        return s

    def w3_int_sum():
        s = 0
        for i in range(len(ints)):
            s = s + ints[i]
        return s

    def w3_int_min():
        m = ints[0]
        for i in range(len(ints)):
            m = min(m, ints[i])
        return m

    def w3_int_max():
        m = ints[0]
        for i in range(len(ints)):
            m = max(m, ints[i])
        return m

    def w4():
        x, out = x4, out4
        for r in range(4):
            for i in range(len(x)):
                out[i] = ((x[i] * 0.5 + 1) * 2) - 0.5

    def w5():
        out = [0.0] * N_FIELD
        for i in range(N_FIELD):
            out[i] = math.sin(x5[i] * pi) * math.cos(y5[i] * pi)
        return out

    return [("w1_add", w1, N_SMALL * REPS), ("w2_madd_loop", w2, N_SMALL * REPS),
            ("w3_sum", w3_sum, N_REDUCE), ("w3_prod", w3_prod, N_REDUCE),
            ("w3_min", w3_min, N_REDUCE), ("w3_max", w3_max, N_REDUCE),
            ("w3_any", w3_any, N_REDUCE), ("w3_all", w3_all, N_REDUCE),
            ("w3_dot", w3_dot, N_REDUCE), ("w3_int_sum", w3_int_sum, N_REDUCE),
            ("w3_int_min", w3_int_min, N_REDUCE), ("w3_int_max", w3_int_max, N_REDUCE),
            ("w4_audio_loop", w4, N_AUDIO * 4), ("w5_field", w5, N_FIELD)]


# ---- NumPy: the idiomatic whole-array spelling of each workload ----

def numpy_workloads(np):
    def r(n, scale, offset):
        return np.arange(n) * scale + offset

    a1, b1 = r(N_SMALL, 0.5, 0.0), r(N_SMALL, 0.25, 1.0)
    a2, b2, c2 = np.zeros(N_SMALL), r(N_SMALL, 0.5, 0.0), r(N_SMALL, 0.001, -0.5)
    big, big_b = r(N_REDUCE, 1e-6, -0.25), r(N_REDUCE, -1e-6, 0.75)
    ints = (np.arange(N_REDUCE, dtype=np.int64) * 7919) % 1000003 - 500000
    ones = 1.0 + ((np.arange(N_REDUCE) % 7) - 3) * 1e-7
    falses, trues = np.zeros(N_REDUCE, bool), np.ones(N_REDUCE, bool)
    x4 = (np.arange(N_AUDIO) * (1.0 / N_AUDIO) - 0.5).astype(np.float32)
    x5, y5 = r(N_FIELD, 2.0 / N_FIELD, -1.0), r(N_FIELD, -1.0 / N_FIELD, 0.5)
    pi = np.pi

    def w1():
        a, b = a1, b1
        for _ in range(REPS):
            a = a + b
        return a

    def w2():
        for _ in range(REPS):
            a2[:] = b2 + c2 * 3.14

    def w4():
        for _ in range(4):
            out = ((x4 * 0.5 + 1) * 2) - 0.5
        return out

    return [("w1_add", w1, N_SMALL * REPS), ("w2_madd_loop", w2, N_SMALL * REPS),
            ("w3_sum", lambda: np.sum(big), N_REDUCE), ("w3_prod", lambda: np.prod(ones), N_REDUCE),
            ("w3_min", lambda: np.min(big), N_REDUCE), ("w3_max", lambda: np.max(big), N_REDUCE),
            ("w3_any", lambda: np.any(falses), N_REDUCE), ("w3_all", lambda: np.all(trues), N_REDUCE),
            ("w3_dot", lambda: np.dot(big, big_b), N_REDUCE), ("w3_int_sum", lambda: np.sum(ints), N_REDUCE),
            ("w3_int_min", lambda: np.min(ints), N_REDUCE), ("w3_int_max", lambda: np.max(ints), N_REDUCE),
            ("w4_audio_loop", w4, N_AUDIO * 4), ("w5_field", lambda: np.sin(x5 * pi) * np.cos(y5 * pi), N_FIELD)]


def main():
    args = sys.argv[1:]
    quick = "--quick" in args
    impl = args[args.index("--impl") + 1] if "--impl" in args else "all"
    label = args[args.index("--label") + 1] if "--label" in args else (
        "pypy" if sys.implementation.name == "pypy" else "cpython")
    repeats, min_time = (2, 0.05) if quick else (5, 0.3)
    suites = []
    if impl in ("plain", "all"):
        suites.append((label, plain_workloads()))
    if impl in ("numpy", "all"):
        try:
            import numpy
            suites.append(("numpy", numpy_workloads(numpy)))
        except ImportError:
            pass
    for name, workloads in suites:
        for wname, fn, elems in workloads:
            ns = timeit(fn, elems, repeats, min_time)
            print(json.dumps({"impl": name, "workload": wname, "ns_per_elem": ns}), flush=True)


if __name__ == "__main__":
    main()
