// SPDX-License-Identifier: GPL-2.0
/*
 * fullparser: an XDP parser for the headers a host sees. Ethernet with up to
 * two VLAN tags (802.1Q, 802.1ad), IPv4 with options, IPv6 with a bounded
 * walk over its extension headers, TCP with a bounded walk over its options,
 * UDP, ICMP and ICMPv6. It keeps per-protocol statistics and per-flow-bucket
 * packet counts (flow hash mixed by a bpf_loop callback).
 *
 * Policy: truncated or malformed headers are dropped, IPv4 TTL <= 1 and IPv6
 * hop limit <= 1 are dropped, IPv6 with more extension headers than we walk
 * is aborted, TCP SYN+FIN, packets to port 0, UDP to a privileged port that
 * is no well-known service and ICMP redirects are dropped; everything else
 * passes.
 *
 * Shapes for inxpect: inline helpers returning through a bounds-check macro,
 * a __noinline subprogram, a global function, a bpf_loop callback, for/while/
 * do loops (a #pragma unroll one, one that is the body of an if), regions,
 * begin/end ranges, and hand-written START_TRACE/END_TRACE.
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
#include "e2e_need.h"
#include "e2e_manual_trace.h"

#define MAX_VLAN_TAGS 2
#define MAX_IPV6_EXT_HEADERS 6
#define MAX_IPV4_OPTIONS 10
#define MAX_TCP_OPTIONS 12
#define FLOW_BUCKETS 64

#define TCPOPT_EOL 0
#define TCPOPT_NOP 1
#define TCPOPT_MSS 2
#define TCP_FLAG_FIN 0x01
#define TCP_FLAG_SYN 0x02

/* linux/icmp.h and linux/icmpv6.h pull in headers that do not build for
 * -target bpf: the two fields we read are enough. */
struct icmp_common {
	__u8 type;
	__u8 code;
	__sum16 checksum;
};

struct vlan_tag {
	__be16 tci;
	__be16 proto;
};

/* The generic part of every IPv6 extension header we walk. */
struct ipv6_ext {
	__u8 nexthdr;
	__u8 hdrlen;
};

enum stat {
	STAT_VLAN, STAT_IPV4, STAT_IPV4_OPTIONS, STAT_IPV6, STAT_IPV6_EXT, STAT_IPV6_FRAGMENT,
	STAT_TCP, STAT_TCP_SYN, STAT_TCP_OPTIONS, STAT_UDP, STAT_DNS,
	STAT_ICMP, STAT_ICMPV6, STAT_OTHER, STAT_MAX
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, STAT_MAX);
	__type(key, __u32);
	__type(value, __u64);
} parser_stats SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, FLOW_BUCKETS);
	__type(key, __u32);
	__type(value, __u64);
} flow_buckets SEC(".maps");

struct cursor {
	void *pos;
	void *end;
};

struct packet_info {
	__u32 saddr[4]; /* IPv4 uses saddr[0] */
	__u32 daddr[4];
	__u16 sport;
	__u16 dport;
	__u8 l4proto;
	__u8 tcp_flags;
	__u16 mss;
};

/* The state bpf_loop's callback mixes the flow's words into. */
struct flow_mix {
	__u32 hash;
	__u32 words[10];
};

COUNTER(stat_add);
COUNTER(parse_ethernet);
COUNTER(ipv4_options);
COUNTER(parse_ipv4);
COUNTER(ipv4_header_checks);
COUNTER(ipv6_ext_len);
COUNTER(ipv6_is_extension);
COUNTER(ipv6_ext_walk);
COUNTER(parse_ipv6);
COUNTER(ipv6_ext_step);
COUNTER(tcp_options);
COUNTER(tcp_option);
COUNTER(parse_tcp);
COUNTER(parse_udp);
COUNTER(icmp_verdict);
COUNTER(service_class);
COUNTER(mix_word);
COUNTER(count_flow);
COUNTER(xdp_fullparser);
COUNTER(l3);
COUNTER(l4_dispatch);
COUNTER(flow_stats);

static __always_inline void stat_add(__u32 key)
{
	__u64 *value;

	ENTERED(stat_add);
	value = bpf_map_lookup_elem(&parser_stats, &key);
	if (!value)
		return;
	*value += 1;
}

/* Returns the EtherType after the VLAN tags, in network order. */
static __always_inline int parse_ethernet(struct cursor *c, __be16 *proto)
{
	struct ethhdr *eth = c->pos;
	struct vlan_tag *tag;

	ENTERED(parse_ethernet);
	NEED(eth, c->end);
	*proto = eth->h_proto;
	c->pos = eth + 1;
#pragma unroll
	for (int i = (LOOP_ENTERED(), 0); i < MAX_VLAN_TAGS; i++) {
		if (*proto != bpf_htons(ETH_P_8021Q) && *proto != bpf_htons(ETH_P_8021AD))
			break;
		tag = c->pos;
		NEED(tag, c->end);
		*proto = tag->proto;
		c->pos = tag + 1;
		stat_add(STAT_VLAN);
	}
	return XDP_PASS;
}

/* A real BPF-to-BPF call: walks the options of an IPv4 header whose options
 * are `len` bytes long; returns how many there are, or -1 if malformed. */
static __noinline int ipv4_options(__u8 *opt, void *end, __u32 len)
{
	__u32 off = 0;
	int count = 0;

	ENTERED(ipv4_options);
	LOOP_ENTERED(); for (int i = 0; i < MAX_IPV4_OPTIONS; i++) {
		__u8 *p = opt + (off & 63);

		if (off >= len || off > 40)
			break;
		if ((void *)(p + 1) > end)
			return -1;
		if (p[0] == IPOPT_END)
			break;
		count++;
		if (p[0] == IPOPT_NOOP) {
			off++;
			continue;
		}
		if ((void *)(p + 2) > end || p[1] < 2)
			return -1;
		off += p[1];
	}
	return count;
}

static __always_inline int parse_ipv4(struct cursor *c, struct packet_info *info)
{
	struct iphdr *ip = c->pos;

	ENTERED(parse_ipv4);
	NEED(ip, c->end);
	// inxpect:begin ipv4_header_checks
	ENTERED(ipv4_header_checks);
	__u32 hdr_len = ip->ihl * 4;
	if (ip->ihl < 5 || ip->version != 4)
		return XDP_DROP;
	if (bpf_ntohs(ip->frag_off) & 0x1fff)
		info->l4proto = 0; /* a later fragment: no layer-4 header */
	else
		info->l4proto = ip->protocol;
	// inxpect:end ipv4_header_checks
	if (ip->ttl <= 1)
		return XDP_DROP;
	if (hdr_len > sizeof(*ip)) {
		if (ipv4_options((__u8 *)(ip + 1), c->end, hdr_len - sizeof(*ip)) < 0)
			return XDP_DROP;
		stat_add(STAT_IPV4_OPTIONS);
	}
	info->saddr[0] = ip->saddr;
	info->daddr[0] = ip->daddr;
	c->pos = (void *)ip + (hdr_len & 63);
	stat_add(STAT_IPV4);
	return XDP_PASS;
}

/* Length of extension header `type`, or 0 if `type` ends the chain. */
static __always_inline __u32 ipv6_ext_len(__u8 type, struct ipv6_ext *ext)
{
	ENTERED(ipv6_ext_len);
	switch (type) {
	case IPPROTO_HOPOPTS:
	case IPPROTO_ROUTING:
	case IPPROTO_DSTOPTS:
		return (ext->hdrlen + 1) * 8;
	case IPPROTO_FRAGMENT:
		return 8;
	case IPPROTO_AH:
		return (ext->hdrlen + 2) * 4;
	default:
		return 0;
	}
}

static __always_inline int ipv6_is_extension(__u8 type)
{
	ENTERED(ipv6_is_extension);
	return type == IPPROTO_HOPOPTS || type == IPPROTO_ROUTING || type == IPPROTO_DSTOPTS ||
	       type == IPPROTO_FRAGMENT || type == IPPROTO_AH;
}

/* A global function, so the verifier walks the chain once and not again for
 * every path into it: follows the extension headers from `start`, the
 * offset of the first, whose type is `next`. Returns the offset of the
 * layer-4 header << 8 | its protocol; -1 if a header is cut short, -2 if
 * the chain is longer than we walk. */
__noinline int ipv6_ext_walk(struct xdp_md *ctx, __u32 start, __u8 next)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__u32 off = start & 0xff;
	int depth = 0;

	ENTERED(ipv6_ext_walk);
	LOOP_ENTERED(); while (depth < MAX_IPV6_EXT_HEADERS) {
		struct ipv6_ext *ext = data + (off & 0x3fff);
		__u32 len;

		if ((void *)(ext + 1) > end)
			return -1;
		ENTERED(ipv6_ext_step);
		// inxpect:region ipv6_ext_step
		{
			len = ipv6_ext_len(next, ext);
			if (!len)
				break;
			depth++;
			next = ext->nexthdr;
			off += len;
			stat_add(STAT_IPV6_EXT);
			if (next != IPPROTO_FRAGMENT)
				continue; /* only fragments are counted below */
			stat_add(STAT_IPV6_FRAGMENT);
		}
	}
	if (ipv6_is_extension(next) && depth == MAX_IPV6_EXT_HEADERS)
		return -2;
	return (int)((off & 0x3fff) << 8 | next);
}

static __always_inline int parse_ipv6(struct xdp_md *ctx, struct cursor *c, struct packet_info *info)
{
	struct ipv6hdr *ip6 = c->pos;
	int walked;

	ENTERED(parse_ipv6);
	NEED(ip6, c->end);
	if (ip6->hop_limit <= 1)
		return XDP_DROP;
	__builtin_memcpy(info->saddr, &ip6->saddr, sizeof(info->saddr));
	__builtin_memcpy(info->daddr, &ip6->daddr, sizeof(info->daddr));
	walked = ipv6_ext_walk(ctx, (void *)(ip6 + 1) - (void *)(long)ctx->data, ip6->nexthdr);
	if (walked == -1)
		return XDP_DROP;
	if (walked < 0)
		return XDP_ABORTED;
	c->pos = (void *)(long)ctx->data + ((walked >> 8) & 0x3fff);
	info->l4proto = walked & 0xff;
	if (info->l4proto == IPPROTO_FRAGMENT)
		info->l4proto = 0; /* a fragment's layer-4 header is not ours to read */
	stat_add(STAT_IPV6);
	return XDP_PASS;
}

/* A global function, verified once rather than on every path that reaches
 * it: walks the TCP options, `len` bytes at `start` in the packet. Returns
 * the MSS option (0 if none), or -1 if the options are malformed. */
__noinline int tcp_options(struct xdp_md *ctx, __u32 start, __u32 len)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__u8 *opt = data + (start & 0xff);
	__u32 off = 0;
	int mss = 0;
	int i = 0;

	ENTERED(tcp_options);
	LOOP_ENTERED(); do {
		__u8 *p = opt + (off & 63);

		if (off >= len)
			break;
		if ((void *)(p + 1) > end)
			return -1;
		ENTERED(tcp_option);
		// inxpect:region tcp_option
		switch (p[0]) {
		case TCPOPT_EOL:
			return mss;
		case TCPOPT_NOP:
			off++;
			continue;
		case TCPOPT_MSS:
			if ((void *)(p + 4) > end)
				return -1;
			mss = (p[2] << 8) | p[3];
			break;
		default:
			break;
		}
		if ((void *)(p + 2) > end || p[1] < 2)
			return -1;
		off += p[1];
	} while (++i < MAX_TCP_OPTIONS);
	return mss;
}

static __always_inline int parse_tcp(struct xdp_md *ctx, struct cursor *c, struct packet_info *info)
{
	struct tcphdr *tcp = c->pos;
	__u32 doff;
	int mss;

	ENTERED(parse_tcp);
	NEED(tcp, c->end);
	doff = tcp->doff * 4;
	if (doff < sizeof(*tcp))
		return XDP_DROP;
	info->sport = bpf_ntohs(tcp->source);
	info->dport = bpf_ntohs(tcp->dest);
	info->tcp_flags = ((__u8 *)tcp)[13];
	stat_add(STAT_TCP);
	if ((info->tcp_flags & (TCP_FLAG_SYN | TCP_FLAG_FIN)) == (TCP_FLAG_SYN | TCP_FLAG_FIN))
		return XDP_DROP;
	if (info->tcp_flags & TCP_FLAG_SYN)
		stat_add(STAT_TCP_SYN);
	if (doff > sizeof(*tcp)) {
		stat_add(STAT_TCP_OPTIONS);
		mss = tcp_options(ctx, (void *)(tcp + 1) - (void *)(long)ctx->data, doff - sizeof(*tcp));
		if (mss < 0)
			return XDP_DROP;
		info->mss = mss;
	}
	return XDP_PASS;
}

static __always_inline int parse_udp(struct cursor *c, struct packet_info *info)
{
	struct udphdr *udp = c->pos;

	ENTERED(parse_udp);
	NEED(udp, c->end);
	if (bpf_ntohs(udp->len) < sizeof(*udp))
		return XDP_DROP;
	info->sport = bpf_ntohs(udp->source);
	info->dport = bpf_ntohs(udp->dest);
	stat_add(STAT_UDP);
	if (info->dport == 53 || info->sport == 53)
		stat_add(STAT_DNS);
	return XDP_PASS;
}

/* ICMP and ICMPv6 types we pass or refuse. */
static __always_inline int icmp_verdict(struct cursor *c, __u8 proto)
{
	struct icmp_common *icmp = c->pos;

	ENTERED(icmp_verdict);
	NEED(icmp, c->end);
	stat_add(proto == IPPROTO_ICMP ? STAT_ICMP : STAT_ICMPV6);
	switch (proto == IPPROTO_ICMP ? icmp->type : icmp->type | 0x100) {
	case 5:           /* ICMP redirect */
	case 0x100 | 137: /* ICMPv6 redirect */
		return XDP_DROP;
	case 0:           /* echo reply */
	case 8:           /* echo request */
	case 0x100 | 128:
	case 0x100 | 129:
		return XDP_PASS;
	}
	return icmp->code > 15 ? XDP_DROP : XDP_PASS;
}

/* A global function: verified on its own, called with scalars. The class of
 * service a port belongs to, from a table of well-known ports. */
__noinline int service_class(__u16 port)
{
	static const __u16 well_known[8] = { 22, 53, 80, 123, 443, 3306, 5201, 8080 };

	ENTERED(service_class);
	if (port == 0)
		return -1;
	for (int i = (LOOP_ENTERED(), 0); i < 8; i++)
		if (well_known[i] == port)
			return i + 1;
	return 0;
}

/* bpf_loop callback: one round of the flow hash (FNV-style, over a word). */
static long mix_word(__u32 index, void *data)
{
	struct flow_mix *mix = data;

	ENTERED(mix_word);
	if (index >= 10)
		return 1;
	mix->hash = (mix->hash ^ mix->words[index]) * 16777619;
	return 0;
}

static __always_inline void count_flow(struct packet_info *info)
{
	struct flow_mix mix = { .hash = 2166136261u };
	__u32 bucket;
	__u64 *packets;

	ENTERED(count_flow);
	__builtin_memcpy(mix.words, info->saddr, sizeof(info->saddr));
	__builtin_memcpy(&mix.words[4], info->daddr, sizeof(info->daddr));
	mix.words[8] = ((__u32)info->sport << 16) | info->dport;
	mix.words[9] = info->l4proto;
	bpf_loop(10, mix_word, &mix, 0);
	bucket = mix.hash % FLOW_BUCKETS;
	packets = bpf_map_lookup_elem(&flow_buckets, &bucket);
	if (packets)
		*packets += 1;
}

SEC("xdp")
int xdp_fullparser(struct xdp_md *ctx)
{
	struct cursor c = { (void *)(long)ctx->data, (void *)(long)ctx->data_end };
	struct packet_info info = {};
	__be16 proto;
	int verdict;

	RUN_STARTED();
	ENTERED(xdp_fullparser);
	verdict = parse_ethernet(&c, &proto);
	if (verdict != XDP_PASS)
		return verdict;
	ENTERED(l3);
	// inxpect:region l3
	if (proto == bpf_htons(ETH_P_IP))
		verdict = parse_ipv4(&c, &info);
	else if (proto == bpf_htons(ETH_P_IPV6))
		verdict = parse_ipv6(ctx, &c, &info);
	else {
		stat_add(STAT_OTHER);
		return XDP_PASS;
	}
	if (verdict != XDP_PASS)
		return verdict;

	START_TRACE(l4_dispatch);
	ENTERED(l4_dispatch);
	switch (info.l4proto) {
	case IPPROTO_TCP:
		verdict = parse_tcp(ctx, &c, &info);
		break;
	case IPPROTO_UDP:
		verdict = parse_udp(&c, &info);
		break;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return icmp_verdict(&c, info.l4proto);
	default:
		verdict = XDP_PASS;
	}
	END_TRACE(l4_dispatch);
	if (verdict != XDP_PASS)
		return verdict;

	// inxpect:begin flow_stats
	ENTERED(flow_stats);
	int class = service_class(info.dport);
	if (class < 0)
		goto drop;
	count_flow(&info);
	// inxpect:end flow_stats
	if (class == 0 && info.l4proto == IPPROTO_UDP && info.dport < 1024)
		return XDP_DROP; /* no service of ours listens there */
	return XDP_PASS;
drop:
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
