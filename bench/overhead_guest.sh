#!/usr/bin/env bash
# bench/overhead_guest.sh OBJECTS_DIR OUT_JSON DRIVER_ARG... (as root): runs
# inxpect-bench-overhead on the objects bench/overhead.sh built, inside a
# QEMU guest running Debian's 6.1 kernel (bench/guest_driver.sh: -icount,
# so the figures are instructions), which allows the fentry/fexit programs
# that some hosts refuse. DRIVER_ARGs are the driver's own (--rounds,
# --kinds, examples...); --objects and --fentry are set to the guest's copies.
# Then, with the inxpect kernel module loaded in the same guest, the driver
# runs twice more with the same DRIVER_ARGs but --kinds bare,floor,entry
# (later options win): the probes and the floor read the module's TSC, then
# the same fenced (--fenced); bench/overhead_kfunc.py folds those runs in as
# the +kfunc and +kfunc-fenced variants.
# Writes OUT_JSON: the driver's JSON plus "vm" (bench/guest_driver.sh). Fails
# if the guest's kernel refused fentry/fexit too, or if any profiler missed a
# run (the driver checks).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
objects=$1 out=$2
shift 2
bin=${INXPECT_BUILD_DIR:-$root/build}/bin
guest=(--objects /objects --fentry /objects/fentry_fexit.o)

"$root/bench/guest_driver.sh" --module-run "${guest[*]} $* --kinds bare,floor,entry" \
  --module-run "${guest[*]} $* --kinds bare,floor,entry --fenced" \
  "$bin/inxpect-bench-overhead" "$objects" "$out" "${guest[@]}" "$@"
/usr/bin/python3 "$root/bench/overhead_kfunc.py" "$out"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    data = json.load(f)
refused = [ex["fentry_fexit_error"] for ex in data["examples"] if ex["fentry_fexit_error"]]
if refused:
    sys.exit(f"overhead_guest: the guest's kernel {data['vm']['kernel']} refused fentry/fexit too: {refused[0]}")
PY
