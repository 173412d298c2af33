#!/usr/bin/env bash
# bench/run.sh [--only STEP,STEP...]: builds inxpect, runs every benchmark step
# and regenerates docs/benchmarks.md and docs/benchmarks/*.png from scratch.
# Needs root (the steps load BPF programs). --only runs the steps named and
# renders a partial page (for development); the default runs all of them.
#
# The contract every step keeps: `bench/<step>.sh OUT_DIR IMG_DIR` writes
#   OUT_DIR/<step>.json         raw results, schema at the top of the script
#   OUT_DIR/<step>.md           a markdown fragment starting with a "## " heading,
#                               plots referenced as benchmarks/<name>.png
#   IMG_DIR/<name>.png          those plots
#   OUT_DIR/<step>.targets.tsv  one line per target of the issue it measures:
#                               target TAB goal TAB result TAB met|missed TAB why
# bench/report.py assembles the page from them, in step order.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
steps=(overhead accuracy layouts probe_insns verifier reader instrumenter)
# Not build/bench: that is CMake's binary directory for bench/ (its
# cmake_install.cmake, which `cmake --install build` needs), and it is
# removed below.
out="$root/build/bench-results"
img="$root/docs/benchmarks"

only=""
case "${1:-}" in
  --only) only=${2:?"--only needs a comma-separated list of steps: ${steps[*]}"} ;;
  "") ;;
  *) echo "usage: bench/run.sh [--only STEP,STEP...]   steps: ${steps[*]}" >&2; exit 2 ;;
esac
if [ -n "$only" ]; then
  IFS=, read -r -a steps <<<"$only"
fi
for step in "${steps[@]}"; do
  [ -x "$root/bench/$step.sh" ] || { echo "run: no step bench/$step.sh" >&2; exit 1; }
done
if [ "$(id -u)" -ne 0 ]; then
  echo "run: the benchmarks load BPF programs: run as root (sudo bench/run.sh)" >&2
  exit 1
fi

start=$(date +%s)
"$root/scripts/build.sh" bench
if [ -z "$only" ]; then
  rm -rf "$out" "$img" # from scratch: nothing of an earlier run survives
else
  for step in "${steps[@]}"; do rm -f "$out/$step".*; done
fi
mkdir -p "$out" "$img"
for step in "${steps[@]}"; do
  echo "run: $step"
  step_start=$(date +%s)
  "$root/bench/$step.sh" "$out" "$img"
  echo "run: $step took $(( $(date +%s) - step_start )) s"
done
report_steps=()
[ -n "$only" ] && report_steps=(--steps "$only")
/usr/bin/python3 -B "$root/bench/report.py" "$out" "$root/docs/benchmarks.md" "${report_steps[@]}" \
  --elapsed "$(( $(date +%s) - start ))"
echo "run: wrote docs/benchmarks.md in $(( $(date +%s) - start )) s"
