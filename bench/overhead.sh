#!/usr/bin/env bash
# bench/overhead.sh OUT_DIR IMG_DIR (as root): what profiling adds to each
# example under BPF_PROG_TEST_RUN: bare, the floor (two counter reads and an
# add by hand), fentry/fexit, and inxpect (one section, every function)
# sampling 1 run in 1, 2, ..., 1024; one interleaved run, medians of rounds.
# When this kernel refuses tracing programs, fentry/fexit against inxpect
# (bare, floor, fentry-fexit, entry@1, entry@16) is measured again in a QEMU
# guest running Debian's 6.1 kernel (bench/overhead_guest.sh), and there
# bare, floor and entry once more with the inxpect kernel module loaded: the
# probes and the floor reading its TSC through bpf_inxpect_read, unfenced and
# fenced.
# Writes OUT_DIR/overhead.{json,md,targets.tsv} and IMG_DIR/overhead-sampling.png.
# Run-time size: BENCH_OVERHEAD_ROUNDS (default 9), BENCH_GUEST_ROUNDS (default 3),
# BENCH_REPEAT (default 1000000).
#
# OUT_DIR/overhead.json (written by inxpect-bench-overhead, "guest" added by
# bench/overhead_page.py):
# { "step": "overhead", "repeat": R, "rounds": N, "periods": [1, 2, ..., 1024],
#   "counter": "clock" | "kfunc", "fenced": false (true: the driver's --fenced),
#   "packet": "what every example is fed",
#   "examples": [ { "name": "router", "restored": true (packet put back after each run),
#       "maps": "what its maps were filled with", "sections_all": 3, "sections_entry": 1,
#       "sections_entry_on": 1, "fentry_fexit_error": "" (why fentry/fexit was not measured),
#       "checks": { (one for each kind timed)
#                   "floor": {"count", "runs", "reported_ns"},
#                   "fentry-fexit": {"count", "runs", "reported_ns"},
#                   "entry": {"runs", "counted_runs"}, "all": {"runs", "counted_runs"} },
#       "variants": [ { "name": "bare" | "floor" | "fentry-fexit" | "entry@N" | "all@N",
#           "kind": "bare" | "floor" | "fentry-fexit" | "entry" | "all",
#           "sample_every": N or null, "ns": [ns a packet, one a round (thread CPU time / repeat)],
#           "kernel_ns": [the kernel's duration, whole ns, one a round], "median_ns": median of ns } ] } ],
#   "guest": null, or the same object from the guest's run (only the kinds
#       timed there; sections_all null), plus "vm": { "kernel", "qemu",
#       "clocksource", "tsc_mhz", "icount_shift" } (bench/overhead_guest.sh);
#       its variants also hold those of the guest's runs with the kernel
#       module loaded (bench/overhead_kfunc.py): "bare+kfunc", "floor+kfunc",
#       "entry@1+kfunc", "entry@16+kfunc", the same "...+kfunc-fenced", each
#       with the fields above (kind unchanged) plus "counter": "kfunc" and
#       "fenced": bool; a run's bare is the baseline of its overheads; its
#       checks also hold "floor+kfunc", "entry+kfunc", and the same +kfunc-fenced }
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd)
img=$(mkdir -p "$2" && cd "$2" && pwd)
bin=${INXPECT_BUILD_DIR:-$root/build}/bin
work=$out/overhead
examples=(drop cms nat router tunnel)
# The examples that change the packet: their builds put it back after each run.
restored=(nat router tunnel)

rm -rf "$work"
for example in "${examples[@]}"; do
  flags=()
  [[ " ${restored[*]} " == *" $example "* ]] && flags=(-DBENCH_RESTORE)
  BENCH_VARIANTS="bare floor floor-fenced entry all" \
    "$root/bench/build_example_variants.sh" "$work" "$example" "${flags[@]}"
done
/usr/lib/llvm-19/bin/clang -target bpf -O2 -g -Wall -Werror -I"/usr/include/$(gcc -print-multiarch)" \
  -c "$root/bench/bpf/fentry_fexit.bpf.c" -o "$work/fentry_fexit.o"

# Every run, here and in the guest, times every example.
common=(--repeat "${BENCH_REPEAT:-1000000}" --restored "$(IFS=,; echo "${restored[*]}")" "${examples[@]}")
"$bin/inxpect-bench-overhead" --objects "$work" --fentry "$work/fentry_fexit.o" \
  --rounds "${BENCH_OVERHEAD_ROUNDS:-9}" "${common[@]}" >"$work/native.json"
guest=()
# The driver says why when this kernel refused fentry/fexit (the error is
# the same for every example): then the comparison runs in a guest.
if grep -q '"fentry_fexit_error": "[^"]' "$work/native.json"; then
  echo "overhead: this kernel refuses tracing programs: fentry/fexit against inxpect in a QEMU guest" >&2
  "$root/bench/overhead_guest.sh" "$work" "$work/guest.json" --rounds "${BENCH_GUEST_ROUNDS:-3}" \
    --kinds bare,floor,fentry-fexit,entry --periods 1,16 "${common[@]}"
  guest=("$work/guest.json")
fi
# Debian's python3, where python3-matplotlib is installed.
/usr/bin/python3 "$root/bench/overhead_page.py" "$out" "$img" "$work/native.json" "${guest[@]}"
