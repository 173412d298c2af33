// SPDX-License-Identifier: GPL-2.0
/*
 * drop: drops every packet. The smallest XDP program there is, and the
 * paper's baseline: whatever a profiler reports for it is its own overhead.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_drop(struct xdp_md *ctx)
{
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
