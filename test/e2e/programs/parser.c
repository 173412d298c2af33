// SPDX-License-Identifier: GPL-2.0
/*
 * parser: a packet parser with the shapes inxpect must get right. Bounds
 * checks return from inside a macro, helpers return early from several
 * places, a __noinline subprogram and a void helper are called per packet,
 * and ICMP echo requests are answered in place (bytes rewritten, XDP_TX).
 *
 * Policy: IPv4 with TTL <= 1 is dropped, TCP to port 23 is dropped, ICMP
 * and ICMPv6 echo requests are answered, everything else passes. Protocol
 * counters live in a per-CPU array.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"

#define VLAN_HLEN 4
#define ETH_P_8021Q_BE bpf_htons(0x8100)

/* Leaves the program when the header does not fit in the packet. */
#define NEED(ptr, end)                                        \
	do {                                                  \
		if ((void *)((ptr) + 1) > (void *)(end))      \
			return XDP_DROP;                      \
	} while (0)

enum proto_stat { STAT_TCP, STAT_UDP, STAT_ICMP, STAT_OTHER, STAT_MAX };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} proto_stats SEC(".maps");

/* Our own ICMP header: linux/icmp.h pulls in glibc's socket headers, which
 * do not build for -target bpf. */
struct icmp_echo {
	__u8 type;
	__u8 code;
	__sum16 checksum;
};
#define ICMP_ECHO_REQUEST 8
#define ICMP_ECHO_REPLY 0
#define ICMPV6_ECHO_REQUEST 128
#define ICMPV6_ECHO_REPLY 129

struct cursor {
	void *pos;
	void *end;
};

COUNTER(count_proto);
COUNTER(swap_macs);
COUNTER(fold_csum);
COUNTER(port_policy);
COUNTER(parse_eth);
COUNTER(handle_tcp);
COUNTER(handle_icmp4);
COUNTER(parse_ipv4);
COUNTER(handle_icmp6);
COUNTER(parse_ipv6);
COUNTER(xdp_parser);

static __always_inline void count_proto(__u32 stat)
{
	__u64 *value;

	ENTERED(count_proto);
	value = bpf_map_lookup_elem(&proto_stats, &stat);
	if (!value)
		return;
	*value += 1;
}

static __always_inline void swap_macs(struct ethhdr *eth)
{
	unsigned char tmp[ETH_ALEN];

	ENTERED(swap_macs);
	__builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
}

static __always_inline __u16 fold_csum(__u32 sum)
{
	ENTERED(fold_csum);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)((sum & 0xffff) + (sum >> 16));
}

/* A real BPF-to-BPF call: verified once, called for every TCP packet. */
static __noinline int port_policy(__u16 dport)
{
	ENTERED(port_policy);
	if (dport == 23)
		return XDP_DROP;
	if (dport == 0)
		return XDP_ABORTED;
	return XDP_PASS;
}

static __always_inline int parse_eth(struct cursor *c, __u16 *proto)
{
	struct ethhdr *eth = c->pos;

	ENTERED(parse_eth);
	NEED(eth, c->end);
	*proto = eth->h_proto;
	c->pos = eth + 1;
	if (*proto == ETH_P_8021Q_BE) {
		__be16 *inner = (void *)eth + sizeof(*eth) + 2;

		NEED(inner, c->end);
		*proto = *inner;
		c->pos = (void *)eth + sizeof(*eth) + VLAN_HLEN;
	}
	return XDP_PASS;
}

static __always_inline int handle_tcp(struct cursor *c)
{
	struct tcphdr *tcp = c->pos;

	ENTERED(handle_tcp);
	NEED(tcp, c->end);
	count_proto(STAT_TCP);
	return port_policy(bpf_ntohs(tcp->dest));
}

static __always_inline int handle_icmp4(struct cursor *c, struct ethhdr *eth, struct iphdr *ip)
{
	struct icmp_echo *icmp = c->pos;
	__u32 sum;
	__be32 addr;

	ENTERED(handle_icmp4);
	NEED(icmp, c->end);
	count_proto(STAT_ICMP);
	if (icmp->type != ICMP_ECHO_REQUEST)
		return XDP_PASS;
	/* Echo reply: type 8 -> 0 changes the checksum by 0x0800. */
	icmp->type = ICMP_ECHO_REPLY;
	sum = (__u16)~bpf_ntohs(icmp->checksum) + 0xf7ff;
	icmp->checksum = bpf_htons(~fold_csum(sum));
	addr = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = addr;
	swap_macs(eth);
	return XDP_TX;
}

static __always_inline int parse_ipv4(struct cursor *c, struct ethhdr *eth)
{
	struct iphdr *ip = c->pos;

	ENTERED(parse_ipv4);
	NEED(ip, c->end);
	if (ip->ihl < 5)
		return XDP_DROP;
	if (ip->ttl <= 1)
		return XDP_DROP;
	c->pos = (void *)ip + ip->ihl * 4;
	switch (ip->protocol) {
	case IPPROTO_TCP:
		return handle_tcp(c);
	case IPPROTO_UDP:
		count_proto(STAT_UDP);
		return XDP_PASS;
	case IPPROTO_ICMP:
		return handle_icmp4(c, eth, ip);
	}
	count_proto(STAT_OTHER);
	return XDP_PASS;
}

static __always_inline int handle_icmp6(struct cursor *c, struct ethhdr *eth, struct ipv6hdr *ip6)
{
	struct icmp_echo *icmp = c->pos;
	struct in6_addr addr;
	__u32 sum;

	ENTERED(handle_icmp6);
	NEED(icmp, c->end);
	count_proto(STAT_ICMP);
	if (icmp->type != ICMPV6_ECHO_REQUEST)
		return XDP_PASS;
	/* 128 -> 129 changes the checksum by 0x0100. */
	icmp->type = ICMPV6_ECHO_REPLY;
	sum = (__u16)~bpf_ntohs(icmp->checksum) + 0x0100;
	icmp->checksum = bpf_htons(~fold_csum(sum));
	addr = ip6->saddr;
	ip6->saddr = ip6->daddr;
	ip6->daddr = addr;
	swap_macs(eth);
	return XDP_TX;
}

static __always_inline int parse_ipv6(struct cursor *c, struct ethhdr *eth)
{
	struct ipv6hdr *ip6 = c->pos;

	ENTERED(parse_ipv6);
	NEED(ip6, c->end);
	if (ip6->hop_limit <= 1)
		return XDP_DROP;
	c->pos = ip6 + 1;
	if (ip6->nexthdr == IPPROTO_TCP)
		return handle_tcp(c);
	if (ip6->nexthdr == IPPROTO_ICMPV6)
		return handle_icmp6(c, eth, ip6);
	count_proto(ip6->nexthdr == IPPROTO_UDP ? STAT_UDP : STAT_OTHER);
	return XDP_PASS;
}

SEC("xdp")
int xdp_parser(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct ethhdr *eth = c.pos;
	__u16 proto;
	int verdict;

	RUN_STARTED();
	ENTERED(xdp_parser);
	verdict = parse_eth(&c, &proto);
	if (verdict != XDP_PASS)
		return verdict;
	if (proto == bpf_htons(ETH_P_IP))
		return parse_ipv4(&c, eth);
	if (proto == bpf_htons(ETH_P_IPV6))
		return parse_ipv6(&c, eth);
	count_proto(STAT_OTHER);
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
