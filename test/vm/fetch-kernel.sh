#!/usr/bin/env bash
# Unpacks Debian's current 6.1 kernel for the VM test into CACHE (never /boot,
# never /usr/src): the image, matching headers to build the module against,
# the vmlinux (with BTF) extracted from the image as the module's BTF base,
# and resolve_btfids built from the matching linux-source. Writes
# CACHE/kernel.env; a second run with everything in place does nothing.
# With --image, only the image, for a guest that builds no module
# (compare --deterministic): it writes CACHE/image.env (KVER, VMLINUZ), as
# the whole fetch does too.
#   fetch-kernel.sh [--image] CACHE
set -euo pipefail
image_only=false
if [ "${1:-}" = --image ]; then
  image_only=true
  shift
fi
cache=$(mkdir -p "$1" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
kmod_scripts=$here/../../runtime/kmod/scripts

# The ABI the meta package points at, e.g. 6.1.0-56; image and headers must be
# the very same build, or the module's BTF and symbol versions will not match.
abi=$(apt-cache depends linux-headers-amd64 2>/dev/null |
      sed -n 's/.*Depends: linux-headers-\(.*\)-amd64$/\1/p' | head -n 1)
[ -n "$abi" ] || { echo "fetch-kernel: apt knows no linux-headers-amd64: run apt-get update" >&2; exit 1; }
kver=$abi-amd64
write_image_env() {
  printf 'KVER=%s\nVMLINUZ=%s\n' "$kver" "$cache/root/boot/vmlinuz-$kver" > "$cache/image.env"
}
fetched() { [ -f "$cache/$1" ] && grep -q "^KVER=$kver$" "$cache/$1"; }
if fetched kernel.env || { $image_only && fetched image.env; }; then
  write_image_env # (a cache from before image.env has kernel.env alone)
  exit 0
fi
packages=("linux-image-$kver")
if ! $image_only; then
  image_version=$(apt-cache policy "linux-image-$kver" | sed -n 's/ *Candidate: //p')
  headers_version=$(apt-cache policy "linux-headers-$kver" | sed -n 's/ *Candidate: //p')
  [ "$image_version" = "$headers_version" ] ||
    { echo "fetch-kernel: linux-image-$kver ($image_version) and linux-headers-$kver ($headers_version) differ: run apt-get update" >&2; exit 1; }
  kbuild=$(apt-cache depends "linux-headers-$kver" | sed -n 's/.*Depends: \(linux-kbuild-.*\)$/\1/p' | head -n 1)
  source_pkg=linux-source-${kbuild#linux-kbuild-}
  packages+=("linux-headers-$kver" "linux-headers-$abi-common" "$kbuild" "$source_pkg")
fi

mkdir -p "$cache/debs" "$cache/root"
(cd "$cache/debs" && apt-get download -q=2 "${packages[@]}" 2>&1 | grep -v "unsandboxed" || true)
dpkg-deb --fsys-tarfile "$cache"/debs/linux-image-"$kver"_*.deb |
  tar -x -C "$cache/root" "./boot/vmlinuz-$kver"
if $image_only; then
  rm -f "$cache"/debs/linux-image-"$kver"_*.deb # 70 MB of modules the guest never loads
  write_image_env
  exit 0
fi

for deb in "$cache"/debs/linux-headers-"$abi"-*.deb "$cache"/debs/"$kbuild"_*.deb; do
  dpkg-deb -x "$deb" "$cache/root"
done
kdir=$cache/root/usr/src/linux-headers-$kver
# The arch headers' Makefile includes the common tree by absolute path.
sed -i "s|^include /usr/src/|include $cache/root/usr/src/|" "$kdir/Makefile"

tarball=$cache/$source_pkg.tar.xz
dpkg-deb --fsys-tarfile "$cache"/debs/"$source_pkg"_*.deb | tar -xO "./usr/src/$source_pkg.tar.xz" > "$tarball"
"$kmod_scripts/build-resolve-btfids.sh" "$cache/tools" "$tarball" >/dev/null
# extract-vmlinux comes with the source: the image's vmlinux carries .BTF.
"$cache/tools/linux-source/scripts/extract-vmlinux" "$cache/root/boot/vmlinuz-$kver" > "$cache/vmlinux-$kver"
# grep reads all of readelf's output: with -q it would stop at the match and
# readelf, killed by SIGPIPE, would fail the pipeline under pipefail.
readelf -S "$cache/vmlinux-$kver" | grep '\.BTF ' >/dev/null ||
  { echo "fetch-kernel: the vmlinux extracted from linux-image-$kver has no .BTF" >&2; exit 1; }
rm -f "$tarball" "$cache"/debs/"$source_pkg"_*.deb

cat > "$cache/kernel.env" <<ENV
KVER=$kver
KDIR=$kdir
VMLINUZ=$cache/root/boot/vmlinuz-$kver
VMLINUX=$cache/vmlinux-$kver
RESOLVE_BTFIDS=$cache/tools/resolve_btfids
ENV
write_image_env
