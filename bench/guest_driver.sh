#!/usr/bin/env bash
# bench/guest_driver.sh [--relay | --module-run 'DRIVER_ARG...'...] DRIVER
#   OBJECTS_DIR OUT_JSON DRIVER_ARG... (as root):
# runs a benchmark driver (build/bin/inxpect-bench-*) on the objects in
# OBJECTS_DIR inside a QEMU guest running Debian's 6.1 kernel. Reuses the VM
# test's pieces (test/vm/fetch-kernel.sh, initramfs.sh, boot.sh; the kernel
# is cached in BUILD/vm-cache). The guest sees the objects in /objects:
# DRIVER_ARGs name them there (--objects /objects ...).
# Each --module-run is one more run of the driver, after the first, with the
# inxpect kernel module loaded (built for the guest's kernel by
# test/vm/build-module.sh), so that its programs read the module's kfunc:
# the counter is chosen when a program is loaded.
#
# QEMU runs with -icount shift=0 on one CPU: the guest's TSC, its clock
# source, advances exactly one tick (1 ns at 1000 MHz) per guest instruction
# executed, so the driver's "ns" are the guest's x86 instructions:
# deterministic, unaffected by the host's load, and not a time.
# Writes OUT_JSON: the driver's JSON plus "vm": { "kernel", "qemu",
# "clocksource", "tsc_mhz", "icount_shift" } and, with --module-run,
# "module_runs": [each of those runs' JSON, in order]. Fails when a run fails.
#
# --relay (inxpect-run compare --deterministic): OUT gets the driver's
# stdout as it is, its "inxpect-run:" lines on the console go to stderr,
# and the script exits with the driver's status when it is 0 or 3 (a
# comparison's verdicts), 1 on any failure. OBJECTS_DIR's *.pcap go in too.
# Installed (PREFIX/share/inxpect/guest, for compare --deterministic), the
# VM pieces lie beside this script; in the source tree they are test/vm's.
# The kernel is cached in $INXPECT_VM_CACHE, else BUILD/vm-cache.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
vm=$here
[ -e "$vm/boot.sh" ] || vm=$root/test/vm
module_runs=()
relay=false
if [ "${1:-}" = --relay ]; then
  relay=true
  shift
fi
while [ "${1:-}" = --module-run ]; do
  module_runs+=("$2")
  shift 2
done
driver=$1 objects=$2 out=$3
shift 3
build=${INXPECT_BUILD_DIR:-$root/build}
cache=${INXPECT_VM_CACHE:-$build/vm-cache}
name=$(basename "$driver")
work=$objects/guest
icount_shift=0
started=$(date +%s)

fail() { echo "guest_driver: $name: $*" >&2; exit 1; }
for tool in qemu-system-x86_64 busybox cpio apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh test as root"
done
rm -rf "$work" && mkdir -p "$work/rootfs/objects"
# The image alone unless a module is to be built for it (headers, BTF);
# either way image.env names it.
fetch=(--image)
[ ${#module_runs[@]} -eq 0 ] || fetch=()
"$vm/fetch-kernel.sh" "${fetch[@]}" "$cache" > "$work/fetch.log" 2>&1 ||
  fail "cannot fetch Debian's kernel (see $work/fetch.log)"
# shellcheck source=/dev/null
. "$cache/image.env"

rootfs=$work/rootfs
cp "$here/guest_driver_init.sh" "$rootfs/init"
cp "$driver" "$rootfs/driver"
cp "$objects"/*.o "$rootfs/objects/"
! $relay || find "$objects" -maxdepth 1 -name '*.pcap' -exec cp {} "$rootfs/objects/" \;
echo "$*" > "$rootfs/driver-args"
if [ ${#module_runs[@]} -gt 0 ]; then
  "$vm/build-module.sh" "$cache" "$work/kmod" || fail "cannot build the kernel module"
  cp "$work/kmod/inxpect.ko" "$rootfs/inxpect.ko"
  printf '%s\n' "${module_runs[@]}" > "$rootfs/module-runs"
fi
"$vm/initramfs.sh" "$rootfs" "$work/initrd.gz" || fail "cannot pack the initramfs"

# ttyS0 is the console (the driver's progress, the kernel's messages);
# ttyS1 carries the runs' JSON alone, one after the other, to a file.
# The limit is only against a hung guest: 600 s a run of the driver, or
# $INXPECT_GUEST_TIMEOUT seconds.
limit=${INXPECT_GUEST_TIMEOUT:-$(( 600 * (1 + ${#module_runs[@]}) ))}
status=0
"$vm/boot.sh" "$VMLINUZ" "$work/initrd.gz" "$work/console.log" "$limit" \
  "tsc=reliable clocksource=tsc" -smp 1 -icount "shift=$icount_shift,sleep=off" \
  -serial "file:$work/driver.json" || status=$?
tr -d '\r' < "$work/console.log" > "$work/console.txt"
if [ $status -eq 124 ]; then
  # TCG runs a few thousand packets a second (compare: packets x --repeat x
  # --rounds x 2 builds).
  ! $relay || fail "the guest did not finish within $limit s: give it fewer packets, --repeat or --rounds (it runs about 2,000 packets a second), or more time in INXPECT_GUEST_TIMEOUT (see $work/console.txt)"
  fail "the guest did not finish within $limit s (see $work/console.txt)"
fi
if $relay; then
  grep '^inxpect-run: ' "$work/console.txt" >&2 || true
  exit_line=$(grep -E '^GUEST EXIT [0-9]+$' "$work/console.txt" || true)
  case "$exit_line" in
    "GUEST EXIT 0" | "GUEST EXIT 3") cp "$work/driver.json" "$out"; exit "${exit_line#GUEST EXIT }" ;;
    "") fail "the guest ended before the driver did (see $work/console.txt)" ;;
    *) fail "the driver failed in the guest, ${exit_line,,} (see $work/console.txt)" ;;
  esac
fi
grep -q "^GUEST EXIT 0$" "$work/console.txt" ||
  fail "the driver failed in the guest: $(grep -E 'error|GUEST EXIT' "$work/console.txt" | tail -n 3) (see $work/console.txt)"
clocksource=$(sed -n 's/^CLOCKSOURCE //p' "$work/console.txt")
tsc_mhz=$(sed -n 's/^TSC_MHZ //p' "$work/console.txt")
# Only with the TSC as the clock source are the guest's ns instructions.
[ "$clocksource" = tsc ] && [ -n "$tsc_mhz" ] ||
  fail "the guest's clock source is '$clocksource', not a calibrated tsc (see $work/console.txt)"

/usr/bin/python3 - "$work/driver.json" "$out" "$KVER" "$(qemu-system-x86_64 --version | head -n 1)" \
  "$clocksource" "$tsc_mhz" "$icount_shift" <<'PY'
import json, sys
driver, out, kernel, qemu, clocksource, tsc_mhz, shift = sys.argv[1:]
with open(driver) as f:
    text = f.read().strip()
runs, at = [], 0  # one JSON object a run, one after the other
while at < len(text):
    run, at = json.JSONDecoder().raw_decode(text, at)
    runs.append(run)
    at = len(text) - len(text[at:].lstrip())
data = runs[0]
if len(runs) > 1:
    data["module_runs"] = runs[1:]
data["vm"] = {"kernel": kernel, "qemu": qemu, "clocksource": clocksource,
              "tsc_mhz": float(tsc_mhz), "icount_shift": int(shift)}
with open(out, "w") as f:
    json.dump(data, f, indent=1)
PY
echo "guest_driver: $name: the guest's run took $(( $(date +%s) - started )) s" >&2
