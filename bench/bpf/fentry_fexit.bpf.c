// SPDX-License-Identifier: GPL-2.0
/*
 * The approach of `perf stat -b` and `bpftool prog profile`: an fentry and
 * an fexit program attached to a loaded XDP program, the first keeping a
 * counter reading per CPU, the second adding the difference to a per-CPU
 * total. bpftool reads perf counters with bpf_perf_event_read_value; this
 * reads the counter inxpect's probes read (bench_counter.h), so the two
 * differ only in where the reads sit. The target is set at load time
 * (bpf_program__set_attach_target); "bench_entry" is only a placeholder.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "bench_counter.h"

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} fentry_readings SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct bench_total);
} fexit_totals SEC(".maps");

SEC("fentry/bench_entry")
int bench_fentry(void *ctx)
{
	__u32 zero = 0;
	__u64 *start = bpf_map_lookup_elem(&fentry_readings, &zero);

	if (start)
		*start = bench_read_counter();
	return 0;
}

SEC("fexit/bench_entry")
int bench_fexit(void *ctx)
{
	__u64 now = bench_read_counter();
	__u32 zero = 0;
	__u64 *start = bpf_map_lookup_elem(&fentry_readings, &zero);
	struct bench_total *slot = bpf_map_lookup_elem(&fexit_totals, &zero);

	if (start && slot) {
		slot->count++;
		slot->total += now - *start;
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
