// SPDX-License-Identifier: GPL-2.0
/* drop: the smallest XDP program there is, it drops every packet. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "e2e_count.h"

COUNTER(xdp_drop);

SEC("xdp")
int xdp_drop(struct xdp_md *ctx)
{
	RUN_STARTED();
	ENTERED(xdp_drop);
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
