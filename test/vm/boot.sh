#!/usr/bin/env bash
# Boots KERNEL with INITRD in QEMU under TCG (KVM does not work on this
# machine kind; notes/kernel-module.md), the console (ttyS0) written to
# CONSOLE_LOG, within TIMEOUT seconds. KERNEL_ARGS (may be "") are added to
# the kernel's command line; the caller's QEMU arguments follow (-smp, a
# -serial for ttyS1, ...). Exits with QEMU's status, 124 when the timeout hit.
#   boot.sh KERNEL INITRD CONSOLE_LOG TIMEOUT KERNEL_ARGS [QEMU_ARG...]
set -uo pipefail
kernel=$1 initrd=$2 console=$3 limit=$4 kernel_args=$5
shift 5
timeout "$limit" qemu-system-x86_64 -accel tcg -cpu max -m 1024 -nographic -no-reboot \
  -kernel "$kernel" -initrd "$initrd" -serial mon:stdio "$@" \
  -append "console=ttyS0 panic=-1 oops=panic quiet $kernel_args" < /dev/null > "$console" 2>&1
