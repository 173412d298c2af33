#!/usr/bin/env bash
# Instruments SOURCE with the build's inxpect-instrument (--per-function and
# any more FLAGs) and compiles the rewrite with clang-19, the source's own
# directory on the include path: writes OUT.inxpect.c, OUT.json (the
# manifest) and OUT.o, the object a VM test's guest loads.
#   instrumented-object.sh BUILD_DIR SOURCE OUT [FLAG...]   (fails with a sentence on stderr)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$1 source=$2 out=$3
shift 3
flags=(-target bpf -O2 -g -I "/usr/include/$(gcc -print-multiarch)" -I "$(dirname "$source")")
"$build/bin/inxpect-instrument" --per-function "$@" "$source" -o "$out.inxpect.c" \
  --manifest "$out.json" -- "${flags[@]}" > "$out.instrument.log" 2>&1 ||
  { echo "cannot instrument $source (see $out.instrument.log)" >&2; exit 1; }
clang-19 "${flags[@]}" -I "$root/runtime/bpf" -c "$out.inxpect.c" -o "$out.o" ||
  { echo "cannot compile $out.inxpect.c" >&2; exit 1; }
