#!/usr/bin/env bash
# Sets up and builds inxpect: Debian packages, then CMake + Ninja into build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja --log-level=WARNING
ninja -C "$root/build" --quiet 2>/dev/null || ninja -C "$root/build"
