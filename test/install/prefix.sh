#!/usr/bin/env bash
# install.prefix: `cmake --install` into a scratch prefix installs exactly
# expected-files.txt, and the installed tools alone (no INXPECT_RUNTIME_DIR,
# nothing from the source tree) instrument, build and replay examples/drop.c.
#   prefix.sh BUILD_DIR SOURCE_DIR   (root: the replay loads BPF)
set -euo pipefail
build=$1 source=$2
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "install.prefix: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "needs root (inxpect-run replay loads BPF)"
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" || fail "cmake --install failed"
(cd "$prefix" && find . -type f -o -type l | sed "s|^\./||" | LC_ALL=C sort) > "$tmp/installed.txt"
diff -u "$here/expected-files.txt" "$tmp/installed.txt" || fail "the installed tree differs from expected-files.txt"

unset INXPECT_RUNTIME_DIR
mkdir "$tmp/work" && cp "$source/examples/drop.c" "$tmp/work/"
# drop.c with its own #include "inxpect.h": inxpect-instrument parses it only
# if it finds the installed header.
sed 's|#include <bpf/bpf_helpers.h>|&\n#include "inxpect.h"|' "$tmp/work/drop.c" > "$tmp/work/own_include.c"
# The source and build trees hidden (an empty tmpfs over each, in a mount
# namespace of this test's own): the tools must do without them.
unshare --mount --propagation private bash -euo pipefail -s "$source" "$build" "$prefix" "$tmp/work" <<'HIDDEN' ||
mount -t tmpfs hidden "$1" && { [ -d "$2/bin" ] && mount -t tmpfs hidden "$2" || true; }
prefix=$3 && cd "$4"
for program in drop own_include; do
  "$prefix/bin/inxpect-instrument" --per-function $program.c
  clang-19 -target bpf -O2 -g -I "$prefix/include/inxpect" -I "/usr/include/$(uname -m)-linux-gnu" \
    -c $program.inxpect.c -o $program.o
done
"$prefix/bin/inxpect-run" replay drop.o --synthetic 100 > replay.txt
HIDDEN
  fail "the installed tools could not instrument, build and replay drop.c without the source tree"
cd "$tmp/work"
cat replay.txt
grep -q "runs: 100 (100 packets x 1 pass)" replay.txt || fail "not 100 runs"
grep -q "XDP_DROP 100," replay.txt || fail "not 100 drops"
[ "$(awk '$2 == "xdp_drop" && $3 == "function" { print $4 }' replay.txt)" = 100 ] ||
  fail "section xdp_drop was not entered 100 times"
echo "install.prefix: PASS"
