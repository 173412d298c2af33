#!/usr/bin/env bash
# Judges a VM test from its guest's console: the guest's /init prints
# "CHECK ok|FAIL NAME" for each check and "GUEST DONE" at its end. Prints
# exactly one line, "TEST: PASS (...)" or "TEST: FAIL: why", for ctest's
# PASS_REGULAR_EXPRESSION, and exits non-zero on a failure.
#   judge.sh TEST CONSOLE_LOG BOOT_STATUS TIMEOUT STARTED
#   (BOOT_STATUS: boot.sh's, 124 when TIMEOUT seconds ran out; STARTED: date +%s)
set -uo pipefail
test=$1 console=$2 status=$3 limit=$4 started=$5

fail() { echo "$test: FAIL: $*"; exit 1; }
lines=$(tr -d '\r' < "$console")
[ "$status" -eq 124 ] && fail "the guest did not finish within $limit s (see $console)"
grep -q "^GUEST DONE" <<< "$lines" || fail "the guest stopped before the end (see $console)"
failed=$(sed -n 's/^CHECK FAIL //p' <<< "$lines" | tr '\n' ' ')
[ -z "$failed" ] || fail "guest checks failed: $failed(see $console)"
passed=$(grep -c '^CHECK ok ' <<< "$lines")
echo "$test: PASS ($passed guest checks, $(( $(date +%s) - started )) s)"
