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

rm -rf "$work" && mkdir -p "$work"
"$here/fetch-kernel.sh" "$build/vm-cache" > "$work/fetch.log" 2>&1 ||
  fail "cannot fetch Debian's kernel (see $work/fetch.log)"
# shellcheck source=/dev/null
. "$build/vm-cache/kernel.env"

echo "== module, built by DKMS for $KVER with BTF"
"$here/build-module.sh" "$build/vm-cache" "$work/kmod" 2> "$work/build-module.err" ||
  fail "$(cat "$work/build-module.err")"

echo "== instrumented program and kfunc probe"
clang=clang-19
inc=(-I "/usr/include/$(gcc -print-multiarch)")
# drop.c reads through the kfunc; unlicensed.c, without a license, may not.
for program in drop unlicensed; do
  "$build/bin/inxpect-instrument" --per-function "$root/test/e2e/programs/$program.c" \
    -o "$work/$program.inxpect.c" --manifest "$work/$program.json" \
    -- -target bpf -O2 -g "${inc[@]}" -I "$root/test/e2e/programs" > "$work/instrument.log" 2>&1 ||
    fail "cannot instrument $program.c (see $work/instrument.log)"
  $clang -target bpf -O2 -g "${inc[@]}" -I "$root/runtime/bpf" -I "$root/test/e2e/programs" \
    -c "$work/$program.inxpect.c" -o "$work/$program.o" || fail "cannot compile $program.inxpect.c"
done
$clang -target bpf -O2 -g "${inc[@]}" -c "$here/kfunc_probe.bpf.c" -o "$work/kfunc_probe.o" ||
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

[ $status -eq 124 ] && fail "the guest did not finish within 240 s (see $work/console.log)"
grep -q "^GUEST DONE" <(tr -d '\r' < "$work/console.log") ||
  fail "the guest stopped before the end (see $work/console.log)"
failed=$(tr -d '\r' < "$work/console.log" | sed -n 's/^CHECK FAIL //p' | tr '\n' ' ')
[ -z "$failed" ] || fail "guest checks failed: $failed(see $work/console.log)"
passed=$(tr -d '\r' < "$work/console.log" | grep -c '^CHECK ok ')
echo "vm.kmod: PASS ($passed guest checks, $(( $(date +%s) - started )) s)"
