// SPDX-License-Identifier: GPL-2.0
/*
 * shared_callee: one function entered inside two different sections, the
 * case folded stacks must split (FoldedStacksTest). Every packet enters
 * mix() twice: inside the region `headers` of the entry, with 32 rounds,
 * and inside payload_sum(), with 96, so it costs about three times as much
 * inside the second for as many entries. The verdict depends on the hashes,
 * so nothing is optimised away.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "e2e_count.h"

COUNTER(mix);
COUNTER(payload_sum);
COUNTER(headers);
COUNTER(xdp_shared_callee);

static __always_inline __u32 mix(__u32 x, __u32 rounds)
{
	ENTERED(mix);
	for (__u32 i = (LOOP_ENTERED(), 0); i < rounds; i++)
		x = (x ^ (x >> 15)) * 0x2c1b3c6d + i;
	return x;
}

static __always_inline __u32 payload_sum(struct xdp_md *ctx)
{
	ENTERED(payload_sum);
	return mix(ctx->data_end - ctx->data, 96);
}

SEC("xdp")
int xdp_shared_callee(struct xdp_md *ctx)
{
	__u32 h;

	RUN_STARTED();
	ENTERED(xdp_shared_callee);
	ENTERED(headers);
	// inxpect:region headers
	h = mix(ctx->ingress_ifindex + ctx->rx_queue_index, 32);
	h ^= payload_sum(ctx);
	return (h & 0xff) == 0x5a ? XDP_DROP : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
