// SPDX-License-Identifier: GPL-2.0
/*
 * tailcall: one run, two programs. xdp_chain measures the frame (an inlined
 * function, frame_size) and tail-calls xdp_chain_next for even-sized
 * frames, through a program array libbpf fills at load (its initial
 * values), so `inxpect-run replay` takes the tail calls as a loader would.
 * xdp_chain_next inlines frame_size too and calls a helper of its own.
 * Each packet is one run: the tail-called program goes on with it.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "e2e_count.h"

COUNTER(frame_size);
COUNTER(next_work);
COUNTER(xdp_chain);
COUNTER(xdp_chain_next);

static __always_inline __u32 frame_size(struct xdp_md *ctx)
{
	ENTERED(frame_size);
	return ctx->data_end - ctx->data;
}

static __attribute__((noinline)) int next_work(__u32 len)
{
	ENTERED(next_work);
	return len % 4 == 0 ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int xdp_chain_next(struct xdp_md *ctx)
{
	RUN_STARTED();
	ENTERED(xdp_chain_next);
	return next_work(frame_size(ctx));
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__array(values, int(void *));
} chain SEC(".maps") = {
	.values = { [0] = (void *)&xdp_chain_next },
};

SEC("xdp")
int xdp_chain(struct xdp_md *ctx)
{
	RUN_STARTED();
	ENTERED(xdp_chain);
	if (frame_size(ctx) % 2 == 0) {
		TAIL_TRIED(); bpf_tail_call(ctx, &chain, 0); TAIL_FAILED(); }
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
