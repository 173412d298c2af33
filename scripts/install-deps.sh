#!/usr/bin/env bash
# Installs the Debian packages inxpect needs, by purpose:
#   scripts/install-deps.sh demo    build the tools and run the demo (no QEMU)
#   scripts/install-deps.sh test    and run every test (the VM tests' QEMU, clang 14, ...)
#   scripts/install-deps.sh bench   and regenerate docs/benchmarks.md
#   scripts/install-deps.sh         all of them
# Idempotent: quiet and quick when everything is already present.
set -euo pipefail

# Building the tools, their tests' GoogleTest, and running the demo.
demo=(
  cmake ninja-build g++ pkg-config
  # llvm-19-tools too: LLVM's CMake package lists its tools (FileCheck, ...)
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
  libbpf-dev libelf-dev zlib1g-dev nlohmann-json3-dev libpcap-dev googletest libgtest-dev
  # the Prometheus endpoint of inxpect-run; its live table on a terminal
  prometheus-cpp-dev libcivetweb-dev libncurses-dev
)
test=(
  # lit; Debian 12's own `clang`, with which test/e2e builds the examples too
  python3 clang-14
  # running BPF on interfaces
  bpftool iproute2 iputils-ping curl
  # the .deb test (cpack, dpkg-shlibdeps)
  dpkg-dev
  # the man pages' test: groff -man -ww and man -l (man-db brings col)
  groff-base man-db
  # the kernel module's VM test (test/vm): module BTF, initramfs, QEMU guest
  make dkms dwarves busybox-static cpio kmod qemu-system-x86 xz-utils
  # programs behind libxdp's dispatcher (test/vm/libxdp.sh): xdp-loader, the dispatcher object
  xdp-tools libxdp1
)
# bench/run.sh: plots for docs/benchmarks.md
bench=(python3-matplotlib)

packages=()
purposes=("$@")
[ ${#purposes[@]} -eq 0 ] && purposes=(bench)
for purpose in "${purposes[@]}"; do
  case "$purpose" in
    demo) packages+=("${demo[@]}") ;;
    test) packages+=("${demo[@]}" "${test[@]}") ;;
    bench) packages+=("${demo[@]}" "${test[@]}" "${bench[@]}") ;;
    *) echo "usage: scripts/install-deps.sh [demo|test|bench]..." >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run this script as root (sudo scripts/install-deps.sh ${purposes[*]}) to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
