#!/usr/bin/env bash
# bench/build_example_variants.sh WORK_DIR EXAMPLE [CLANG_FLAG...]
# Builds the variants of examples/EXAMPLE.c the dynamic benchmarks time, all
# from bench/bpf/example_entry.c (its comment says how), into WORK_DIR:
#   EXAMPLE.bare.o   the example
#   EXAMPLE.floor.o  the example with two counter reads and an add, by hand
#   EXAMPLE.entry.o  inxpect-instrument --per-function --functions xdp_EXAMPLE
#   EXAMPLE.all.o    inxpect-instrument --per-function (every function)
# Extra CLANG_FLAGs go to every build (-DBENCH_RESTORE, -DINXPECT_STATS_LAYOUT=...).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$1 example=$2
shift 2
bin=${INXPECT_BUILD_DIR:-$root/build}/bin
clang=/usr/lib/llvm-19/bin/clang
multiarch=/usr/include/$(gcc -print-multiarch)
mkdir -p "$work"

# The example's entry function becomes bench_work, inlined into bench_entry.
entry="xdp_$example"
compile() { # SOURCE OBJECT [FLAG...]
  local source=$1 object=$2
  shift 2
  "$clang" -target bpf -O2 -g -Wall -Werror -I"$multiarch" -I"$root/runtime/bpf" \
    -I"$root/examples" -I"$root/bench/bpf" -DBENCH_SOURCE="\"$source\"" \
    "-D$entry=__attribute__((always_inline)) bench_work" "$@" \
    -c "$root/bench/bpf/example_entry.c" -o "$object"
}
instrument() { # NAME [FLAG...]
  local name=$1
  shift
  "$bin/inxpect-instrument" --per-function "$@" "$root/examples/$example.c" \
    -o "$work/$example.$name.inxpect.c" --manifest "$work/$example.$name.inxpect.json" \
    -- -target bpf -O2 -g -I"$multiarch" -I"$root/examples" >/dev/null
}

compile "$root/examples/$example.c" "$work/$example.bare.o" "$@"
compile "$root/examples/$example.c" "$work/$example.floor.o" -DBENCH_FLOOR "$@"
instrument entry --functions "$entry"
compile "$work/$example.entry.inxpect.c" "$work/$example.entry.o" "$@"
instrument all
compile "$work/$example.all.inxpect.c" "$work/$example.all.o" "$@"
