#!/bin/sh
# /init of bench/guest_driver.sh's guest (busybox): waits for the TSC to
# become the clock source, reports it and its calibration on the console,
# runs /driver with the arguments in /driver-args, its JSON to ttyS1 (a
# file on the host), and ends with "GUEST EXIT status".
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
stty -F /dev/ttyS1 raw
# shellcheck disable=SC2046 # one argument a word, as written by guest_driver.sh
/driver $(cat /driver-args) > /dev/ttyS1
echo "GUEST EXIT $?"
poweroff -f
