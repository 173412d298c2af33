// SPDX-License-Identifier: GPL-2.0
/*
 * router: IPv4 forwarding by longest-prefix match.
 *
 * The routing table is an LPM trie user space fills with prefixes and their
 * next hops (the next hop's MAC and the MAC to send from). A routed packet
 * gets its MACs rewritten and its TTL decremented (checksum updated in
 * place) and is sent back out (XDP_TX; a router with several ports would
 * redirect). Packets with no route, or a TTL that would expire, go to the
 * kernel, which knows how to answer them with ICMP.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct route_key {
	__u32 prefixlen; /* LPM trie keys start with the prefix length */
	__be32 addr;
};

struct next_hop {
	unsigned char dmac[ETH_ALEN];
	unsigned char smac[ETH_ALEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 16384);
	__type(key, struct route_key);
	__type(value, struct next_hop);
} routes SEC(".maps");

enum { STAT_ROUTED, STAT_NO_ROUTE, STAT_TTL, STAT_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} router_stats SEC(".maps");

static __always_inline int count(__u32 stat, int verdict)
{
	__u64 *n = bpf_map_lookup_elem(&router_stats, &stat);

	if (n)
		*n += 1;
	return verdict;
}

/* TTL - 1: the TTL is the high byte of its 16-bit word, so the checksum
 * rises by 0x0100 (RFC 1624), folded once. */
static __always_inline void decrease_ttl(struct iphdr *ip)
{
	__u32 check = ip->check;

	check += bpf_htons(0x0100);
	ip->check = (__sum16)(check + (check >= 0xffff));
	ip->ttl--;
}

SEC("xdp")
int xdp_router(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct route_key key = { .prefixlen = 32 };
	struct next_hop *hop;

	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	if (ip->ttl <= 1)
		return count(STAT_TTL, XDP_PASS);
	key.addr = ip->daddr;
	// inxpect:region lookup  the longest-prefix match in the trie
	hop = bpf_map_lookup_elem(&routes, &key);
	if (!hop)
		return count(STAT_NO_ROUTE, XDP_PASS);
	decrease_ttl(ip);
	__builtin_memcpy(eth->h_dest, hop->dmac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, hop->smac, ETH_ALEN);
	return count(STAT_ROUTED, XDP_TX);
}

char LICENSE[] SEC("license") = "GPL";
