#!/usr/bin/env bash
# bench/layouts.sh OUT_DIR IMG_DIR (as root): the three layouts of inxpect's
# statistics (INXPECT_STATS_LAYOUT: CPU slots, the default; one global slot
# with atomics; a per-CPU map) with both CPUs running the same instrumented
# program at once, every function a section, every run sampled; one
# interleaved run, medians of rounds.
# Writes OUT_DIR/layouts.{json,md,targets.tsv} and IMG_DIR/layouts.png.
# Run-time size: BENCH_LAYOUTS_ROUNDS (default 11), BENCH_REPEAT (default 1000000).
#
# OUT_DIR/layouts.json (written by inxpect-bench-layouts):
# { "step": "layouts", "repeat": R, "rounds": N, "cpus": 2, "counter": "clock" | "kfunc",
#   "packet": "what every example is fed",
#   "examples": [ { "name": "drop",
#       "variants": [ { "name": "bare" | "cpu-slots" | "global" | "percpu-map",
#           "ns": [[CPU 0, CPU 1] ns a packet, one pair a round],
#           "mean_ns": [the two CPUs' mean, one a round], "median_ns": median of mean_ns,
#           "sections", "runs", "counted_runs" (instrumented variants: runs given and counted) } ] } ] }
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
img=$(mkdir -p "$2" && cd "$2" && pwd)
bin=${INXPECT_BUILD_DIR:-$root/build}/bin
work=$out/layouts
# drop: the probes are nearly all the work; nat: five sections a packet.
examples=(drop nat)
declare -A layout_flag=([cpu-slots]=INXPECT_STATS_CPU_SLOTS [global]=INXPECT_STATS_GLOBAL
                        [percpu-map]=INXPECT_STATS_PERCPU_MAP)

rm -rf "$work"
args=()
for example in "${examples[@]}"; do
  flags=()
  [ "$example" = nat ] && flags=(-DBENCH_RESTORE) # see bench/bpf/example_entry.c
  args+=(--example "$example")
  for layout in cpu-slots global percpu-map; do
    "$root/bench/build_example_variants.sh" "$work/$layout" "$example" "${flags[@]}" \
      "-DINXPECT_STATS_LAYOUT=${layout_flag[$layout]}"
    [ "$layout" = cpu-slots ] && args+=("bare=$work/$layout/$example.bare.o")
    args+=("$layout=$work/$layout/$example.all.o")
  done
done

"$bin/inxpect-bench-layouts" --rounds "${BENCH_LAYOUTS_ROUNDS:-11}" --repeat "${BENCH_REPEAT:-1000000}" \
  "${args[@]}" >"$out/layouts.json"
# Debian's python3, where python3-matplotlib is installed.
/usr/bin/python3 "$root/bench/layouts_page.py" "$out" "$img"
