#!/bin/sh
# /init of read-cost.sh's guest (busybox, -icount shift=0): the instructions
# a pair of reads costs with each counter source (kfunc-probe cost), then
# inxpect-run's calibrated probe cost with the kfunc unfenced, fenced, and the
# clock once the module is unloaded. Ends with "GUEST DONE".
. /guest-common.sh
current=/sys/devices/system/clocksource/clocksource0/current_clocksource
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  # The kernel switches to the TSC once it has refined its calibration.
  [ "$(cat "$current")" = tsc ] && break
  sleep 0.5
done
echo # the firmware's terminal codes end the first console line: start a fresh one
echo "CLOCKSOURCE $(cat "$current")"
dmesg | sed -n 's/.*tsc: Refined TSC clocksource calibration: \([0-9.]*\) MHz.*/TSC_MHZ \1/p'
insmod /inxpect.ko
# 0: the TSC unfenced; 0x10000: fenced (INXPECT_READ_FENCED).
/kfunc-probe /kfunc_probe.o cost 1000000 0 0x10000 | grep "^cost"
for precise in "" --precise; do
  echo "== replay ${precise:-unfenced}"
  /inxpect-run replay /drop.o --manifest /drop.json --synthetic 100000 $precise 2>&1 |
    grep -E "^counter|^probe cost|xdp_drop"
  /inxpect-run replay /drop.o --manifest /drop.json --synthetic 100000 --raw $precise 2>&1 |
    grep -E "xdp_drop"
done
rmmod inxpect
echo "== replay clock"
/inxpect-run replay /drop.o --manifest /drop.json --synthetic 100000 2>&1 |
  grep -E "^counter|^probe cost|xdp_drop"
/inxpect-run replay /drop.o --manifest /drop.json --synthetic 100000 --raw 2>&1 | grep -E "xdp_drop"
echo "GUEST DONE"
poweroff -f
