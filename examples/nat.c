// SPDX-License-Identifier: GPL-2.0
/*
 * nat: source address and port translation (masquerading) for an inside
 * network, 10.0.0.0/8, behind one public address, 203.0.113.1.
 *
 * A TCP or UDP packet from inside gets a public port from a connection table
 * (a new flow takes the next free port of the pool), its source address and
 * port rewritten, the IP and transport checksums updated in place, and is
 * sent back out (XDP_TX). A reply to the public address finds its flow
 * through the reverse table and is translated back; one to a port no flow
 * holds is dropped. Anything else passes to the kernel.
 *
 * User space may publish an inside server by seeding both tables with a
 * static mapping (a port forward); new flows then skip that port.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "checksum.h"

#define INSIDE_NET 0x0a000000 /* 10.0.0.0/8, host order */
#define INSIDE_MASK 0xff000000
#define PUBLIC_ADDR 0xcb007101 /* 203.0.113.1 */
#define PORT_FIRST 16384       /* the pool: ports 16384 to 65535 */
#define PORT_COUNT 49152
#define PORT_TRIES 8           /* ports tried for a new flow before giving up */

struct flow {
	__be32 addr;  /* inside address */
	__be16 port;  /* inside port */
	__u8 proto;
	__u8 pad;
};

/* Outbound: inside (address, port, protocol) -> public port. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct flow);
	__type(value, __be16);
} nat_out SEC(".maps");

/* Inbound: public port << 8 | protocol -> the inside flow. A port is taken
 * for a protocol when it has an entry here. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, struct flow);
} nat_in SEC(".maps");

/* The pool's cursor: advanced atomically, but only when a flow is new. 64
 * bits because a 32-bit atomic fetch-and-add needs -mcpu=v3. */
__u64 next_port;

struct l4 {
	__be16 *sport;
	__be16 *dport;
	__sum16 *check; /* NULL: a UDP packet without checksum */
	int udp;
};

static __always_inline int parse_l4(struct iphdr *ip, void *end, struct l4 *l4)
{
	void *hdr = (void *)ip + ip->ihl * 4;

	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = hdr;

		if ((void *)(tcp + 1) > end)
			return -1;
		l4->sport = &tcp->source;
		l4->dport = &tcp->dest;
		l4->check = &tcp->check;
		l4->udp = 0;
		return 0;
	}
	if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = hdr;

		if ((void *)(udp + 1) > end)
			return -1;
		l4->sport = &udp->source;
		l4->dport = &udp->dest;
		l4->check = udp->check ? &udp->check : NULL;
		l4->udp = 1;
		return 0;
	}
	return -1;
}

static __always_inline __u32 inbound_key(__be16 public_port, __u8 proto)
{
	return (__u32)public_port << 8 | proto;
}

/* Takes `port` for the flow unless another flow holds it: the kernel inserts
 * with BPF_NOEXIST atomically, so two CPUs never take the same port. */
static __always_inline int claim_port(const struct flow *inside, __be16 port)
{
	__u32 back = inbound_key(port, inside->proto);

	return bpf_map_update_elem(&nat_in, &back, inside, BPF_NOEXIST) == 0;
}

/* A port for a new flow, or 0 when the next PORT_TRIES ports are all taken. */
static __always_inline __be16 open_flow(const struct flow *inside)
{
	for (int try = 0; try < PORT_TRIES; try++) {
		__be16 port = bpf_htons(PORT_FIRST + __sync_fetch_and_add(&next_port, 1) % PORT_COUNT);
		__be16 *theirs;
		__u32 back;

		if (!claim_port(inside, port))
			continue;
		if (bpf_map_update_elem(&nat_out, inside, &port, BPF_NOEXIST) == 0)
			return port;
		/* Another CPU opened the same flow meanwhile: give the port back
		 * and use the one it took. */
		back = inbound_key(port, inside->proto);
		bpf_map_delete_elem(&nat_in, &back);
		theirs = bpf_map_lookup_elem(&nat_out, inside);
		return theirs ? *theirs : 0;
	}
	return 0;
}

static __always_inline __be16 public_port_for(const struct flow *inside)
{
	__be16 *known = bpf_map_lookup_elem(&nat_out, inside);

	return known ? *known : open_flow(inside);
}

/* Rewrites one address and one port, and both checksums that cover them
 * (the transport checksum covers the addresses through its pseudo-header). */
static __always_inline void rewrite(struct iphdr *ip, struct l4 *l4, __be32 *addr, __be16 *port,
				    __be32 new_addr, __be16 new_port)
{
	csum_replace4(&ip->check, *addr, new_addr);
	if (l4->check) {
		csum_replace4(l4->check, *addr, new_addr);
		csum_replace2(l4->check, *port, new_port);
		/* In UDP a checksum of 0 means none: one's complement has two
		 * zeros, and the other one is sent (RFC 768). */
		if (l4->udp && !*l4->check)
			*l4->check = 0xffff;
	}
	*addr = new_addr;
	*port = new_port;
}

static __always_inline void swap_macs(struct ethhdr *eth)
{
	unsigned char tmp[ETH_ALEN];

	__builtin_memcpy(tmp, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, tmp, ETH_ALEN);
}

SEC("xdp")
int xdp_nat(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct l4 l4;

	if ((void *)(ip + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl < 5)
		return XDP_PASS;
	if (parse_l4(ip, end, &l4) < 0)
		return XDP_PASS;

	// inxpect:region translate  the connection tables and the rewrite
	if ((bpf_ntohl(ip->saddr) & INSIDE_MASK) == INSIDE_NET) {
		struct flow inside = { .addr = ip->saddr, .port = *l4.sport, .proto = ip->protocol };
		__be16 port = public_port_for(&inside);

		if (!port)
			return XDP_PASS;
		rewrite(ip, &l4, &ip->saddr, l4.sport, bpf_htonl(PUBLIC_ADDR), port);
	} else if (ip->daddr == bpf_htonl(PUBLIC_ADDR)) {
		__u32 back = inbound_key(*l4.dport, ip->protocol);
		struct flow *inside = bpf_map_lookup_elem(&nat_in, &back);

		if (!inside)
			return XDP_DROP; /* no flow opened from inside */
		rewrite(ip, &l4, &ip->daddr, l4.dport, inside->addr, inside->port);
	} else {
		return XDP_PASS;
	}
	swap_macs(eth);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
