#!/usr/bin/env bash
# Counts the x86 instructions a pair of counter reads costs in the QEMU guest
# with Debian's kernel, with the clock (bpf_ktime_get_ns), the kernel
# module's kfunc unfenced and fenced (INXPECT_READ_FENCED), and what
# inxpect-run's calibration finds its probes cost with each
# (docs/kernel-module.md, "Fenced reads"). QEMU runs with -icount shift=0 on
# one CPU, as bench/overhead_guest.sh does: the guest's TSC, its clock
# source, advances one tick (1 ns at 1000 MHz) a guest instruction, so every
# "ns" and TSC "cycle" printed is an instruction count, deterministic, and no
# hardware latency: under TCG an lfence is one instruction like any other.
# Reuses what vm.kmod built (run it first: ctest -R vm.kmod).
#   read-cost.sh [BUILD_DIR]   prints the guest's "cost ..." and profile lines
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
vm=$build/vm
work=$build/vm-read-cost

fail() { echo "read-cost: $*" >&2; exit 1; }
for f in kmod/inxpect.ko kfunc_probe.o drop.o drop.json; do
  [ -e "$vm/$f" ] || fail "$vm/$f is missing: run vm.kmod first (cd $build && ctest -R vm.kmod)"
done
# shellcheck source=/dev/null
. "$build/vm-cache/kernel.env"

rm -rf "$work" && mkdir -p "$work/rootfs"
rootfs=$work/rootfs
cp "$here/read-cost-init.sh" "$rootfs/init"
cp "$vm/kmod/inxpect.ko" "$vm/kfunc_probe.o" "$vm/drop.o" "$vm/drop.json" "$rootfs/"
cp "$build/bin/inxpect-run" "$rootfs/inxpect-run"
cp "$build/bin/inxpect-vm-kfunc-probe" "$rootfs/kfunc-probe"
"$here/initramfs.sh" "$rootfs" "$work/initrd.gz" || fail "cannot pack the initramfs"

status=0
"$here/boot.sh" "$VMLINUZ" "$work/initrd.gz" "$work/console.log" 600 \
  "tsc=reliable clocksource=tsc" -smp 1 -icount "shift=0,sleep=off" || status=$?
tr -d '\r' < "$work/console.log" > "$work/console.txt"
[ $status -ne 124 ] || fail "the guest did not finish within 600 s (see $work/console.txt)"
grep -q "^GUEST DONE" "$work/console.txt" || fail "the guest stopped early (see $work/console.txt)"
sed -n '/^CLOCKSOURCE/,/^GUEST DONE/p' "$work/console.txt" | grep -v "^GUEST DONE"
