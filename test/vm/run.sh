#!/usr/bin/env bash
# vm.kmod: the inxpect kernel module in a QEMU guest running Debian's own
# kernel. Builds the module with DKMS against that kernel's headers with BTF
# (runtime/kmod/dkms.conf, the way users install it), packs a
# busybox initramfs with it, inxpect-run, an instrumented program and the
# kfunc probe, boots it under TCG and judges the guest's checks
# (guest-init.sh). Prints exactly one line "vm.kmod: PASS" or "vm.kmod: FAIL: why".
#   run.sh [BUILD_DIR]   (default: build/; downloads are cached in BUILD_DIR/vm-cache)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
work=$build/vm
started=$(date +%s)

fail() { echo "vm.kmod: FAIL: $*"; exit 1; }
for tool in qemu-system-x86_64 busybox pahole cpio dkms apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh as root"
done
[ -x "$build/bin/inxpect-run" ] && [ -x "$build/bin/inxpect-vm-kfunc-probe" ] ||
  fail "build the project first (scripts/build.sh)"

# shellcheck source=prepare-guest.sh
. "$here/prepare-guest.sh"

echo "== instrumented program and kfunc probe"
# drop.c reads through the kfunc; unlicensed.c, without a license, may not.
for program in drop unlicensed; do
  "$here/instrumented-object.sh" "$build" "$root/test/e2e/programs/$program.c" "$work/$program" \
    2> "$work/instrument.err" || fail "$(cat "$work/instrument.err")"
done
clang-19 -target bpf -O2 -g -I "/usr/include/$(gcc -print-multiarch)" \
  -c "$here/kfunc_probe.bpf.c" -o "$work/kfunc_probe.o" ||
  fail "cannot compile kfunc_probe.bpf.c"

echo "== initramfs"
rootfs=$work/rootfs
mkdir -p "$rootfs"
cp "$here/guest-init.sh" "$rootfs/init"
cp "$work/kmod/inxpect.ko" "$work/drop.o" "$work/drop.json" "$work/unlicensed.o" \
  "$work/kfunc_probe.o" "$rootfs/"
cp "$build/bin/inxpect-run" "$rootfs/inxpect-run"
cp "$build/bin/inxpect-vm-kfunc-probe" "$rootfs/kfunc-probe"
"$here/initramfs.sh" "$rootfs" "$work/initrd.gz" || fail "cannot pack the initramfs"

echo "== boot $KVER under TCG"
"$here/boot.sh" "$VMLINUZ" "$work/initrd.gz" "$work/console.log" 240 "" -smp 2
status=$?
tr -d '\r' < "$work/console.log" | sed -n '/== insmod/,$p'

exec "$here/judge.sh" vm.kmod "$work/console.log" $status 240 "$started"
