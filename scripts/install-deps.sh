#!/usr/bin/env bash
# Installs every Debian package inxpect's build, demo and tests need.
# Idempotent: quiet and quick when everything is already present.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools
  # Debian 12's own `clang`: test/e2e builds the examples with it too
  clang-14
  libbpf-dev libelf-dev zlib1g-dev nlohmann-json3-dev libpcap-dev googletest libgtest-dev
  # running and testing BPF
  bpftool iproute2 iputils-ping curl python3
  # bench/run.sh: plots for docs/benchmarks.md
  python3-matplotlib
  # the Prometheus endpoint of inxpect-run
  prometheus-cpp-dev
  libcivetweb-dev
  # the kernel module's VM test (test/vm): module BTF, initramfs, QEMU guest
  make dkms dwarves busybox-static cpio kmod qemu-system-x86 xz-utils
  # programs behind libxdp's dispatcher (test/vm/libxdp.sh): xdp-loader, the dispatcher object
  xdp-tools libxdp1
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep "install ok installed" >/dev/null || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run this script as root (sudo scripts/install-deps.sh) to install them" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
