#!/usr/bin/env bash
# bench/reader.sh OUT_DIR IMG_DIR: snapshots a second of inxpect-run's
# StatsReader, through mmap (default layout) against system calls (per-CPU map
# layout: a lookup a section, or one batch lookup), for 8, 64 and 512 sections
# (root: loads BPF).
#
# OUT_DIR/reader.json:
#   {"rounds": R, "round_ms": MS,
#    "readers": [{"object": file, "layout": "cpu-slots"|"percpu-map",
#                 "reader": "mmap"|"lookup"|"batch", "sections": N, "cpus": C,
#                 "reads_per_s": [one per round], "median": reads/s}]}
# OUT_DIR/reader.md, IMG_DIR/reader.png, OUT_DIR/reader.targets.tsv (no target
# of the issue: empty)
set -euo pipefail
exec /usr/bin/python3 -B "$(dirname "$0")/reader.py" "$1" "$2"
