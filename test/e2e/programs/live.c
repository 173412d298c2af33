// SPDX-License-Identifier: GPL-2.0
/*
 * live: a program to profile on a live interface. Every packet is
 * classified; ICMP echo requests are counted in a function of their own; then
 * the program tail-calls xdp_tail (slot 0 of `jump`), when a loader put it
 * there, which does a little work of its own. Everything passes.
 *
 * The entry program's own section would not end when the tail call succeeds
 * (the rewriter does not end sections before bpf_tail_call yet), so the
 * tests instrument only the functions that end before the tail call or run
 * in the tail-called program.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"

#define ICMP_ECHO_REQUEST 8

enum packet_kind { KIND_OTHER, KIND_IPV4, KIND_ECHO_REQUEST };

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} jump SEC(".maps");

#ifdef E2E_LIVE_PINNED
/* For the fault tests: a map the object asks to pin by name, which a
 * replay must not pin (the program does not use it; libbpf creates it). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} live_pinned SEC(".maps");
#endif

COUNTER(classify);
COUNTER(count_echo);
COUNTER(xdp_live);
COUNTER(xdp_tail);
COUNTER(tail_work);

__u64 echo_requests;
__u64 tail_bytes;

static __attribute__((noinline)) int classify(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = data + sizeof(*eth);
	__u8 *icmp_type;

	ENTERED(classify);
	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return KIND_OTHER;
	if ((void *)(ip + 1) > end || ip->protocol != IPPROTO_ICMP)
		return KIND_IPV4;
	icmp_type = (void *)ip + ip->ihl * 4;
	if ((void *)(icmp_type + 1) > end)
		return KIND_IPV4;
	return *icmp_type == ICMP_ECHO_REQUEST ? KIND_ECHO_REQUEST : KIND_IPV4;
}

static __attribute__((noinline)) void count_echo(void)
{
	ENTERED(count_echo);
	__sync_fetch_and_add(&echo_requests, 1);
}

static __attribute__((noinline)) void tail_work(struct xdp_md *ctx)
{
	ENTERED(tail_work);
	__sync_fetch_and_add(&tail_bytes, ctx->data_end - ctx->data);
}

SEC("xdp")
int xdp_tail(struct xdp_md *ctx)
{
	ENTERED(xdp_tail);
	tail_work(ctx);
	return XDP_PASS;
}

SEC("xdp")
int xdp_live(struct xdp_md *ctx)
{
	ENTERED(xdp_live);
	if (classify(ctx) == KIND_ECHO_REQUEST)
		count_echo();
	TAIL_TRIED(); bpf_tail_call(ctx, &jump, 0); TAIL_FAILED();
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
