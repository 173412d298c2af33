#!/bin/sh
# /init of bench/guest_driver.sh's guest (busybox): waits for the TSC to
# become the clock source, reports it and its calibration on the console,
# runs /driver with the arguments in /driver-args, its JSON to ttyS1 (a
# file on the host), then, when there is /module-runs, loads /inxpect.ko and
# runs /driver once more for each line of it, and ends with "GUEST EXIT status".
. /guest-common.sh
report_tsc_clocksource
stty -F /dev/ttyS1 raw
# The clock counts instructions here: inxpect-run compare says "insns".
export INXPECT_ICOUNT_GUEST=1
# shellcheck disable=SC2046 # one argument a word, as written by guest_driver.sh
/driver $(cat /driver-args) > /dev/ttyS1
status=$?
if [ $status -eq 0 ] && [ -e /module-runs ]; then
  insmod /inxpect.ko || status=$?
  while [ $status -eq 0 ] && read -r args; do
    # shellcheck disable=SC2086 # one argument a word
    /driver $args > /dev/ttyS1 || status=$?
  done < /module-runs
fi
echo "GUEST EXIT $status"
poweroff -f
