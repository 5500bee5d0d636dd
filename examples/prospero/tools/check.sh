#!/usr/bin/env bash
# Checks render.vl and perpixel.vl against the golden PGMs, running them as Python through
# benchmarks/python/vlshim.py (CPython + NumPy), or with the real VecL when RUNNER=vecl.
#   examples/prospero/tools/check.sh [sizes...]     (default 256; prospero per-pixel is skipped
#                                                   under the shim: ~2 min per image)
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${VECL_SHARED:-$root/../shared}"
if [ "${RUNNER:-shim}" = vecl ]; then run=("$root/vecl"); else run=(python3 "$root/benchmarks/python/vlshim.py"); fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # name golden
    if cmp -s "$tmp/out.pgm" "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}
for n in "${@:-256}"; do
  for d in float32 float64; do
    for m in hi quarter; do
      [ "$n" = 256 ] || continue
      "${run[@]}" "$here/render.vl" "$shared/data/models/$m.vm" "$n" "$d" "$tmp/out.pgm" > /dev/null
      check "render.vl $m $n $d" "$shared/data/models/$m-$n-$d.pgm"
      "${run[@]}" "$here/perpixel.vl" "$shared/data/models/$m.vm" "$n" "$d" > "$tmp/k.vl"
      "${run[@]}" "$tmp/k.vl" "$tmp/out.pgm" > /dev/null
      check "perpixel.vl $m $n $d" "$shared/data/models/$m-$n-$d.pgm"
    done
    "${run[@]}" "$here/render.vl" "$shared/data/prospero.vm" "$n" "$d" "$tmp/out.pgm"
    check "render.vl prospero $n $d" "$shared/data/prospero/prospero-$n-$d.pgm"
  done
done
exit $fail
