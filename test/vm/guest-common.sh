#!/bin/sh
# Sourced by every guest's /init (initramfs.sh puts it at /guest-common.sh):
# the file systems a BPF loader needs in a busybox guest (/sys/kernel/btf,
# bpffs, device nodes).
export PATH=/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t bpf bpf /sys/fs/bpf
mkdir -p /tmp
