/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * unlicensed: a program with an SPDX comment and no license section, as many
 * are (issue 14, item 1). The kernel loads it as it is, and would refuse it
 * once a probe referenced a kfunc ("cannot call kernel function from non-GPL
 * compatible program"), even one never called: its probes read the clock only.
 *
 * Policy: IPv4 with TTL <= 1 is dropped; the first payload bytes of the
 * rest are summed into a per-protocol array; everything else passes.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"
#include "e2e_need.h"

#define SUMMED_BYTES 8

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} byte_sums SEC(".maps");

COUNTER(sum_bytes);
COUNTER(parse_ipv4);
COUNTER(ttl_check);
COUNTER(find_sum);
COUNTER(xdp_unlicensed);

static __always_inline __u32 sum_bytes(const __u8 *bytes, const void *end)
{
	__u32 sum = 0;

	ENTERED(sum_bytes);
	LOOP_ENTERED(); for (int i = 0; i < SUMMED_BYTES; i++) {
		if ((const void *)(bytes + i + 1) > end)
			break;
		sum += bytes[i];
	}
	return sum;
}

static __always_inline int parse_ipv4(struct iphdr *ip, void *end)
{
	__u64 *sum;
	__u32 key;

	ENTERED(parse_ipv4);
	NEED(ip, end);
	ENTERED(ttl_check);
	// inxpect:region ttl_check
	if (ip->ttl <= 1)
		return XDP_DROP;
	// inxpect:begin find_sum
	ENTERED(find_sum);
	key = ip->protocol & 3;
	sum = bpf_map_lookup_elem(&byte_sums, &key);
	// inxpect:end find_sum
	if (sum)
		*sum += sum_bytes((const __u8 *)(ip + 1), end);
	return XDP_PASS;
}

SEC("xdp")
int xdp_unlicensed(struct xdp_md *ctx)
{
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = (void *)(long)ctx->data;

	RUN_STARTED();
	ENTERED(xdp_unlicensed);
	NEED(eth, end);
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	return parse_ipv4((struct iphdr *)(eth + 1), end);
}
