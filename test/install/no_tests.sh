#!/usr/bin/env bash
# install.no_tests: with -DINXPECT_TESTS=OFF the project configures with
# GoogleTest out of reach, and its build has the tools and no test target.
#   no_tests.sh SOURCE_DIR
set -euo pipefail
source=$1
fail() { echo "install.no_tests: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

cmake -S "$source" -B "$tmp/build" -G Ninja --log-level=WARNING -DINXPECT_TESTS=OFF \
  -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON > "$tmp/configure.log" 2>&1 ||
  { cat "$tmp/configure.log" >&2; fail "does not configure without GoogleTest"; }
targets=$(ninja -C "$tmp/build" -t targets all)
for tool in bin/inxpect-instrument bin/inxpect-run; do
  grep -q "^$tool:" <<< "$targets" || fail "no target $tool"
done
! grep -q "inxpect-unit-tests\|inxpect-e2e-tests" <<< "$targets" || fail "the test binaries are still built"
! grep -qi "gtest" "$tmp/build/build.ninja" || fail "the build still links GoogleTest"
ninja -C "$tmp/build" -n inxpect-instrument inxpect-run > /dev/null || fail "cannot plan the tools' build"
echo "install.no_tests: PASS"
