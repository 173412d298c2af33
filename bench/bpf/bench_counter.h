/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The counter the benchmark's hand-written programs read (the floor and the
 * fentry/fexit pair): the same one inxpect's probes read, so the comparison
 * is of what surrounds the read, not of the read itself. The inxpect
 * kernel module's bpf_inxpect_read(0) when it is loaded, else the clock; the
 * choice is made at load time as in runtime/bpf/inxpect.h (a CO-RE test on
 * an enum only the module's BTF has). BENCH_COUNTER_ARG is the kfunc's
 * argument: 0 the TSC, 0x10000 the TSC fenced (INXPECT_READ_FENCED, which the
 * module reads since INXPECT_KFUNC_ABI_2), as inxpect-run --precise asks.
 */
#ifndef BENCH_COUNTER_H
#define BENCH_COUNTER_H

#include <linux/types.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

extern __u64 bpf_inxpect_read(__u32 counter) __ksym __weak;

enum inxpect_kfunc_abi { INXPECT_KFUNC_ABI_1 = 1 };

#ifndef BENCH_COUNTER_ARG
#define BENCH_COUNTER_ARG 0
#endif

static __always_inline __u64 bench_read_counter(void)
{
	if (bpf_core_enum_value_exists(enum inxpect_kfunc_abi, INXPECT_KFUNC_ABI_1))
		return bpf_inxpect_read(BENCH_COUNTER_ARG);
	return bpf_ktime_get_ns();
}

/* What each measuring program adds up, one per CPU. */
struct bench_total {
	__u64 count;
	__u64 total;
};

#endif
