#!/usr/bin/env bash
# The demo: instrument an XDP program, build it, load it through the verifier,
# replay synthetic traffic through it and print the per-section profile.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/bin"

"$root/scripts/build.sh"
if [ "$(id -u)" -ne 0 ]; then
  echo "demo: run as root (sudo scripts/demo.sh): loading a BPF program needs it" >&2
  exit 1
fi
work=$(mktemp -d /tmp/inxpect-demo.XXXXXX)

echo
echo "== 1. Instrument examples/cms.c (a count-min sketch): one section per chosen function"
"$bin/inxpect-instrument" --per-function --functions 'xdp_cms|parse_flow|cms_update|jhash_key' \
  "$root/examples/cms.c" -o "$work/cms.inxpect.c" --manifest "$work/cms.inxpect.json"
grep -n "INXPECT_" "$work/cms.inxpect.c" | head -n 6

echo
echo "== 2. Compile the instrumented source for BPF"
clang-19 -target bpf -O2 -g -I "/usr/include/$(gcc -print-multiarch)" -I "$root/runtime/bpf" \
  -c "$work/cms.inxpect.c" -o "$work/cms.o"
echo "$work/cms.o"

echo
echo "== 3. Load it, replay 100000 synthetic packets through it, print the profile"
"$bin/inxpect-run" replay "$work/cms.o" --manifest "$work/cms.inxpect.json" --synthetic 100000
echo
echo "(files in $work)"
