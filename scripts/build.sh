#!/usr/bin/env bash
# Sets up and builds inxpect: Debian packages, then CMake + Ninja into build/.
# Usage: scripts/build.sh [demo|test|bench]  (what the packages are for;
# default: everything, see scripts/install-deps.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/install-deps.sh" "$@"
echo "build: configuring and building into build/ (the first build takes a few minutes)"
cmake -S "$root" -B "$root/build" -G Ninja --log-level=WARNING
# Ninja's [done/total] lines are the progress: one line redrawn on a terminal.
ninja -C "$root/build"
