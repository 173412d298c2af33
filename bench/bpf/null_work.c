// SPDX-License-Identifier: GPL-2.0
/*
 * An example that does nothing, built into bench/bpf/example_entry.c in the
 * example's place (BENCH_SOURCE): timed, it is what surrounds the example in
 * every build, the test-run loop and (-DBENCH_RESTORE) the save and restore
 * of the packet, so bare less this is the example's own cost.
 *
 * -DBENCH_PUSH=N pushes N bytes of header first, as tunnel does, so that the
 * restore pops them as it does after tunnel: the two builds differ by one
 * push and one pop (bench/accuracy.sh takes half of it for the pop).
 */
static __attribute__((always_inline)) int bench_work(struct xdp_md *ctx)
{
#ifdef BENCH_PUSH
	if (bpf_xdp_adjust_head(ctx, -(BENCH_PUSH)))
		return XDP_ABORTED;
#endif
	return XDP_DROP;
}
