#!/usr/bin/env bash
# bench/verifier.sh OUT_DIR IMG_DIR: verified_insns, xlated size and stack depth
# of every example and the largest e2e programs, bare and in each mode of
# inxpect-instrument (root: loads BPF).
#
# OUT_DIR/verifier.json:
#   {"PROGRAM": {"bare"|"annotations"|"per-function"|"per-loop"|"per-function + per-loop":
#      {"BPF program name": {"xlated": insns, "jited": bytes, "verified_insns": n,
#                            "stack": "depth per subprogram, A+B+..."}}
#      or {"error": "why the verifier rejected it"}}}
# OUT_DIR/verifier.md, IMG_DIR/verifier.png, OUT_DIR/verifier.targets.tsv (no
# target of the issue: empty)
set -euo pipefail
exec /usr/bin/python3 -B "$(dirname "$0")/verifier.py" "$1" "$2"
