/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The whole of header_filter's program: IPv4 packets to a destination whose
 * bytes XOR to a multiple of 4 are dropped, and so are those with TTL 1;
 * everything else passes. Its loop counts its entries by its line here.
 */
#ifndef HEADER_FILTER_FILTER_H
#define HEADER_FILTER_FILTER_H

COUNTER(ipv4_of);
COUNTER(blocked);
COUNTER(xdp_header_filter);
COUNTER(last_hop);

static __always_inline struct iphdr *ipv4_of(void *data, void *end)
{
	ENTERED(ipv4_of);
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return NULL;
	if ((void *)(ip + 1) > end)
		return NULL;
	return ip;
}

static __attribute__((noinline)) int blocked(__u32 daddr)
{
	ENTERED(blocked);
	__u32 folded = 0;

	for (int i = (LOOP_ENTERED(), 0); i < 4; i++)
		folded ^= (daddr >> (8 * i)) & 0xff;
	return (folded & 3) == 0;
}

SEC("xdp")
int xdp_header_filter(struct xdp_md *ctx)
{
	RUN_STARTED();
	ENTERED(xdp_header_filter);
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct iphdr *ip = ipv4_of(data, end);

	if (!ip)
		return XDP_PASS;
	ENTERED(last_hop);
	// inxpect:region last_hop
	if (ip->ttl <= 1)
		return XDP_DROP;
	return blocked(ip->daddr) ? XDP_DROP : XDP_PASS;
}

#endif
