// SPDX-License-Identifier: GPL-2.0
/*
 * over_budget: the shape of issue 14's large load balancer, small. The
 * original verifies (about 270,000 processed instructions); with every
 * function a section it goes over the verifier's budget of 1,000,000 ("BPF
 * program is too large"), while each function alone fits.
 *
 * STEPS unrolled steps each take a branch on a bit of the hash the verifier
 * cannot predict and append it to `path`, which later indexes `weights`:
 * the index must be exact, so the verifier keeps the 2^STEPS paths apart,
 * and walks the small leaf helpers inlined into every step once a path.
 * Their probes lengthen each walk. The branch is inline assembly, else
 * clang computes `path` without one.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#ifndef STEPS
#define STEPS 11
#endif

__u32 weights[1 << STEPS];

static __always_inline __u32 rotl(__u32 x, int k)
{
	return (x << k) | (x >> (32 - k));
}

static __always_inline __u32 mix(__u32 a, __u32 b)
{
	a ^= b;
	return rotl(a, 5) + b;
}

static __always_inline __u32 fold(__u32 a)
{
	return (a >> 16) ^ (a & 0xffff);
}

static __always_inline __u32 bit(__u32 a, int i)
{
	return (a >> i) & 1;
}

static __always_inline __u32 scramble(__u32 h, __u32 k)
{
	h = mix(h, k);
	h = mix(h, rotl(k, 13));
	return fold(h) ^ rotl(h, 7);
}

SEC("xdp")
int xdp_over_budget(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	__u32 h, path = 0;

	if ((void *)(ip + 1) > end)
		return XDP_DROP;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	h = ip->saddr ^ ip->daddr;
#pragma unroll
	for (int i = 0; i < STEPS; i++) {
		path *= 2;
		asm volatile("if %1 == 0 goto +1\n\t%0 += 1" : "+r"(path) : "r"(bit(h, i)));
		h = scramble(h, i);
	}
	h = scramble(h, weights[path]);
	ip->id = bpf_htons(fold(h));
	return h & 1 ? XDP_TX : XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
