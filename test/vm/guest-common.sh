#!/bin/sh
# Sourced by every guest's /init (initramfs.sh puts it at /guest-common.sh):
# the file systems a BPF loader needs in a busybox guest (/sys/kernel/btf,
# bpffs, device nodes), the VM tests' checks, and what the -icount guests share.
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t bpf bpf /sys/fs/bpf
mkdir -p /tmp

# The VM tests' checks: "CHECK ok|FAIL NAME" on the console, which judge.sh reads.
check() { # NAME, then a command that must succeed
  name=$1
  shift
  if "$@"; then echo "CHECK ok $name"; else echo "CHECK FAIL $name"; fi
}

# Waits (up to 10 s) for the kernel to switch to the TSC once it has refined
# its calibration, then prints "CLOCKSOURCE name" and "TSC_MHZ rate" on a
# fresh console line: the -icount guests' instruction counts need the TSC.
report_tsc_clocksource() {
  current=/sys/devices/system/clocksource/clocksource0/current_clocksource
  for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    [ "$(cat "$current")" = tsc ] && break
    sleep 0.5
  done
  echo # the firmware's terminal codes end the first console line: start a fresh one
  echo "CLOCKSOURCE $(cat "$current")"
  dmesg | sed -n 's/.*tsc: Refined TSC clocksource calibration: \([0-9.]*\) MHz.*/TSC_MHZ \1/p'
}
