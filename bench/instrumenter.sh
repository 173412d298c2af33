#!/usr/bin/env bash
# bench/instrumenter.sh OUT_DIR IMG_DIR: time of inxpect-instrument
# --per-function --per-loop against clang -fsyntax-only (same flags) on the
# largest input, in interleaved rounds, and where the difference goes.
#
# OUT_DIR/instrumenter.json:
#   {"source": path, "rounds": R, "ratio_wall": x, "ratio_cpu": x,
#    "commands": {"instrument"|"clang"|"instrument, no mode"|
#                 "instrument, empty file"|"clang, empty file":
#       {"command": text, "wall": [s per round], "cpu": [s per round],
#        "median_wall": s, "median_cpu": s}}}
# OUT_DIR/instrumenter.md, IMG_DIR/instrumenter.png, OUT_DIR/instrumenter.targets.tsv
set -euo pipefail
exec /usr/bin/python3 -B "$(dirname "$0")/instrumenter.py" "$1" "$2"
