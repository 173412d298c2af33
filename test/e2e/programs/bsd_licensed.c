// SPDX-License-Identifier: BSD-2-Clause
/*
 * bsd_licensed: a license the kernel does not count as GPL-compatible
 * ("BSD"), in a program with hand-written traces that includes inxpect.h
 * itself (through e2e_manual_trace.h), with no free line before that
 * include (issue 14, item 1). The probes read the clock only, and the
 * rewrite must tell inxpect.h so before the program's own include.
 *
 * Policy: frames with more than one VLAN tag are dropped, the rest pass.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"
#include "e2e_manual_trace.h"

#define MAX_TAGS 2

struct vlan_tag {
	__be16 tci;
	__be16 proto;
};

COUNTER(count_tags);
COUNTER(tags);
COUNTER(xdp_bsd_licensed);

static __always_inline int count_tags(struct ethhdr *eth, void *end)
{
	struct vlan_tag *tag = (void *)(eth + 1);
	__be16 proto = eth->h_proto;
	int n = 0;

	ENTERED(count_tags);
	LOOP_ENTERED(); while (n < MAX_TAGS && (proto == bpf_htons(ETH_P_8021Q) ||
						proto == bpf_htons(ETH_P_8021AD))) {
		if ((void *)(tag + 1) > end)
			return -1;
		proto = tag->proto;
		tag++;
		n++;
	}
	return n;
}

SEC("xdp")
int xdp_bsd_licensed(struct xdp_md *ctx)
{
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = (void *)(long)ctx->data;
	int n;

	RUN_STARTED();
	ENTERED(xdp_bsd_licensed);
	if ((void *)(eth + 1) > end)
		return XDP_DROP;
	START_TRACE(tags);
	ENTERED(tags);
	n = count_tags(eth, end);
	END_TRACE(tags);
	return n < 0 || n > 1 ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "BSD";
