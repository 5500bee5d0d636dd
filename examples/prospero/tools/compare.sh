#!/usr/bin/env bash
# Prospero against NumPy's reference in one run: NumPy (benchmarks/python/prospero_numpy.py); the
# per-pixel kernel in vec mode, compiled synchronously (first run = recording + compilation + run,
# the compile time as --jit-stats counts it; later runs = machine code); render.vl in vec mode;
# NumPy again. Every image is checked against the golden PGM.
#   examples/prospero/tools/compare.sh [size] [dtype] [runs]      (default 1024 float32 4)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${VECL_SHARED:-$root/../shared}"
n="${1:-1024}"; dtype="${2:-float32}"; runs="${3:-4}"
vm="$shared/data/prospero.vm"; golden="$shared/data/prospero/prospero-$n-$dtype.pgm"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
ms() { sed -n 's/.*eval_ms \([0-9]*\).*/\1/p' | head -1; }
same() { if cmp -s "$1" "$golden"; then echo identical; else echo DIFFERENT; fi; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%FT%TZ)"
np1=$(python3 "$root/benchmarks/python/prospero_numpy.py" "$vm" "$n" "$dtype" "$tmp/np.pgm" | ms)
echo "numpy reference            ${np1} ms   $(same "$tmp/np.pgm")"
"$root/vecl" "$here/perpixel.vl" "$vm" "$n" "$dtype" > "$tmp/kernel.vl"
out=$("$root/vecl" --jit=vec --engine.BackgroundCompilation=false --jit-stats "$tmp/kernel.vl" "$tmp/pp.pgm" "$runs" 2>"$tmp/pp.err")
first=$(echo "$out" | ms); later=$(echo "$out" | sed -n 's/^then_ms //p')
best=$(echo "$later" | tr ' ' '\n' | sort -n | head -1)
echo "vecl per-pixel, first run  ${first} ms   (recording, compilation, run) $(same "$tmp/pp.pgm")"
echo "vecl per-pixel, later runs ${later} ms   (best ${best})"
grep -m1 "compile time" "$tmp/pp.err" | sed 's/^/  /'
rv=$("$root/vecl" --jit=vec "$here/render.vl" "$vm" "$n" "$dtype" "$tmp/r.pgm" | ms)
echo "vecl render.vl             ${rv} ms   $(same "$tmp/r.pgm")"
np2=$(python3 "$root/benchmarks/python/prospero_numpy.py" "$vm" "$n" "$dtype" | ms)
echo "numpy reference again      ${np2} ms"
npbest=$(( np1 < np2 ? np1 : np2 ))
awk -v np="$npbest" -v pp="$best" -v rv="$rv" 'BEGIN {
  printf "ratios against the faster NumPy run (%d ms): per-pixel (best later run) %.1fx faster, render.vl %.2fx %s\n",
    np, np / pp, (rv > np ? rv / np : np / rv), (rv > np ? "slower" : "faster") }'
