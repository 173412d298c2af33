// SPDX-License-Identifier: GPL-2.0
/*
 * loadbalancer: a layer-4 XDP load balancer in the style of Katran, without
 * encapsulation (direct server return on one L2 segment). For IPv4 TCP and
 * UDP to a virtual IP (VIP):
 *  - the VIP is looked up in the hash map `vips`, first for its exact port,
 *    then as an any-port VIP (port 0);
 *  - the flow's backend comes from the LRU connection table `conns`, or is
 *    chosen by consistent hashing: the 5-tuple's hash indexes the VIP's
 *    Maglev lookup table (a ring of RING_SIZE slots in `maglev`, each naming
 *    a backend); a slot whose backend is down passes to the next slot, and
 *    the choice is remembered;
 *  - the destination address and MACs are rewritten, the IPv4 and layer-4
 *    checksums updated incrementally (RFC 1624), and the packet sent back
 *    out (XDP_TX).
 * Everything else passes; truncated headers, IPv4 fragments and TTL <= 1
 * are dropped, and a VIP whose backends are all down drops its traffic.
 *
 * The VIPs and the Maglev tables are loaded by the control plane (the e2e
 * test fills `vips` and `maglev` the same way in both builds, MapSeeds.cpp);
 * the backends and their health are compiled in.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"
#include "e2e_need.h"
#include "e2e_manual_trace.h"

#define NBACKENDS 16
#define MAX_BACKEND_TRIES 4
#define NRINGS 4
#define RING_SIZE 61 /* prime, as Maglev needs, and much larger than a ring's backends */
#define MAX_VIPS 256
#define MAX_CONNS 65536

/* Key of `vips`: addresses and ports in network order, as in the packet. */
struct vip_key {
	__be32 addr;
	__be16 port; /* 0: any port */
	__u8 proto;
	__u8 pad;
};

struct vip_meta {
	__u32 id;   /* index into vip_stats */
	__u32 ring; /* the VIP's Maglev table in `maglev` */
};

struct flow_key {
	__be32 src, dst;
	__be16 sport, dport;
	__u8 proto;
	__u8 pad[3];
};

struct backend {
	__be32 addr;
	__u8 mac[ETH_ALEN];
	__u8 up;
};

struct vip_traffic {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_VIPS);
	__type(key, struct vip_key);
	__type(value, struct vip_meta);
} vips SEC(".maps");

/* NRINGS Maglev lookup tables of RING_SIZE slots: backend indices. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NRINGS * RING_SIZE);
	__type(key, __u32);
	__type(value, __u32);
} maglev SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, MAX_CONNS);
	__type(key, struct flow_key);
	__type(value, __u32); /* index into backends */
} conns SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MAX_VIPS);
	__type(key, __u32);
	__type(value, struct vip_traffic);
} vip_stats SEC(".maps");

#define BACKEND(a, b, c, d, m, up) \
	{ (__be32)((d) << 24 | (c) << 16 | (b) << 8 | (a)), { 0x02, 0, 0, 0, 0, m }, up }

/* Network order addresses on a little-endian target, as BPF is. */
static const struct backend backends[NBACKENDS] = {
	BACKEND(10, 0, 1, 1, 0x11, 1),  BACKEND(10, 0, 1, 2, 0x12, 1),
	BACKEND(10, 0, 1, 3, 0x13, 0),  BACKEND(10, 0, 1, 4, 0x14, 1),
	BACKEND(10, 0, 2, 1, 0x21, 1),  BACKEND(10, 0, 2, 2, 0x22, 1),
	BACKEND(10, 0, 2, 3, 0x23, 1),  BACKEND(10, 0, 2, 4, 0x24, 1),
	BACKEND(10, 0, 3, 1, 0x31, 0),  BACKEND(10, 0, 3, 2, 0x32, 0),
	BACKEND(10, 0, 3, 3, 0x33, 0),  BACKEND(10, 0, 3, 4, 0x34, 0), /* a VIP all down */
	BACKEND(10, 0, 4, 1, 0x41, 1),  BACKEND(10, 0, 4, 2, 0x42, 0),
	BACKEND(10, 0, 4, 3, 0x43, 1),  BACKEND(10, 0, 4, 4, 0x44, 1),
};

COUNTER(flow_hash);
COUNTER(find_vip);
COUNTER(pick_backend);
COUNTER(backend_for);
COUNTER(csum_update4);
COUNTER(account);
COUNTER(rewrite_l4_csum);
COUNTER(xdp_loadbalancer);
COUNTER(conn_lookup);
COUNTER(probe);
COUNTER(rewrite);
COUNTER(checksums);
COUNTER(remembered);
COUNTER(new_flow);
COUNTER(not_a_vip);

/* A Jenkins-style mix of the 5-tuple's three words. */
static __always_inline __u32 flow_hash(const struct flow_key *k)
{
	__u32 words[3] = { k->src, k->dst, ((__u32)k->sport << 16 | k->dport) ^ k->proto };
	__u32 h = 0x9e3779b9;

	ENTERED(flow_hash);
#pragma unroll
	for (int i = (LOOP_ENTERED(), 0); i < 3; i++) {
		h += words[i];
		h ^= h >> 16;
		h *= 0x85ebca6b;
		h ^= h >> 13;
	}
	return h;
}

static __always_inline struct vip_meta *find_vip(struct flow_key *flow)
{
	struct vip_key key = { .addr = flow->dst, .port = flow->dport, .proto = flow->proto };
	struct vip_meta *vip;

	ENTERED(find_vip);
	vip = bpf_map_lookup_elem(&vips, &key);
	if (vip)
		return vip;
	key.port = 0;
	return bpf_map_lookup_elem(&vips, &key);
}

/* A subprogram: the backend of the flow's slot in the VIP's Maglev table,
 * or of the first slot after it whose backend is up. Returns NBACKENDS if
 * none of MAX_BACKEND_TRIES slots has one. */
static __noinline __u32 pick_backend(const struct vip_meta *vip, __u32 hash)
{
	__u32 ring = vip->ring;
	__u32 found = NBACKENDS;
	__u32 tries = 0;

	ENTERED(pick_backend);
	if (ring >= NRINGS)
		return NBACKENDS;
	LOOP_ENTERED(); while (tries < MAX_BACKEND_TRIES) {
		__u32 slot = ring * RING_SIZE + (hash + tries) % RING_SIZE;
		__u32 *index = bpf_map_lookup_elem(&maglev, &slot);

		tries++;
		ENTERED(probe);
		// inxpect:region probe
		{
			if (!index || *index >= NBACKENDS || !backends[*index].up)
				continue; /* try the next slot */
			found = *index;
			break;
		}
	}
	return found;
}

/* The flow's backend: remembered in the connection table, or chosen now. */
static __always_inline __u32 backend_for(const struct vip_meta *vip, struct flow_key *flow)
{
	__u32 *known, chosen;

	ENTERED(backend_for);
	known = bpf_map_lookup_elem(&conns, flow);
	if (known && *known < NBACKENDS && backends[*known].up) {
		ENTERED(remembered);
		// inxpect:region remembered  an existing connection
		return *known;
	}
	// inxpect:begin new_flow
	ENTERED(new_flow);
	chosen = pick_backend(vip, flow_hash(flow));
	if (chosen < NBACKENDS)
		bpf_map_update_elem(&conns, flow, &chosen, BPF_ANY);
	// inxpect:end new_flow
	return chosen;
}

/* A global function: checksum `csum` (network order) after a 32-bit word of
 * what it covers changed from `from` to `to` (RFC 1624, eqn. 3). */
__noinline __u16 csum_update4(__u16 csum, __u32 from, __u32 to)
{
	__u32 sum = (__u16)~csum;

	ENTERED(csum_update4);
	sum += (__u16)~from + (__u16)~(from >> 16);
	sum += (__u16)to + (__u16)(to >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* Counts the packet for its VIP; returns nothing, falls off the end. */
static __always_inline void account(const struct vip_meta *vip, __u32 bytes)
{
	__u32 id = vip->id;
	struct vip_traffic *t = bpf_map_lookup_elem(&vip_stats, &id);

	ENTERED(account);
	if (!t)
		return;
	t->packets++;
	t->bytes += bytes;
}

static __always_inline int rewrite_l4_csum(void *l4, void *end, __u8 proto, __be32 from, __be32 to)
{
	ENTERED(rewrite_l4_csum);
	switch (proto) {
	case IPPROTO_TCP: {
		struct tcphdr *tcp = l4;

		NEED(tcp, end);
		tcp->check = csum_update4(tcp->check, from, to);
		return XDP_TX;
	}
	case IPPROTO_UDP: {
		struct udphdr *udp = l4;

		NEED(udp, end);
		if (udp->check) /* 0: no checksum over IPv4 */
			udp->check = csum_update4(udp->check, from, to);
		return XDP_TX;
	}
	default:
		return XDP_PASS;
	}
}

SEC("xdp")
int xdp_loadbalancer(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct flow_key flow = {};
	struct vip_meta *vip;
	struct iphdr *ip;
	void *l4;
	__u32 chosen;

	RUN_STARTED();
	ENTERED(xdp_loadbalancer);
	NEED(eth, end);
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = data + sizeof(*eth);
	NEED(ip, end);
	if (ip->ihl != 5)
		return XDP_PASS; /* options: leave it to the kernel */
	if (ip->frag_off & bpf_htons(0x3fff))
		return XDP_DROP;
	if (ip->protocol != IPPROTO_TCP && ip->protocol != IPPROTO_UDP)
		return XDP_PASS;
	l4 = ip + 1;
	NEED((struct udphdr *)l4, end); /* both start with the two ports */
	flow.src = ip->saddr;
	flow.dst = ip->daddr;
	flow.sport = ((struct udphdr *)l4)->source;
	flow.dport = ((struct udphdr *)l4)->dest;
	flow.proto = ip->protocol;

	vip = find_vip(&flow);
	if (!vip) {
		ENTERED(not_a_vip);
		// inxpect:region not_a_vip
		return XDP_PASS;
	}
	if (ip->ttl <= 1)
		return XDP_DROP;
	ENTERED(conn_lookup);
	// inxpect:region conn_lookup
	chosen = backend_for(vip, &flow);
	if (chosen >= NBACKENDS)
		return XDP_DROP;

	// inxpect:begin rewrite
	ENTERED(rewrite);
	const struct backend *b = &backends[chosen];
	__be32 old_daddr = ip->daddr;
	if (old_daddr == b->addr)
		goto send; /* already addressed to it */
	ip->daddr = b->addr;
	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, b->mac, ETH_ALEN);
	// inxpect:end rewrite

	/* A block of its own: the goto above must not jump into the trace. */
	{
		START_TRACE(checksums);
		ENTERED(checksums);
		__u16 ttl_word = *(__u16 *)&ip->ttl; /* TTL and protocol */
		ip->ttl--;
		ip->check = csum_update4(ip->check, ttl_word, *(__u16 *)&ip->ttl);
		ip->check = csum_update4(ip->check, old_daddr, b->addr);
		int verdict = rewrite_l4_csum(l4, end, ip->protocol, old_daddr, b->addr);
		END_TRACE(checksums);
		if (verdict != XDP_TX)
			return verdict;
	}
send:
	account(vip, end - data);
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
