#!/bin/sh
# /init of the VM test's guest (busybox): loads the inxpect module, profiles a
# program through its kfunc (and one whose license keeps it to the clock),
# feeds the kfunc bad indices, tries to unload it
# while a program uses it, unloads it. Every check prints "CHECK ok|FAIL NAME"
# and the end prints "GUEST DONE"; run.sh judges from the console.
. /guest-common.sh

no_oops() { ! dmesg | grep -E "Oops|invalid opcode|general protection|BUG:|Call Trace"; }

echo "== insmod inxpect.ko"
check insmod insmod /inxpect.ko
check kfunc-registered sh -c '! dmesg | grep -q "missing module BTF"'
check control-files test -r /sys/kernel/inxpect/events
cat /sys/kernel/inxpect/events

echo "== inxpect-run replay, default event"
/inxpect-run replay /drop.o --manifest /drop.json --synthetic 1000 > /tmp/replay.txt 2>&1
cat /tmp/replay.txt
check replay-through-kfunc grep -q "^counter: kfunc (bpf_inxpect_read, inxpect kernel module): tsc via rdtsc in cycles" /tmp/replay.txt
check replay-counts-every-run grep -Eq "^ *0 +xdp_drop +function +1000 .* cycles" /tmp/replay.txt

echo "== inxpect-run replay --precise: fenced reads"
/inxpect-run replay /drop.o --manifest /drop.json --synthetic 1000 --precise > /tmp/precise.txt 2>&1
cat /tmp/precise.txt
check precise-through-kfunc grep -q "^counter: kfunc (bpf_inxpect_read, inxpect kernel module): tsc via fenced rdtsc in cycles" /tmp/precise.txt
check precise-counts-every-run grep -Eq "^ *0 +xdp_drop +function +1000 .* cycles" /tmp/precise.txt

echo "== inxpect-run replay, a program without a license: the clock only, module or not"
/inxpect-run replay /unlicensed.o --synthetic 1000 > /tmp/unlicensed.txt 2>&1
cat /tmp/unlicensed.txt
check clock-only-says-why grep -q "^counter: clock (bpf_ktime_get_ns, ns): the program reads the clock only, because the program has no license" /tmp/unlicensed.txt
check clock-only-counts-every-run grep -Eq "^ *[0-9]+ +xdp_unlicensed +function +1000 .* ns" /tmp/unlicensed.txt
/inxpect-run replay /unlicensed.o --synthetic 10 --precise > /tmp/unlicensed-precise.txt 2>&1
echo "exit $?" >> /tmp/unlicensed-precise.txt
cat /tmp/unlicensed-precise.txt
check clock-only-refuses-precise grep -q "but this program's probes call no kfunc, because the program has no license" /tmp/unlicensed-precise.txt
check clock-only-refuses-precise-as-usage grep -q "^exit 2$" /tmp/unlicensed-precise.txt

echo "== hardware events without a PMU"
check control-device test -c /dev/inxpect
exec 3> /dev/inxpect
check arm-refused sh -c '! echo "cycles instructions" >&3'
cat /sys/kernel/inxpect/events
check no-pmu-reported grep -q "^1 cycles rdpmc unavailable: no PMU" /sys/kernel/inxpect/events
check unknown-event-refused sh -c '! echo "bogus" >&3'
check tsc-still-armed grep -q "^0 tsc rdtsc armed" /sys/kernel/inxpect/events
check rmmod-refused-while-arming sh -c '! rmmod inxpect'
exec 3>&-
check session-released grep -q "^1 cycles rdpmc off$" /sys/kernel/inxpect/events

echo "== bad and unarmed indices, fenced reads (INXPECT_READ_FENCED, 0x10000)"
/kfunc-probe /kfunc_probe.o read 0 0x10000 1 2 5 7 8 255 0x80000000 0xffffffff \
  0x10001 0x10008 0x30000 > /tmp/reads.txt 2>&1
cat /tmp/reads.txt
check tc-and-fentry-load grep -q "^loaded: xdp tc fentry" /tmp/reads.txt
check tc-reads-tsc awk '$1 == "tc" { found = 1; ok = $4 > 0 } END { exit !(found && ok) }' /tmp/reads.txt
check tsc-advances awk '$1 == "read" && $2 == "0:" { exit !($3 > 0 && $4 > $3) } END { if (NR == 0) exit 1 }' /tmp/reads.txt
check fenced-tsc-advances awk '$1 == "read" && $2 == "0x10000:" { found = 1; ok = $3 > 0 && $4 > $3 } END { exit !(found && ok) }' /tmp/reads.txt
check others-read-zero awk '$1 == "read" && $2 != "0:" && $2 != "0x10000:" { n++; if ($3 != 0 || $4 != 0) bad = 1 } END { exit bad || n != 11 }' /tmp/reads.txt
check no-oops no_oops

echo "== unload while a program uses the kfunc"
check hold /kfunc-probe /kfunc_probe.o hold /sys/fs/bpf/held
check rmmod-refused-while-used sh -c '! rmmod inxpect'
rm -f /sys/fs/bpf/held
unloaded=no
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  # The program is freed after an RCU grace period: retry briefly.
  if rmmod inxpect 2>/dev/null; then unloaded=yes; break; fi
  sleep 0.2
done
check rmmod-after-release test $unloaded = yes
check control-files-gone test ! -e /sys/kernel/inxpect
echo "== inxpect-run replay, module unloaded"
/inxpect-run replay /drop.o --manifest /drop.json --synthetic 100 > /tmp/fallback.txt 2>&1
cat /tmp/fallback.txt
check falls-back-to-clock grep -q "^counter: clock (bpf_ktime_get_ns, ns): inxpect kernel module not loaded" /tmp/fallback.txt
/inxpect-run replay /drop.o --manifest /drop.json --synthetic 100 --precise > /tmp/precise-clock.txt 2>&1
echo "exit $?" >> /tmp/precise-clock.txt
cat /tmp/precise-clock.txt
check precise-refused-with-the-clock grep -q "error: --precise needs the inxpect kernel module" /tmp/precise-clock.txt
check precise-refused-as-usage grep -q "^exit 2$" /tmp/precise-clock.txt
check no-oops-at-end no_oops
dmesg | grep inxpect
echo "GUEST DONE"
poweroff -f
