// SPDX-License-Identifier: GPL-2.0
/*
 * firewall: a stateless XDP firewall. IPv4 packets are held against an
 * ordered table of 5-tuple rules (source and destination prefix, protocol,
 * destination port range); the first rule that matches decides, and each
 * rule counts its hits. Packets no rule matches get the default policy
 * (pass). Rules marked LOG hand the packet to a second program, tail_0,
 * which records it in a log ring and returns the rule's verdict; one in 64
 * packets that reach the default policy go to a sampler, tail_1, which
 * keeps a packet-size histogram.
 *
 * IPv6 is not held against the table: TCP and UDP to port 23 are dropped,
 * the rest passes. Truncated headers are dropped, TCP with SYN+FIN or with
 * no flags is dropped before the table.
 *
 * The jump table follows the e2e convention: map jump_table, tail_<i> at i.
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

#define NRULES 48
#define LOG_RING 256
#define SAMPLE_EVERY 64
#define SNAP_BYTES 32
#define SIZE_BUCKETS 6

#define IPV4(a, b, c, d) ((__u32)(a) << 24 | (__u32)(b) << 16 | (__u32)(c) << 8 | (__u32)(d))

enum action { ACT_PASS, ACT_DROP, ACT_LOG_PASS, ACT_LOG_DROP, ACT_ABORT };

/* Addresses in host order; proto 0 matches any protocol. */
struct fw_rule {
	__u32 src, src_mask;
	__u32 dst, dst_mask;
	__u8 proto;
	__u8 action;
	__u16 dport_lo, dport_hi;
};

/* Through RULE_ so that ANY, NET8... expand to their two fields first. */
#define RULE(...) RULE_(__VA_ARGS__)
#define RULE_(s, sm, d, dm, p, lo, hi, act) \
	{ .src = s, .src_mask = sm, .dst = d, .dst_mask = dm, .proto = p, .dport_lo = lo, .dport_hi = hi, .action = act }
#define ANY 0, 0
#define NET8(a) IPV4(a, 0, 0, 0), 0xff000000
#define NET24(a, b, c) IPV4(a, b, c, 0), 0xffffff00
#define HOST(a, b, c, d) IPV4(a, b, c, d), 0xffffffff

static const struct fw_rule rules[NRULES] = {
	RULE(ANY, ANY, IPPROTO_TCP, 23, 23, ACT_LOG_DROP),          /* telnet */
	RULE(ANY, ANY, IPPROTO_TCP, 0, 0, ACT_ABORT),               /* port 0 */
	RULE(ANY, ANY, IPPROTO_UDP, 0, 0, ACT_DROP),
	RULE(NET8(10), HOST(198, 51, 100, 1), 0, 0, 65535, ACT_DROP),
	RULE(NET8(10), HOST(198, 51, 100, 2), 0, 0, 65535, ACT_LOG_DROP),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_TCP, 22, 22, ACT_LOG_PASS),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_TCP, 80, 80, ACT_PASS),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_TCP, 443, 443, ACT_PASS),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_UDP, 53, 53, ACT_PASS),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_UDP, 123, 123, ACT_PASS),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_TCP, 3306, 3306, ACT_LOG_DROP),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_TCP, 8080, 8080, ACT_PASS),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_TCP, 5201, 5201, ACT_DROP),
	RULE(NET8(10), NET24(198, 51, 100), IPPROTO_UDP, 5201, 5201, ACT_DROP),
	RULE(NET24(10, 0, 0), ANY, 0, 0, 65535, ACT_LOG_PASS),
	RULE(NET24(10, 1, 0), ANY, 0, 0, 65535, ACT_DROP),
	RULE(NET24(10, 2, 0), ANY, IPPROTO_TCP, 1024, 65535, ACT_DROP),
	RULE(NET24(10, 3, 0), ANY, IPPROTO_UDP, 1024, 65535, ACT_DROP),
	RULE(NET24(10, 4, 0), ANY, IPPROTO_ICMP, 0, 65535, ACT_LOG_DROP),
	RULE(NET24(10, 5, 0), ANY, 0, 0, 65535, ACT_PASS),
	RULE(NET24(10, 6, 0), ANY, 0, 0, 65535, ACT_DROP),
	RULE(NET24(10, 7, 0), ANY, 0, 0, 65535, ACT_LOG_PASS),
	RULE(NET24(10, 8, 0), ANY, IPPROTO_TCP, 0, 1023, ACT_DROP),
	RULE(NET24(10, 9, 0), ANY, IPPROTO_UDP, 0, 1023, ACT_DROP),
	RULE(NET24(10, 10, 0), ANY, 0, 0, 65535, ACT_DROP),
	RULE(NET24(10, 11, 0), ANY, 0, 0, 65535, ACT_PASS),
	RULE(NET24(10, 12, 0), ANY, 0, 0, 65535, ACT_DROP),
	RULE(NET24(10, 13, 0), ANY, 0, 0, 65535, ACT_PASS),
	RULE(NET24(10, 14, 0), ANY, 0, 0, 65535, ACT_DROP),
	RULE(NET24(10, 15, 0), ANY, 0, 0, 65535, ACT_LOG_DROP),
	RULE(NET24(192, 0, 2), ANY, 0, 0, 65535, ACT_DROP),        /* TEST-NET-1 as source */
	RULE(NET24(203, 0, 113), ANY, 0, 0, 65535, ACT_DROP),      /* TEST-NET-3 as source */
	RULE(NET8(127), ANY, 0, 0, 65535, ACT_DROP),               /* martians */
	RULE(NET8(0), ANY, 0, 0, 65535, ACT_DROP),
	RULE(IPV4(224, 0, 0, 0), 0xf0000000, ANY, 0, 0, 65535, ACT_DROP),
	RULE(ANY, IPV4(224, 0, 0, 0), 0xf0000000, IPPROTO_UDP, 0, 65535, ACT_PASS),
	RULE(ANY, HOST(198, 51, 100, 10), IPPROTO_TCP, 25, 25, ACT_PASS),
	RULE(ANY, HOST(198, 51, 100, 11), IPPROTO_TCP, 110, 110, ACT_PASS),
	RULE(ANY, HOST(198, 51, 100, 12), IPPROTO_TCP, 143, 143, ACT_PASS),
	RULE(ANY, HOST(198, 51, 100, 13), IPPROTO_TCP, 0, 65535, ACT_LOG_PASS),
	RULE(ANY, HOST(198, 51, 100, 14), IPPROTO_UDP, 0, 65535, ACT_LOG_PASS),
	RULE(ANY, HOST(198, 51, 100, 15), 0, 0, 65535, ACT_DROP),
	RULE(ANY, NET24(198, 51, 100), IPPROTO_ICMP, 0, 65535, ACT_PASS),
	RULE(ANY, ANY, IPPROTO_TCP, 135, 139, ACT_DROP),             /* NetBIOS */
	RULE(ANY, ANY, IPPROTO_UDP, 135, 139, ACT_DROP),
	RULE(ANY, ANY, IPPROTO_TCP, 445, 445, ACT_LOG_DROP),
	RULE(ANY, ANY, IPPROTO_UDP, 1900, 1900, ACT_DROP),          /* SSDP */
	RULE(ANY, ANY, IPPROTO_TCP, 6000, 6063, ACT_DROP),          /* X11 */
};

/* TCP flag combinations no legitimate stack sends. */
static const struct { __u8 mask, value; } bad_tcp_flags[4] = {
	{ 0x03, 0x03 }, /* SYN+FIN */
	{ 0x06, 0x06 }, /* SYN+RST */
	{ 0x3f, 0x00 }, /* no flags */
	{ 0x29, 0x29 }, /* FIN+PSH+URG: xmas */
};

struct five_tuple {
	__u32 src, dst; /* host order */
	__u16 sport, dport;
	__u8 proto;
	__u8 tcp_flags;
};

/* What the firewall hands to tail_0 across the tail call. */
struct log_request {
	__u32 rule;
	__u32 verdict;
};

struct log_entry {
	__u32 rule;
	__u32 verdict;
	__u32 len;
	__u8 head[SNAP_BYTES];
};

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} jump_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, NRULES + 1); /* the last one: default policy */
	__type(key, __u32);
	__type(value, __u64);
} rule_hits SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct log_request);
} log_scratch SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, LOG_RING);
	__type(key, __u32);
	__type(value, struct log_entry);
} log_ring SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SIZE_BUCKETS);
	__type(key, __u32);
	__type(value, __u64);
} size_histogram SEC(".maps");

__u64 log_seq;
__u64 default_seen;

COUNTER(count_hit);
COUNTER(rule_matches);
COUNTER(first_match);
COUNTER(verdict_of);
COUNTER(read_tuple);
COUNTER(ipv6_policy);
COUNTER(xdp_firewall);
COUNTER(bad_flags);
COUNTER(rule_lookup);
COUNTER(hand_over);
COUNTER(tail_0);
COUNTER(snapshot);
COUNTER(tail_1);

static __always_inline void count_hit(__u32 index)
{
	__u64 *hits;

	ENTERED(count_hit);
	hits = bpf_map_lookup_elem(&rule_hits, &index);
	if (!hits)
		return;
	*hits += 1;
}

static __always_inline int rule_matches(const struct fw_rule *r, const struct five_tuple *t)
{
	ENTERED(rule_matches);
	if ((t->src & r->src_mask) != r->src || (t->dst & r->dst_mask) != r->dst)
		return 0;
	if (r->proto && r->proto != t->proto)
		return 0;
	return t->dport >= r->dport_lo && t->dport <= r->dport_hi;
}

/* The index of the first rule that matches, NRULES if none does. A
 * subprogram: the table walk is verified once per call site, not inlined. */
static __noinline int first_match(const struct five_tuple *t)
{
	ENTERED(first_match);
	for (int i = (LOOP_ENTERED(), 0); i < NRULES; i++) {
		if (rule_matches(&rules[i], t))
			return i;
	}
	return NRULES;
}

static __always_inline int verdict_of(__u8 action)
{
	ENTERED(verdict_of);
	switch (action) {
	case ACT_PASS:
	case ACT_LOG_PASS:
		return XDP_PASS;
	case ACT_DROP:
	case ACT_LOG_DROP:
		return XDP_DROP;
	default:
		return XDP_ABORTED;
	}
}

/* Fills the 5-tuple from an IPv4 packet; XDP_PASS when it could. */
static __always_inline int read_tuple(struct iphdr *ip, void *end, struct five_tuple *t)
{
	void *l4 = (void *)ip + ip->ihl * 4;

	ENTERED(read_tuple);
	t->src = bpf_ntohl(ip->saddr);
	t->dst = bpf_ntohl(ip->daddr);
	t->proto = ip->protocol;
	if (ip->protocol == IPPROTO_TCP) {
		struct tcphdr *tcp = l4;

		NEED(tcp, end);
		t->sport = bpf_ntohs(tcp->source);
		t->dport = bpf_ntohs(tcp->dest);
		t->tcp_flags = ((__u8 *)tcp)[13];
	} else if (ip->protocol == IPPROTO_UDP) {
		struct udphdr *udp = l4;

		NEED(udp, end);
		t->sport = bpf_ntohs(udp->source);
		t->dport = bpf_ntohs(udp->dest);
	}
	return XDP_PASS;
}

static __always_inline int ipv6_policy(struct ipv6hdr *ip6, void *end)
{
	__be16 *ports = (void *)(ip6 + 1);

	ENTERED(ipv6_policy);
	if (ip6->nexthdr != IPPROTO_TCP && ip6->nexthdr != IPPROTO_UDP)
		return XDP_PASS;
	NEED(ports + 1, end);
	return ports[1] == bpf_htons(23) ? XDP_DROP : XDP_PASS;
}

SEC("xdp")
int xdp_firewall(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct five_tuple t = {};
	struct iphdr *ip;
	__u32 zero = 0;
	int verdict;

	RUN_STARTED();
	ENTERED(xdp_firewall);
	NEED(eth, end);
	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		NEED((struct ipv6hdr *)(eth + 1), end);
		return ipv6_policy((void *)(eth + 1), end);
	}
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	NEED(ip, end);
	if (ip->ihl < 5)
		return XDP_DROP;
	verdict = read_tuple(ip, end, &t);
	if (verdict != XDP_PASS)
		return verdict;

	ENTERED(bad_flags);
	// inxpect:region bad_flags
	if (t.proto == IPPROTO_TCP)
		for (int i = (LOOP_ENTERED(), 0); i < 4; i++)
			if ((t.tcp_flags & bad_tcp_flags[i].mask) == bad_tcp_flags[i].value)
				return XDP_DROP;

	START_TRACE(rule_lookup);
	ENTERED(rule_lookup);
	__u32 rule = first_match(&t);
	END_TRACE(rule_lookup);
	count_hit(rule);
	if (rule >= NRULES) {
		if (__sync_fetch_and_add(&default_seen, 1) % SAMPLE_EVERY == 0) {
			TAIL_TRIED(); bpf_tail_call(ctx, &jump_table, 1); TAIL_FAILED(); }
		return XDP_PASS; /* the default policy */
	}

	// inxpect:begin hand_over
	ENTERED(hand_over);
	__u8 action = rules[rule].action;
	struct log_request *req;
	if (action != ACT_LOG_PASS && action != ACT_LOG_DROP)
		goto decide;
	req = bpf_map_lookup_elem(&log_scratch, &zero);
	if (!req)
		goto decide;
	req->rule = rule;
	req->verdict = verdict_of(action);
	TAIL_TRIED(); bpf_tail_call(ctx, &jump_table, 0); TAIL_FAILED();
	// inxpect:end hand_over
decide:
	return verdict_of(action);
}

/* The logger: records the packet's first bytes with the rule that sent it
 * here, and returns that rule's verdict. */
SEC("xdp")
int tail_0(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct log_request *req;
	struct log_entry *entry;
	__u32 zero = 0, slot;
	int i = 0;

	RUN_STARTED();
	ENTERED(tail_0);
	req = bpf_map_lookup_elem(&log_scratch, &zero);
	if (!req)
		return XDP_ABORTED;
	slot = __sync_fetch_and_add(&log_seq, 1) % LOG_RING;
	entry = bpf_map_lookup_elem(&log_ring, &slot);
	if (!entry)
		return req->verdict;
	entry->rule = req->rule;
	entry->verdict = req->verdict;
	entry->len = end - data;
	ENTERED(snapshot);
	// inxpect:region snapshot
	{
		LOOP_ENTERED(); while (i < SNAP_BYTES) {
			__u8 *byte = data + i;

			if ((void *)(byte + 1) > end)
				break;
			entry->head[i] = *byte;
			i++;
		}
	}
	return req->verdict;
}

/* The sampler: a histogram of the sizes of packets the default policy
 * passes, in buckets of powers of four from 64 bytes. */
SEC("xdp")
int tail_1(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;
	__u32 bucket = 0, bound = 64;
	__u64 *count;

	RUN_STARTED();
	ENTERED(tail_1);
	LOOP_ENTERED(); do {
		if (len < bound)
			break;
		bound *= 4;
	} while (++bucket < SIZE_BUCKETS - 1);
	count = bpf_map_lookup_elem(&size_histogram, &bucket);
	if (count)
		*count += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
