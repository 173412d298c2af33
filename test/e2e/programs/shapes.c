// SPDX-License-Identifier: GPL-2.0
/*
 * shapes: the function shapes and ways out of a section that the realistic
 * programs do not all cover, in four XDP programs the e2e test runs the
 * packets through in turn (each is an entry program; tail_0 is also reached
 * by tail calls).
 *  - xdp_shapes_calls: an __always_inline helper returning from a loop
 *    through a macro, a bpf_loop callback with a region, a global function,
 *    a static __noinline void function falling off its end, a return whose
 *    value has side effects.
 *  - xdp_shapes_jumps: goto out of a region in a loop and out of a region, a switch
 *    whose case bodies hold a region (left by break and by a return inside a
 *    macro) and a loop (left by continue), a hand-written trace left by a
 *    return before its END_TRACE.
 *  - xdp_shapes_tail: bpf_tail_call in a region in a loop, and in a helper called
 *    inside a region (a function that may tail-call).
 *  - tail_0: where the tail calls land.
 * What the packets are turned into does not matter; that it is the same
 * with and without inxpect, and that every section is counted exactly, does.
 *
 * The jump table follows the e2e convention: map jump_table, tail_<i> at i.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>
#include "e2e_count.h"
#include "e2e_need.h"
#include "e2e_manual_trace.h"

#define NWORDS 8
#define TALLY_SLOTS 8

/* A return inside a macro that is no loop. */
#define PASS_IF(cond)            \
	if (cond)                \
		return XDP_PASS

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} jump_table SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TALLY_SLOTS);
	__type(key, __u32);
	__type(value, __u64);
} tally SEC(".maps");

/* What bpf_loop's callback folds the packet's first words into. */
struct mix {
	__u32 words[NWORDS];
	__u32 hash;
	__u32 zeros;
};

COUNTER(read_words);
COUNTER(mix_word);
COUNTER(zero_word);
COUNTER(popcount_high);
COUNTER(bump);
COUNTER(xdp_shapes_calls);
COUNTER(xdp_shapes_jumps);
COUNTER(broadcast);
COUNTER(source_bit);
COUNTER(ipv4_case);
COUNTER(ipv6_case);
COUNTER(other_case);
COUNTER(hand_to_logger);
COUNTER(tail_from_loop);
COUNTER(logger_call);
COUNTER(xdp_shapes_tail);
COUNTER(tail_0);
COUNTER(log_tail);

/* Reads the packet's first NWORDS words: -1 when it has them all, else a
 * verdict, returned from inside the loop by PASS_IF. */
static __always_inline int read_words(struct xdp_md *ctx, struct mix *m)
{
	void *end = (void *)(long)ctx->data_end;
	__u32 *w = (void *)(long)ctx->data;

	ENTERED(read_words);
	NEED(w, end);
	for (int i = (LOOP_ENTERED(), 0); i < NWORDS; i++) {
		PASS_IF((void *)(w + i + 1) > end);
		m->words[i] = w[i];
	}
	return -1;
}

/* bpf_loop callback: one round of an FNV-style hash over a word. */
static long mix_word(__u32 index, void *data)
{
	struct mix *m = data;
	__u32 word;

	ENTERED(mix_word);
	if (m->zeros >= NWORDS / 2)
		return 1; /* stop early */
	/* Masked where it is used, read before the region: an index checked
	 * by an `if` before a probe may lose its bound in the rewrite
	 * (docs/instrumenting.md, "When only the instrumented program is
	 * refused"). */
	word = m->words[index % NWORDS];
	ENTERED(zero_word);
	// inxpect:region zero_word  a return inside a region of a callback
	if (word == 0) {
		m->zeros++;
		return 0;
	}
	m->hash = (m->hash ^ word) * 16777619;
	return 0;
}

/* A global function: whether more than half of the word's bits are set. */
__noinline int popcount_high(__u32 word)
{
	int bits = 0;

	ENTERED(popcount_high);
	LOOP_ENTERED(); while (word) {
		bits += word & 1;
		word >>= 1;
	}
	return bits > 16;
}

/* A subprogram returning nothing: falls off its end, or returns early. */
static __noinline void bump(__u32 slot)
{
	__u64 *n;

	ENTERED(bump);
	n = bpf_map_lookup_elem(&tally, &slot);
	if (!n)
		return;
	*n += 1;
}

SEC("xdp")
int xdp_shapes_calls(struct xdp_md *ctx)
{
	struct mix m = { .hash = 2166136261u };
	int verdict;

	RUN_STARTED();
	ENTERED(xdp_shapes_calls);
	verdict = read_words(ctx, &m);
	if (verdict >= 0)
		return verdict;
	bpf_loop(NWORDS, mix_word, &m, 0);
	bump(m.zeros % TALLY_SLOTS);
	/* The value's side effects (two function sections) come first. */
	return bump(TALLY_SLOTS - 1), popcount_high(m.hash) ? XDP_PASS : XDP_DROP;
}

SEC("xdp")
int xdp_shapes_jumps(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u32 seen = 0;
	int i;

	RUN_STARTED();
	ENTERED(xdp_shapes_jumps);
	NEED(eth, end);
	LOOP_ENTERED(); for (i = 0; i < ETH_ALEN; i++) {
		if (eth->h_dest[i] == 0xff) {
			ENTERED(broadcast);
			// inxpect:region broadcast
			goto classify; /* out of the region and the loop */
		}
		seen += eth->h_dest[i];
	}
	ENTERED(source_bit);
	// inxpect:region source_bit
	{
		if (eth->h_source[0] & 0x80)
			goto classify; /* out of the region */
		seen++;
	}
classify:
	switch (bpf_ntohs(eth->h_proto)) {
	case ETH_P_IP:
		ENTERED(ipv4_case);
		// inxpect:region ipv4_case
		{
			struct iphdr *ip = (void *)(eth + 1);

			NEED(ip, end); /* a return inside a macro, inside the region */
			if (ip->ttl <= 1)
				break; /* out of the region and the switch */
			seen += ip->ttl;
		}
		break;
	case ETH_P_IPV6:
		ENTERED(ipv6_case);
		// inxpect:region ipv6_case
		for (i = (LOOP_ENTERED(), 0); i < 8; i++) {
			__u8 *byte = (void *)(eth + 1) + i;

			if ((void *)(byte + 1) > end)
				break;
			if (*byte & 1)
				continue; /* the next iteration, still in the loop */
			seen++;
		}
		break;
	default:
		/* START_TRACE right after a label: its expansion must start with
		 * a statement (before C23 a label cannot precede a declaration). */
		START_TRACE(other_case);
		ENTERED(other_case);
		PASS_IF(end - data < 64); /* no END_TRACE on this way out */
		seen += 2;
		END_TRACE(other_case);
	}
	return seen % 3 == 0 ? XDP_DROP : XDP_PASS;
}

/* May tail-call: the caller's sections end before it is called. */
static __always_inline void hand_to_logger(struct xdp_md *ctx, __u32 len)
{
	ENTERED(hand_to_logger);
	if (len % 4 == 0) {
		TAIL_TRIED(); bpf_tail_call(ctx, &jump_table, 0); TAIL_FAILED(); }
}

SEC("xdp")
int xdp_shapes_tail(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__u8 *bytes = data;

	RUN_STARTED();
	ENTERED(xdp_shapes_tail);
	NEED(bytes + 3, end);
	LOOP_ENTERED(); for (int i = 0; i < 3; i++) {
		if (bytes[i] == 0xff) {
			ENTERED(tail_from_loop);
			// inxpect:region tail_from_loop
			{ TAIL_TRIED(); bpf_tail_call(ctx, &jump_table, 0); TAIL_FAILED(); }
		}
	}
	ENTERED(logger_call);
	// inxpect:region logger_call
	hand_to_logger(ctx, end - data);
	return XDP_PASS;
}

/* The logger: counts the packet by its size, and drops odd-sized ones. */
SEC("xdp")
int tail_0(struct xdp_md *ctx)
{
	__u32 len = ctx->data_end - ctx->data;

	RUN_STARTED();
	ENTERED(tail_0);
	ENTERED(log_tail);
	// inxpect:begin log_tail
	bump(len % TALLY_SLOTS);
	if (len & 1)
		return XDP_DROP;
	// inxpect:end log_tail
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
