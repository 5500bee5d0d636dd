#!/usr/bin/env python3
"""Prospero's NumPy reference, for timing against VecL in the same run.

The challenge's reference program evaluates each line of the .vm file as one NumPy operation over
the whole grid. This version does the same and, like examples/prospero/render.vl, drops each
value after its last use (the original keeps every array: tens of GB at 1024x1024) and can
compute in float32. Prints the eval time; writes the PGM when given a path.

    python3 benchmarks/python/prospero_numpy.py ../shared/data/prospero.vm 1024 float32 [out.pgm]
"""
import sys
import time

import numpy as np


def main(argv):
    path, n = argv[0], int(argv[1])
    dtype = np.dtype(argv[2] if len(argv) > 2 else "float64")
    with open(path) as f:
        lines = [l.split() for l in f.read().strip().split("\n") if l and not l.startswith("#")]
    last = {}
    for k, parts in enumerate(lines):
        for a in parts[2:]:
            last[a] = k
    t0 = time.perf_counter()
    space = np.linspace(-1, 1, n).astype(dtype)
    x, y = np.meshgrid(space, -space)
    v = {}
    for k, (out, op, *args) in enumerate(lines):
        a = [v[i] for i in args] if op != "const" else None
        if op == "var-x":
            r = x
        elif op == "var-y":
            r = y
        elif op == "const":
            r = dtype.type(float(args[0]))
        elif op == "add":
            r = a[0] + a[1]
        elif op == "sub":
            r = a[0] - a[1]
        elif op == "mul":
            r = a[0] * a[1]
        elif op == "max":
            r = np.maximum(a[0], a[1])
        elif op == "min":
            r = np.minimum(a[0], a[1])
        elif op == "neg":
            r = -a[0]
        elif op == "square":
            r = a[0] * a[0]
        elif op == "sqrt":
            r = np.sqrt(a[0])
        else:
            raise ValueError("unknown op " + op)
        v[out] = r
        if op != "const":
            for i in set(args):
                if last[i] == k:
                    del v[i]
    image = v[lines[-1][0]] < 0
    t1 = time.perf_counter()
    if len(argv) > 3:
        with open(argv[3], "wb") as f:
            f.write(b"P5\n%d %d\n255\n" % (n, n))
            f.write(np.where(image, 255, 0).astype(np.uint8).tobytes())
    print("numpy prospero", len(lines), "ops", n, "x", n, dtype.name, "filled", int(image.sum()),
          "eval_ms", int((t1 - t0) * 1000))


if __name__ == "__main__":
    main(sys.argv[1:])
