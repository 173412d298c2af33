#!/usr/bin/env bash
# bench/build_example_variants.sh WORK_DIR EXAMPLE [CLANG_FLAG...]
# Builds the variants of examples/EXAMPLE.c the dynamic benchmarks time, all
# from bench/bpf/example_entry.c (its comment says how), into WORK_DIR:
#   EXAMPLE.bare.o       the example
#   EXAMPLE.floor.o      the example with two counter reads and an add, by hand
#   EXAMPLE.floor-fenced.o  the same, its kfunc reads fenced (BENCH_COUNTER_ARG)
#   EXAMPLE.entry.o      inxpect-instrument --per-function --functions xdp_EXAMPLE
#                        (the entry function and the annotated regions)
#   EXAMPLE.all.o        inxpect-instrument --per-function (every function)
#   EXAMPLE.loops.o      the entry function, the regions and every loop (--per-loop)
#   EXAMPLE.both.o       every function and every loop (--per-function --per-loop)
#   EXAMPLE.null.o       bench/bpf/null_work.c in the example's place: what
#                        is around the example (the test-run loop, the restore)
#   EXAMPLE.null-push.o  the same pushing BENCH_PUSH bytes of header first
# BENCH_VARIANTS (default "bare floor entry all") names the ones to build;
# BENCH_PUSH (bytes) is for null-push. Extra CLANG_FLAGs go to every build
# (-DBENCH_RESTORE, -DINXPECT_STATS_LAYOUT=...).
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
instrumented() { # NAME MODE_FLAG... -- CLANG_FLAG...: instruments, then compiles
  local name=$1 modes=()
  shift
  while [ "$1" != -- ]; do modes+=("$1"); shift; done
  shift
  "$bin/inxpect-instrument" "${modes[@]}" "$root/examples/$example.c" \
    -o "$work/$example.$name.inxpect.c" --manifest "$work/$example.$name.inxpect.json" \
    -- -target bpf -O2 -g -I"$multiarch" -I"$root/examples" >/dev/null
  compile "$work/$example.$name.inxpect.c" "$work/$example.$name.o" "$@"
}

for variant in ${BENCH_VARIANTS:-bare floor entry all}; do
  case $variant in
    bare) compile "$root/examples/$example.c" "$work/$example.bare.o" "$@" ;;
    floor) compile "$root/examples/$example.c" "$work/$example.floor.o" -DBENCH_FLOOR "$@" ;;
    floor-fenced)
      compile "$root/examples/$example.c" "$work/$example.floor-fenced.o" -DBENCH_FLOOR \
        -DBENCH_COUNTER_ARG=0x10000 "$@" ;;
    entry) instrumented entry --per-function --functions "$entry" -- "$@" ;;
    all) instrumented all --per-function -- "$@" ;;
    loops) instrumented loops --per-function --functions "$entry" --per-loop -- "$@" ;;
    both) instrumented both --per-function --per-loop -- "$@" ;;
    null) compile "$root/bench/bpf/null_work.c" "$work/$example.null.o" "$@" ;;
    null-push)
      compile "$root/bench/bpf/null_work.c" "$work/$example.null-push.o" \
        -DBENCH_PUSH="${BENCH_PUSH:?null-push needs BENCH_PUSH, the bytes to push}" "$@" ;;
    *) echo "build_example_variants: unknown variant $variant" >&2; exit 2 ;;
  esac
done
