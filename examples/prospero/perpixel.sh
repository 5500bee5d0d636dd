#!/usr/bin/env bash
# Per-pixel Prospero in one command: generate the kernel with perpixel.vl, then run it.
#   examples/prospero/perpixel.sh <file.vm> <size> <float32|float64> [out.pgm] [vecl options...]
# VECL selects the vecl command (default: the repository's ./vecl); options after out.pgm
# (e.g. --jit=vec) are passed to both runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vecl="${VECL:-$here/../../vecl}"
vm="$1"; size="$2"; dtype="$3"; out="${4:-out.pgm}"
shift 3; [ $# -gt 0 ] && shift
kernel="$(mktemp --suffix=.vl)"
trap 'rm -f "$kernel"' EXIT
"$vecl" "$@" "$here/perpixel.vl" "$vm" "$size" "$dtype" > "$kernel"
"$vecl" "$@" "$kernel" "$out"
