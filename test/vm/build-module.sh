#!/usr/bin/env bash
# Builds the inxpect module with DKMS for the kernel fetch-kernel.sh cached in
# CACHE (its headers, with BTF: runtime/kmod/dkms.conf, the way users install
# it) and writes WORK/inxpect.ko; DKMS's source and module trees stay in WORK
# and nothing is installed. Used by the VM test (run.sh) and by the benchmarks
# that load the module in the guest (bench/guest_driver.sh).
#   build-module.sh CACHE WORK   (fails with a sentence on stderr)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=$1 work=$2
# shellcheck source=/dev/null
. "$cache/kernel.env"

fail() { echo "build-module: $*" >&2; exit 1; }
# The version DKMS checks the source directory's name against.
version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$root/runtime/kmod/dkms.conf")
rm -rf "$work/dkms" && mkdir -p "$work/dkms/source" "$work/dkms/tree"
cp -r "$root/runtime/kmod" "$work/dkms/source/inxpect-$version" && rm -rf "$work/dkms/source/inxpect-$version/.tools"
BTF_BASE=$VMLINUX RESOLVE_BTFIDS=$RESOLVE_BTFIDS \
  dkms build -m inxpect -v "$version" -k "$KVER" --kernelsourcedir "$KDIR" \
  --sourcetree "$work/dkms/source" --dkmstree "$work/dkms/tree" > "$work/dkms.log" 2>&1 ||
  fail "DKMS cannot build the module (see $work/dkms.log and $work/dkms/tree/inxpect/$version/build/make.log)"
cp "$work/dkms/tree/inxpect/$version/$KVER/x86_64/module/inxpect.ko" "$work/inxpect.ko" ||
  fail "DKMS built no inxpect.ko (see $work/dkms.log)"
module_btf=$(bpftool -B "$VMLINUX" btf dump file "$work/inxpect.ko" 2>&1)
grep -q "FUNC 'bpf_inxpect_read'" <<< "$module_btf" ||
  fail "inxpect.ko's BTF lacks bpf_inxpect_read"
