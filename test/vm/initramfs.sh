#!/usr/bin/env bash
# Packs ROOTFS (a directory holding the guest's /init and its files) into a
# gzipped busybox initramfs INITRD for a QEMU guest running Debian's kernel
# (boot.sh). Adds busybox and its applets, /guest-common.sh (what every
# guest init sources), and the host's shared libraries and loader of every
# executable in ROOTFS, at the paths the binaries expect. Used by the VM test
# (run.sh) and by the benchmarks that need that kernel (bench/overhead_guest.sh).
#   initramfs.sh ROOTFS INITRD
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rootfs=$1 initrd=$2
[ -x "$rootfs/init" ] || { echo "initramfs: $rootfs/init is missing or not executable" >&2; exit 1; }

mkdir -p "$rootfs"/{bin,sbin,proc,sys,dev,tmp}
cp "$(command -v busybox)" "$rootfs/bin/busybox"
for applet in $("$rootfs/bin/busybox" --list); do
  [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
done
cp "$here/guest-common.sh" "$rootfs/guest-common.sh"
# ldd fails on what is not a dynamic executable (scripts, static busybox).
libs=$(find "$rootfs" -type f -perm -u+x -exec sh -c 'ldd "$1" 2>/dev/null || true' _ {} \; |
       awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u)
for lib in $libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done
(cd "$rootfs" && find . | cpio -o -H newc --quiet | gzip -1) > "$initrd"
