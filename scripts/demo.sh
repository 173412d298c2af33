#!/usr/bin/env bash
# The demo, the paper's case study: instrument examples/cms.c (a count-min
# sketch) with its two annotated regions, build it with the Jenkins hash and
# with DJB2, replay the same synthetic traffic through both and compare the
# cost of the `update` region.
#
# Usage: scripts/demo.sh [--keep]   (--keep: leave the work files behind and say where)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
keep=0
case "${1:-}" in
  --keep) keep=1 ;;
  "") ;;
  *) echo "usage: scripts/demo.sh [--keep]" >&2; exit 2 ;;
esac
bin="$root/build/bin"
packets=100000

"$root/scripts/build.sh" demo
if [ "$(id -u)" -ne 0 ]; then
  echo "demo: run as root (sudo scripts/demo.sh): loading a BPF program needs it" >&2
  exit 1
fi
work=$(mktemp -d /tmp/inxpect-demo.XXXXXX)
# Removed at the end; kept, and named, with --keep or when a step fails.
finish() {
  local status=$?
  if [ "$keep" = 1 ] || [ "$status" != 0 ]; then
    echo "(files kept in $work)"
  else
    rm -rf "$work"
  fi
}
trap finish EXIT

echo
echo "== 1. Instrument examples/cms.c: its regions 'parse' and 'update' (// inxpect:region comments)"
"$bin/inxpect-instrument" "$root/examples/cms.c" -o "$work/cms.inxpect.c" --manifest "$work/cms.inxpect.json"
grep -n "INXPECT_SCOPE" "$work/cms.inxpect.c"

echo
echo "== 2. Build the rewrite twice: with the Jenkins hash, and with DJB2 (-DCMS_HASH_DJB2)"
for variant in jenkins djb2; do
  flags=()
  [ "$variant" = djb2 ] && flags=(-DCMS_HASH_DJB2)
  clang-19 -target bpf -O2 -g -I "/usr/include/$(gcc -print-multiarch)" -I "$root/runtime/bpf" \
    "${flags[@]}" -c "$work/cms.inxpect.c" -o "$work/cms-$variant.o"
  echo "$work/cms-$variant.o"
done

# A section's self cost an entry in a profile table, "id section kind count incl
# unit self unit" once the uncertain marks are set aside: the probes' own cost
# and that of the sections measured inside it taken out.
cost_of() { sed 's/ ?//g' "$1" | awk -v section="$2" '$2 == section { print $7, $8 }'; }

step=3
for variant in jenkins djb2; do
  echo
  echo "== $step. Replay $packets synthetic packets through the $variant build, print its profile"
  step=$((step + 1))
  "$bin/inxpect-run" replay "$work/cms-$variant.o" --manifest "$work/cms.inxpect.json" \
    --synthetic "$packets" | tee "$work/profile-$variant.txt"
done

echo
read -r jenkins unit < <(cost_of "$work/profile-jenkins.txt" update)
read -r djb2 _ < <(cost_of "$work/profile-djb2.txt" update)
awk -v j="$jenkins" -v d="$djb2" -v u="$unit" 'BEGIN {
  printf "== 5. The update region, its self cost an entry: Jenkins %s %s, DJB2 %s %s: DJB2 takes %.0f%% less\n", j, u, d, u, 100 * (j - d) / j
  print "(this machine'"'"'s times: they vary from run to run; the order is what holds)" }'
