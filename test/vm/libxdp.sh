#!/usr/bin/env bash
# vm.libxdp: programs behind libxdp's dispatcher, in a QEMU guest running
# Debian's own kernel (this test's host refuses the dispatcher's freplace, and
# libxdp falls back to attaching the program alone). Debian's xdp-loader
# loads instrumented examples on lo in skb (generic) mode, each an extension
# (freplace) of a slot of the dispatcher; inxpect-run attaches to them by id
# while pings cross lo, first with the clock, then with the inxpect module's
# kfunc, and the guest (libxdp-init.sh) requires exact section counts, and
# inxpect-run list to show the router behind the dispatcher. Prints
# exactly one line "vm.libxdp: PASS" or "vm.libxdp: FAIL: why".
#   libxdp.sh [BUILD_DIR]   (default: build/; downloads are cached in BUILD_DIR/vm-cache)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
work=$build/vm-libxdp
started=$(date +%s)
multiarch=$(gcc -print-multiarch)
# Where libxdp (xdp-loader links it statically) looks for its dispatcher.
dispatcher_object=/usr/lib/$multiarch/bpf/xdp-dispatcher.o

fail() { echo "vm.libxdp: FAIL: $*"; exit 1; }
for tool in qemu-system-x86_64 busybox pahole cpio dkms apt-get dpkg-deb xdp-loader clang-19; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run scripts/install-deps.sh as root"
done
[ -f "$dispatcher_object" ] || fail "$dispatcher_object is missing: run scripts/install-deps.sh as root"
[ -x "$build/bin/inxpect-run" ] && [ -x "$build/bin/inxpect-instrument" ] ||
  fail "build the project first (scripts/build.sh)"

# shellcheck source=prepare-guest.sh
. "$here/prepare-guest.sh"

echo "== instrumented examples"
for example in router tunnel; do
  "$here/instrumented-object.sh" "$build" "$root/examples/$example.c" "$work/$example" \
    2> "$work/instrument.err" || fail "$(cat "$work/instrument.err")"
done

echo "== initramfs"
rootfs=$work/rootfs
mkdir -p "$rootfs/sbin" "$rootfs$(dirname "$dispatcher_object")"
cp "$here/libxdp-init.sh" "$rootfs/init"
cp "$work/kmod/inxpect.ko" "$work/router.o" "$work/tunnel.o" "$build/bin/inxpect-run" "$rootfs/"
cp "$(command -v xdp-loader)" "$rootfs/sbin/xdp-loader"
cp "$dispatcher_object" "$rootfs$dispatcher_object"
"$here/initramfs.sh" "$rootfs" "$work/initrd.gz" || fail "cannot pack the initramfs"

echo "== boot $KVER under TCG"
"$here/boot.sh" "$VMLINUZ" "$work/initrd.gz" "$work/console.log" 300 "" -smp 2
status=$?
tr -d '\r' < "$work/console.log" | sed -n '/== xdp-loader/,$p'

exec "$here/judge.sh" vm.libxdp "$work/console.log" $status 300 "$started"
