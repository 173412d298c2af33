// SPDX-License-Identifier: GPL-2.0
/*
 * tunnel: IP-in-IP encapsulation (RFC 2003) of the traffic for one prefix.
 *
 * IPv4 packets whose destination is in the tunnelled prefix get an outer
 * IPv4 header (protocol 4, from the local to the remote tunnel endpoint) in
 * front of their own, and are sent back out (XDP_TX) to the neighbour they came
 * from, the MACs swapped. Everything else passes.
 * The prefix and the endpoints are read-only globals a loader may set.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "checksum.h"

const volatile __u32 tunnel_prefix = 0xc6336400; /* 198.51.100.0/25, host order */
const volatile __u32 tunnel_mask = 0xffffff80;
const volatile __u32 local_endpoint = 0xc0000201; /* 192.0.2.1 */
const volatile __u32 remote_endpoint = 0xc0000202; /* 192.0.2.2 */

static __always_inline int in_tunnel(const struct iphdr *ip)
{
	return (bpf_ntohl(ip->daddr) & tunnel_mask) == tunnel_prefix;
}

static __always_inline void fill_outer(struct iphdr *outer, const struct iphdr *inner)
{
	outer->version = 4;
	outer->ihl = 5;
	outer->tos = inner->tos;
	outer->tot_len = bpf_htons(bpf_ntohs(inner->tot_len) + sizeof(*outer));
	outer->id = 0;
	outer->frag_off = bpf_htons(0x4000); /* don't fragment */
	outer->ttl = 64;
	outer->protocol = IPPROTO_IPIP;
	outer->check = 0;
	outer->saddr = bpf_htonl(local_endpoint);
	outer->daddr = bpf_htonl(remote_endpoint);
	outer->check = csum_words((const __u16 *)outer, sizeof(*outer) / 2);
}

SEC("xdp")
int xdp_tunnel(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data, saved;
	struct iphdr *inner = (void *)(eth + 1), *outer;

	if ((void *)(inner + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (!in_tunnel(inner))
		return XDP_PASS;
	saved = *eth;

	// inxpect:begin encapsulate
	/* Room for the outer header in front of the packet. */
	if (bpf_xdp_adjust_head(ctx, -(int)sizeof(struct iphdr)))
		return XDP_ABORTED;
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	eth = data;
	outer = (void *)(eth + 1);
	inner = outer + 1;
	if ((void *)(inner + 1) > end)
		return XDP_ABORTED;
	__builtin_memcpy(eth->h_dest, saved.h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, saved.h_dest, ETH_ALEN);
	eth->h_proto = saved.h_proto;
	fill_outer(outer, inner);
	// inxpect:end encapsulate
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
