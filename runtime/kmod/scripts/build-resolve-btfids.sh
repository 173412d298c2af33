#!/bin/sh
# Builds the kernel's resolve_btfids tool into DIR from Debian's linux-source
# package (apt-get install linux-source-6.1): the module build needs it to put
# BTF ids into the kfunc set, and no Debian binary package ships it. Leaves
# the source tree (tools/, scripts/) at DIR/linux-source.
#   build-resolve-btfids.sh DIR [linux-source tarball or unpacked tree]
set -eu
out=$1
src=${2:-$(ls /usr/src/linux-source-*.tar.xz 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$src" ] || [ ! -e "$src" ]; then
  echo "inxpect: resolve_btfids is needed to build the module: install linux-source-6.1 (apt-get install linux-source-6.1) or give RESOLVE_BTFIDS=PATH" >&2
  exit 1
fi
mkdir -p "$out"
if [ -f "$src" ]; then
  tree="$out/linux-source"
  mkdir -p "$tree"
  # Only what the tool's build reads: tools/, scripts/, include/uapi.
  tar -xJf "$src" -C "$tree" --strip-components=1 --wildcards \
    '*/tools' '*/scripts' '*/include/uapi'
  src=$tree
else
  # The Makefile also takes extract-vmlinux from here.
  ln -sfn "$(cd "$src" && pwd)" "$out/linux-source"
fi
mkdir -p "$out/build"
make -s -C "$src/tools/bpf/resolve_btfids" O="$(cd "$out/build" && pwd)" >/dev/null
cp "$out/build/resolve_btfids" "$out/resolve_btfids"
echo "inxpect: built $out/resolve_btfids"
