// SPDX-License-Identifier: GPL-2.0
/*
 * inxpect-run compare's behaviour test (CompareCliTest.cpp): built as is,
 * every packet passes untouched; built with -DVERDICT_CHANGED, IPv4 UDP is
 * dropped and IPv4 TCP passes with its TTL lowered (other bytes, the same
 * verdict). The sections are the same in both builds.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

SEC("xdp")
int xdp_verdict(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	int verdict = XDP_PASS;

	// inxpect:region classify
	if ((void *)(ip + 1) <= end && eth->h_proto == bpf_htons(ETH_P_IP)) {
#ifdef VERDICT_CHANGED
		if (ip->protocol == IPPROTO_UDP)
			verdict = XDP_DROP;
		else if (ip->protocol == IPPROTO_TCP)
			ip->ttl--;
#endif
	}
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
