// SPDX-License-Identifier: GPL-2.0
/*
 * own_trace_macros: a program with START_TRACE()/END_TRACE() macros of its
 * own, taking no argument and chosen by #if, as some programs time
 * themselves (issue 14, item 3). They are not inxpect's: the rewrite must
 * leave them as they are, and inxpect.h must not define its own over them.
 *
 * Policy: TCP and UDP pass, other IPv4 protocols and non-IPv4 frames are
 * dropped when their first bytes are all zero, else pass.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"

#ifdef E2E_PRINT_TIMES
#define START_TRACE() __u64 trace_start = bpf_ktime_get_ns()
#define END_TRACE() bpf_printk("%llu ns", bpf_ktime_get_ns() - trace_start)
#else
/* Counted, so the build the test runs does something with them. */
__u64 own_traces;
#define START_TRACE() __sync_fetch_and_add(&own_traces, 1)
#define END_TRACE() __sync_fetch_and_add(&own_traces, 1)
#endif

COUNTER(all_zero);
COUNTER(transport);
COUNTER(xdp_own_trace_macros);

static __always_inline int all_zero(const __u8 *bytes, const void *end)
{
	ENTERED(all_zero);
	START_TRACE();
	LOOP_ENTERED(); for (int i = 0; i < 4; i++) {
		if ((const void *)(bytes + i + 1) > end || bytes[i])
			return 0;
	}
	END_TRACE();
	return 1;
}

SEC("xdp")
int xdp_own_trace_macros(struct xdp_md *ctx)
{
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = (void *)(long)ctx->data;
	struct iphdr *ip = (void *)(eth + 1);

	RUN_STARTED();
	ENTERED(xdp_own_trace_macros);
	START_TRACE();
	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return all_zero((void *)eth, end) ? XDP_DROP : XDP_PASS;
	ENTERED(transport);
	// inxpect:region transport
	if (ip->protocol == IPPROTO_TCP || ip->protocol == IPPROTO_UDP)
		return XDP_PASS;
	END_TRACE();
	return all_zero((void *)(ip + 1), end) ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
