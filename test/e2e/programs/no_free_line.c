#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"
COUNTER(is_broadcast);
COUNTER(broadcast);
COUNTER(xdp_no_free_line);
static __always_inline int is_broadcast(const struct ethhdr *eth)
{
	ENTERED(is_broadcast);
	LOOP_ENTERED(); for (int i = 0; i < ETH_ALEN; i++)
		if (eth->h_dest[i] != 0xff)
			return 0;
	return 1;
}
SEC("xdp")
int xdp_no_free_line(struct xdp_md *ctx)
{
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = (void *)(long)ctx->data;

	RUN_STARTED();
	ENTERED(xdp_no_free_line);
	if ((void *)(eth + 1) > end)
		return XDP_DROP;
	ENTERED(broadcast);
	// inxpect:region broadcast
	if (is_broadcast(eth))
		return XDP_PASS;
	return eth->h_proto == bpf_htons(ETH_P_ARP) ? XDP_DROP : XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
// SPDX-License-Identifier: GPL-2.0
/*
 * no_free_line: no line before the first function is free for the include
 * (each holds code or a directive), as in programs that start with their
 * includes and declare without a blank line (issue 14, item 5). So its
 * comments, this one included, come last.
 *
 * Policy: broadcast frames pass, ARP is dropped, the rest passes.
 */
