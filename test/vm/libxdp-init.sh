#!/bin/sh
# /init of the vm.libxdp guest (busybox). xdp-loader (libxdp) loads the
# instrumented router on lo in skb mode: the interface runs libxdp's
# dispatcher, and the router runs as an extension (freplace) of one of its
# slots. inxpect-run attach profiles the router by its own id while pings
# cross lo: each echo request and each reply is one run, so every count must
# be exactly twice the pings. Attaching to the dispatcher's id names the
# programs behind it. Then a second program (tunnel) joins behind a new
# dispatcher and is profiled by name, and last, with the inxpect module
# loaded, the router reloaded is profiled by libxdp's pin through the kfunc.
# inxpect-run list shows the router behind the dispatcher.
# Every check prints "CHECK ok|FAIL NAME", the end "GUEST DONE"; libxdp.sh
# judges from the console (judge.sh).
. /guest-common.sh
pings=25

# The id of program NAME in xdp-loader's status of lo.
program_id() {
  xdp-loader status lo > /tmp/status.txt 2>&1
  # "lo  xdp_dispatcher  skb  ID ..." for the dispatcher, " =>  PRIO  NAME  ID ..." behind it
  awk -v name="$1" '$1 == "lo" && $2 == name { print $4 } $1 == "=>" && $3 == name { print $4 }' /tmp/status.txt
}

# profile NAME OUT HOW...: profiles the program HOW names (--prog-id ID, ...)
# while $pings echo requests cross lo, then stops inxpect-run with Ctrl-C;
# OUT gets its final table, OUT.err its notes.
profile() {
  name=$1 out=$2
  shift 2
  /inxpect-run attach "$@" --interval 600 > "$out" 2> "$out.err" &
  runner=$!
  for _ in $(seq 1 240); do
    grep -q "profiling " "$out.err" && break
    kill -0 $runner 2>/dev/null || break
    sleep 0.5
  done
  ping -q -A -c $pings 127.0.0.1 > "$out.ping" 2>&1
  kill -INT $runner 2>/dev/null
  wait $runner
  echo "exit $?" >> "$out.err"
  cat "$out.err" "$out.ping" "$out"
  check "$name-attached" grep -q "^exit 0$" "$out.err"
  check "$name-pings-answered" grep -q "$pings packets transmitted, $pings packets received" "$out.ping"
  check "$name-runs-exact" grep -q "^final after .* runs: $((2 * pings)) " "$out"
}

# count OUT SECTION: the final count of SECTION in OUT.
count() { sed -n '/^final after/,$p' "$1" | awk -v s="$2" '$2 == s { print $4 }'; }

mkdir -p /run # xdp-loader's lock file
ip link set lo up
echo "== xdp-loader load -m skb lo /router.o"
xdp-loader load -m skb lo /router.o > /tmp/load.txt 2>&1
echo "exit $?" >> /tmp/load.txt
cat /tmp/load.txt
check router-loaded grep -q "^exit 0$" /tmp/load.txt
check no-fallback-without-dispatcher sh -c '! grep -q "without dispatcher" /tmp/load.txt'
dispatcher=$(program_id xdp_dispatcher)
router=$(program_id xdp_router)
cat /tmp/status.txt
check router-behind-dispatcher test -n "$dispatcher" -a -n "$router"
ls -R /sys/fs/bpf/xdp # libxdp's pins

echo "== inxpect-run list: the router behind the dispatcher, the dispatcher left out"
/inxpect-run list > /tmp/list.txt 2>&1
/inxpect-run list --all > /tmp/list-all.txt 2>&1
/inxpect-run list --format json > /tmp/list.json 2>&1
cat /tmp/list.txt /tmp/list-all.txt /tmp/list.json
check list-router-ext grep -q "^$router: ext  name xdp_router  tag " /tmp/list.txt
check list-router-sections grep -q "^	sections 4: count, decrease_ttl, xdp_router, lookup$" /tmp/list.txt
check list-router-behind-dispatcher grep -q "^	extension (freplace) of libxdp's dispatcher xdp_dispatcher (id $dispatcher), xdp on lo (ifindex 1), generic, " /tmp/list.txt
check list-no-dispatcher sh -c "! grep -q '^$dispatcher: ' /tmp/list.txt"
check list-all-dispatcher grep -q "^$dispatcher: xdp  name xdp_dispatcher  tag " /tmp/list-all.txt
check list-json-extension grep -q "\"attached\":\[{\"kind\":\"extension\",\"target_id\":$dispatcher,\"target_name\":\"xdp_dispatcher\",\"libxdp_dispatcher\":true,\"target_xdp\":\[{\"ifindex\":1,\"interface\":\"lo\",\"mode\":\"generic\"," /tmp/list.json

echo "== inxpect-run attach to the dispatcher (id $dispatcher)"
/inxpect-run attach --prog-id "$dispatcher" --duration 1 > /tmp/dispatcher.txt 2>&1
echo "exit $?" >> /tmp/dispatcher.txt
cat /tmp/dispatcher.txt
check dispatcher-refused grep -q "^exit 1$" /tmp/dispatcher.txt
check dispatcher-named grep -q "is libxdp's dispatcher (xdp-loader), not an instrumented program" /tmp/dispatcher.txt
check dispatcher-lists-router grep -q "the program behind it is id $router (xdp_router), an extension (freplace) of one of its functions\. Profile it by its id: inxpect-run attach --prog-id $router" /tmp/dispatcher.txt

echo "== inxpect-run attach --prog-id $router (the router, behind the dispatcher), $pings pings"
profile router /tmp/router.txt --prog-id "$router"
check router-is-extension grep -q "xdp_router (id $router) runs as an extension (freplace) of libxdp's dispatcher xdp_dispatcher (id $dispatcher)$" /tmp/router.txt.err
check router-counter-clock grep -q "^counter: clock" /tmp/router.txt
for section in xdp_router lookup count; do
  check "router-$section-exact" test "$(count /tmp/router.txt $section)" = $((2 * pings))
done
check router-decrease_ttl-never test "$(count /tmp/router.txt decrease_ttl)" = 0

echo "== xdp-loader load -m skb lo /tunnel.o: two programs behind a new dispatcher"
xdp-loader load -m skb lo /tunnel.o > /tmp/load2.txt 2>&1
echo "exit $?" >> /tmp/load2.txt
cat /tmp/load2.txt
check tunnel-loaded grep -q "^exit 0$" /tmp/load2.txt
dispatcher2=$(program_id xdp_dispatcher)
tunnel=$(program_id xdp_tunnel)
cat /tmp/status.txt
check router-keeps-its-id test "$(program_id xdp_router)" = "$router"
/inxpect-run attach --prog-id "$dispatcher2" --duration 1 > /tmp/dispatcher2.txt 2>&1
cat /tmp/dispatcher2.txt
check dispatcher-lists-both grep -q "the programs behind it are id $router (xdp_router), id $tunnel (xdp_tunnel), each an extension" /tmp/dispatcher2.txt
echo "== inxpect-run attach --prog-name xdp_tunnel, $pings pings"
profile tunnel /tmp/tunnel.txt --prog-name xdp_tunnel
check tunnel-is-extension grep -q "xdp_tunnel (id $tunnel) runs as an extension (freplace) of libxdp's dispatcher xdp_dispatcher (id $dispatcher2)$" /tmp/tunnel.txt.err
check tunnel-xdp_tunnel-exact test "$(count /tmp/tunnel.txt xdp_tunnel)" = $((2 * pings))

echo "== the inxpect module: the router reloaded, its probes call the kfunc"
xdp-loader unload -a lo
check insmod insmod /inxpect.ko
xdp-loader load -m skb lo /router.o > /tmp/load3.txt 2>&1
cat /tmp/load3.txt
dispatcher=$(program_id xdp_dispatcher)
router=$(program_id xdp_router)
check kfunc-router-behind-dispatcher test -n "$dispatcher" -a -n "$router"
# libxdp pins each program beside its link, by slot, under the dispatcher's id.
pin=$(ls /sys/fs/bpf/xdp/dispatch-*-"$dispatcher"/prog0-prog)
echo "== inxpect-run attach --pinned $pin, $pings pings"
profile kfunc /tmp/kfunc.txt --pinned "$pin"
check kfunc-pin-is-router grep -q "xdp_router (id $router) runs as an extension" /tmp/kfunc.txt.err
check kfunc-counter grep -q "^counter: kfunc (bpf_inxpect_read, inxpect kernel module): tsc via rdtsc in cycles" /tmp/kfunc.txt
for section in xdp_router lookup count; do
  check "kfunc-$section-exact" test "$(count /tmp/kfunc.txt $section)" = $((2 * pings))
done
xdp-loader unload -a lo
check no-oops sh -c '! dmesg | grep -E "Oops|BUG:|Call Trace"'
echo "GUEST DONE"
poweroff -f
