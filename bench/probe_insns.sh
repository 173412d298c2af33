#!/usr/bin/env bash
# bench/probe_insns.sh OUT_DIR IMG_DIR: BPF instructions a section adds, in the
# xlated program and along a sampled and a sampled-out run (root: loads BPF).
#
# OUT_DIR/probe_insns.json:
#   {"function"|"region": {
#      "rows": [{"k": sections of that shape, "sections": in the manifest,
#                "bare"|"instrumented": {"xlated": slots, "sampled": slots
#                   executed by a sampled run, "sampled_out": ... not sampled},
#                "added": instrumented - bare, same keys}],
#      "fit": {"xlated"|"sampled"|"sampled_out": {"per_section": slope,
#              "per_run": intercept, "step_min", "step_max": single steps}},
#      "sampled_out_header_lines_per_section": {"LINE: text of inxpect.h": slots / k},
#      "sampled_out_header_per_section": slots of inxpect.h a section adds (slope)}}
# OUT_DIR/probe_insns.md, IMG_DIR/probe_insns.png, OUT_DIR/probe_insns.targets.tsv
set -euo pipefail
exec /usr/bin/python3 -B "$(dirname "$0")/probe_insns.py" "$1" "$2"
