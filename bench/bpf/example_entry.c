// SPDX-License-Identifier: GPL-2.0
/*
 * The XDP program the benchmarks run: an example's entry function, inlined
 * into `bench_entry`, built three ways from the same source.
 *
 *   bare          the example as it is (BENCH_SOURCE = examples/NAME.c)
 *   instrumented  the rewrite of inxpect-instrument (BENCH_SOURCE = NAME.inxpect.c)
 *   floor         the example plus, by hand, one counter read before its work,
 *                 one after, and the add of the difference (-DBENCH_FLOOR)
 *
 * The build renames the example's entry function to bench_work and makes it
 * always_inline (-Dxdp_NAME='__attribute__((always_inline)) bench_work'), so
 * every variant is one program, named alike, that fentry/fexit can attach to.
 *
 * -DBENCH_RESTORE puts the packet back as it came in once the example is
 * done. BPF_PROG_TEST_RUN runs its `repeat` runs on one buffer, so without
 * this a router would see the TTL it decremented the run before (and leave
 * its main path after 63 runs), a NAT the address it rewrote, a tunnel the
 * headroom it consumed. The restore is outside the floor's two reads and
 * the example's probes, and the same in every variant: it adds to the bare
 * time, never to an overhead.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include BENCH_SOURCE

#ifdef BENCH_FLOOR
#include "bench_counter.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct bench_total);
} floor_totals SEC(".maps");
#endif

#ifdef BENCH_RESTORE
/* Covers every header the examples rewrite: Ethernet, IPv4, TCP or UDP. */
#define BENCH_SAVED_BYTES 64

struct bench_saved {
	__u64 bytes[BENCH_SAVED_BYTES / 8];
	__u64 length;
};

static __always_inline int bench_save(struct xdp_md *ctx, struct bench_saved *saved)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;

	if (data + BENCH_SAVED_BYTES > end)
		return -1;
	__builtin_memcpy(saved->bytes, data, BENCH_SAVED_BYTES);
	saved->length = bpf_xdp_get_buff_len(ctx);
	return 0;
}

static __always_inline void bench_restore(struct xdp_md *ctx, const struct bench_saved *saved)
{
	long grown = (long)bpf_xdp_get_buff_len(ctx) - (long)saved->length;
	void *data, *end;

	/* A tunnel pushed a header in front: give the headroom back. */
	if (grown > 0 && grown <= 256) {
		if (bpf_xdp_adjust_head(ctx, (int)grown))
			return;
	}
	data = (void *)(long)ctx->data;
	end = (void *)(long)ctx->data_end;
	if (data + BENCH_SAVED_BYTES > end)
		return;
	__builtin_memcpy(data, saved->bytes, BENCH_SAVED_BYTES);
}
#endif

SEC("xdp")
int bench_entry(struct xdp_md *ctx)
{
	int verdict;
#ifdef BENCH_RESTORE
	struct bench_saved saved;

	if (bench_save(ctx, &saved))
		return XDP_ABORTED;
#endif
#ifdef BENCH_FLOOR
	__u32 zero = 0;
	struct bench_total *slot;
	__u64 start = bench_read_counter();

	verdict = bench_work(ctx);
	__u64 now = bench_read_counter();

	slot = bpf_map_lookup_elem(&floor_totals, &zero);
	if (slot) {
		slot->count++;
		slot->total += now - start;
	}
#else
	verdict = bench_work(ctx);
#endif
#ifdef BENCH_RESTORE
	bench_restore(ctx, &saved);
#endif
	return verdict;
}
