#!/bin/sh
# /init of read-cost.sh's guest (busybox, -icount shift=0): the instructions
# a pair of reads costs with each counter source (kfunc-probe cost), then
# inxpect-run's calibrated probe cost with the kfunc unfenced, fenced, and the
# clock once the module is unloaded. Ends with "GUEST DONE".
. /guest-common.sh
report_tsc_clocksource
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
