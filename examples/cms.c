// SPDX-License-Identifier: GPL-2.0
/*
 * cms: a count-min sketch of the flows crossing an interface.
 *
 * For every IPv4 TCP or UDP packet the 5-tuple is hashed once per row of a
 * 4 x 8192 sketch, with a different seed per row, and the counter the hash
 * selects in each row is incremented. The estimate of a flow's packet count
 * is the smallest of its four counters. Every packet is then dropped: this is
 * a measurement sink, as in the paper's evaluation.
 *
 * The hash is Bob Jenkins' lookup3 (the kernel's jhash) over the flow key;
 * build with -DCMS_HASH_DJB2 for Dan Bernstein's djb2 instead, the paper's
 * case study: profile both with inxpect and compare the `update` region.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define CMS_ROWS 4
#define CMS_COLUMNS (1 << 13)

struct flow_key {
	__u32 saddr;
	__u32 daddr;
	__u32 ports; /* source port << 16 | destination port */
	__u32 proto;
};

/* The sketch: plain global memory, read by user space through mmap. The
 * increments are not atomic: two CPUs counting one flow at the same instant
 * may lose one, which an estimate tolerates better than every packet paying
 * for atomic adds. */
__u32 sketch[CMS_ROWS][CMS_COLUMNS];

#ifdef CMS_HASH_DJB2
/*
 * djb2 over the key's bytes, in its xor form (h = h * 33 ^ byte), with the row
 * as the seed. Not the additive form: there a seed only shifts every column by
 * a constant, and the four rows would collide on the same flows. The low bits
 * pick the column and depend only on the low bits of the input, so the high
 * half is folded into them.
 */
static __always_inline __u32 djb2_key(const struct flow_key *key, __u32 seed)
{
	const unsigned char *bytes = (const unsigned char *)key;
	__u32 hash = 5381 + seed;

#pragma unroll
	for (int i = 0; i < (int)sizeof(*key); i++)
		hash = hash * 33 ^ bytes[i];
	return hash ^ hash >> 16;
}

#define cms_hash djb2_key
#else
static __always_inline __u32 rol32(__u32 word, unsigned int shift)
{
	return (word << shift) | (word >> (32 - shift));
}

/* lookup3's final mix of three words, as in the kernel's jhash. */
static __always_inline __u32 jhash_final(__u32 a, __u32 b, __u32 c)
{
	c ^= b; c -= rol32(b, 14);
	a ^= c; a -= rol32(c, 11);
	b ^= a; b -= rol32(a, 25);
	c ^= b; c -= rol32(b, 16);
	a ^= c; a -= rol32(c, 4);
	b ^= a; b -= rol32(a, 14);
	c ^= b; c -= rol32(b, 24);
	return c;
}

static __always_inline __u32 jhash_key(const struct flow_key *key, __u32 seed)
{
	__u32 a, b, c;

	a = b = c = 0xdeadbeef + sizeof(*key) + seed;
	a += key->saddr;
	b += key->daddr;
	c += key->ports;
	/* lookup3's mix of the first three words, then the last one. */
	a -= c; a ^= rol32(c, 4);  c += b;
	b -= a; b ^= rol32(a, 6);  a += c;
	c -= b; c ^= rol32(b, 8);  b += a;
	a -= c; a ^= rol32(c, 16); c += b;
	b -= a; b ^= rol32(a, 19); a += c;
	c -= b; c ^= rol32(b, 4);  b += a;
	a += key->proto;
	return jhash_final(a, b, c);
}

#define cms_hash jhash_key
#endif

static __always_inline int parse_flow(struct xdp_md *ctx, struct flow_key *key)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	__u16 *ports;

	if ((void *)(ip + 1) > end)
		return -1;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || ip->ihl < 5)
		return -1;
	if (ip->protocol != IPPROTO_TCP && ip->protocol != IPPROTO_UDP)
		return -1;
	ports = (void *)ip + ip->ihl * 4;
	if ((void *)(ports + 2) > end)
		return -1;
	key->saddr = ip->saddr;
	key->daddr = ip->daddr;
	key->ports = (__u32)bpf_ntohs(ports[0]) << 16 | bpf_ntohs(ports[1]);
	key->proto = ip->protocol;
	return 0;
}

static __always_inline void cms_update(const struct flow_key *key)
{
	for (__u32 row = 0; row < CMS_ROWS; row++) {
		__u32 column = cms_hash(key, row) & (CMS_COLUMNS - 1);

		sketch[row][column]++;
	}
}

SEC("xdp")
int xdp_cms(struct xdp_md *ctx)
{
	struct flow_key key = {};
	int parsed;

	// inxpect:region parse
	parsed = parse_flow(ctx, &key);
	if (parsed == 0) {
		// inxpect:region update
		cms_update(&key);
	}
	return XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
