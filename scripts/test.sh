#!/usr/bin/env bash
# Runs every test: unit (googletest), the rewrite rules (lit + FileCheck) and
# end to end (root: BPF load, verifier, BPF_PROG_TEST_RUN) and the kernel
# module in a QEMU guest (test/vm: downloads Debian's kernel once into build/). CI runs this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/build.sh" test
if [ "$(id -u)" -ne 0 ]; then
  echo "test: not root: the end-to-end tests load BPF programs and will be skipped" \
       "(in CI, where CI=true, they fail instead)" >&2
fi
cd "$root/build"
ctest --output-on-failure
