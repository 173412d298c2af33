#!/usr/bin/env bash
# bench/accuracy.sh OUT_DIR IMG_DIR (as root): how close the corrected
# figures come to the program's own cost (issue 12, item 7). For each
# example in each mode (annotations, functions, loops, both), the entry
# function's corrected inclusive cost against the bare build's own cost on
# the same packet in the same interleaved run, and the sum of every
# section's self cost against the entry's inclusive cost; on this host (the
# clock, ns) and in a QEMU guest under -icount (bench/guest_driver.sh:
# instructions). Driver: bench/accuracy.cpp; page: bench/accuracy_page.py.
# Writes OUT_DIR/accuracy.{json,md,targets.tsv}; no plot.
# Run-time size: BENCH_ACCURACY_ROUNDS (default 9), BENCH_ACCURACY_REPEAT
# (default 100000), BENCH_ACCURACY_GUEST_ROUNDS (3), BENCH_ACCURACY_GUEST_REPEAT (2000).
#
# OUT_DIR/accuracy.json: { "host": RUN, "guest": RUN plus "vm" (bench/guest_driver.sh),
#   "figures": { "host": [...], "guest": [...] } (medians a mode, bench/accuracy_page.py) }
# RUN (written by inxpect-bench-accuracy):
# { "step": "accuracy", "repeat": R, "rounds": N, "cpu": the CPU it ran on,
#   "calibrate": "call" (around each instrumented call) | "round" (around each round),
#   "counter": "clock" | "kfunc", "event": {"name", "unit"}, "packet": "...",
#   "examples": [ { "name": "tunnel", "restored": true, "pushed": true,
#       "maps": "...", "entry": "xdp_tunnel",
#       "baseline": { "null": [ns a run, one a round], "bare": [...],
#                     "null-push": [...] (pushed examples only) },
#       "modes": [ { "name": "annotations" | "functions" | "loops" | "both",
#           "sections": N, "rounds": [ { "ns": ns a run of the instrumented build,
#               "raw": the entry's mean reading, "inclusive": its corrected
#               inclusive mean, "uncertain": bool, "self_sum": every section's
#               self cost a run, "self_uncertain": bool, "self_clamped": entries a
#               run whose self cost was clamped at 0, "nested_per_entry",
#               "own", "own_spread", "nested_cost", "nested_spread" (the
#               calibration around the round) } ] } ] } ] }
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
bin=${INXPECT_BUILD_DIR:-$root/build}/bin
work=$out/accuracy
examples=(drop cms nat router tunnel)
# The examples that change the packet: their builds put it back after each run.
restored=(nat router tunnel)
# tunnel pushes an outer IPv4 header (20 bytes) that the restore pops again.
pushed=(tunnel)

rm -rf "$work"
for example in "${examples[@]}"; do
  flags=() variants="null bare entry all loops both"
  [[ " ${restored[*]} " == *" $example "* ]] && flags=(-DBENCH_RESTORE)
  [[ " ${pushed[*]} " == *" $example "* ]] && variants+=" null-push"
  BENCH_VARIANTS=$variants BENCH_PUSH=20 \
    "$root/bench/build_example_variants.sh" "$work" "$example" "${flags[@]}"
done

lists=(--restored "$(IFS=,; echo "${restored[*]}")" --pushed "$(IFS=,; echo "${pushed[*]}")")
"$bin/inxpect-bench-accuracy" --objects "$work" --rounds "${BENCH_ACCURACY_ROUNDS:-9}" \
  --repeat "${BENCH_ACCURACY_REPEAT:-100000}" "${lists[@]}" "${examples[@]}" >"$work/host.json"
# Instruction counts do not vary: a few short rounds, calibrated once a
# round (each calibration loads an object, slow under emulation).
"$root/bench/guest_driver.sh" "$bin/inxpect-bench-accuracy" "$work" "$work/guest.json" \
  --objects /objects --calibrate round --rounds "${BENCH_ACCURACY_GUEST_ROUNDS:-3}" \
  --repeat "${BENCH_ACCURACY_GUEST_REPEAT:-2000}" "${lists[@]}" "${examples[@]}"
/usr/bin/python3 "$root/bench/accuracy_page.py" "$out" "$work/host.json" "$work/guest.json"
