#!/bin/sh
# /init of bench/guest_driver.sh's guest (busybox): waits for the TSC to
# become the clock source, reports it and its calibration on the console,
# runs /driver with the arguments in /driver-args, its JSON to ttyS1 (a
# file on the host), and ends with "GUEST EXIT status".
. /guest-common.sh
report_tsc_clocksource
stty -F /dev/ttyS1 raw
# shellcheck disable=SC2046 # one argument a word, as written by guest_driver.sh
/driver $(cat /driver-args) > /dev/ttyS1
echo "GUEST EXIT $?"
poweroff -f
