// SPDX-License-Identifier: GPL-2.0
/* Calls bpf_inxpect_read() twice with the index user space put in probe[0],
 * storing both readings in probe[1] and probe[2]: the VM test feeds it valid,
 * unarmed and out-of-range indices. The TC and fentry programs show the other
 * program types the module registers the kfunc for: the verifier refuses a
 * kfunc a type is not allowed. Strong reference on purpose: nothing loads
 * unless the module's kfunc resolves. The pair_* programs are the same pair
 * of reads with nothing around them, for read-cost.sh to count the
 * instructions a pair costs with each counter source. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern __u64 bpf_inxpect_read(__u32 counter) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} probe SEC(".maps");

SEC("xdp")
int read_counter(struct xdp_md *ctx)
{
	__u32 index_key = 0, first_key = 1, second_key = 2;
	__u64 *index = bpf_map_lookup_elem(&probe, &index_key);
	__u64 first, second;

	if (!index)
		return XDP_ABORTED;
	first = bpf_inxpect_read((__u32)*index);
	second = bpf_inxpect_read((__u32)*index);
	bpf_map_update_elem(&probe, &first_key, &first, BPF_ANY);
	bpf_map_update_elem(&probe, &second_key, &second, BPF_ANY);
	return XDP_PASS;
}

SEC("tc")
int read_counter_tc(struct __sk_buff *skb)
{
	__u32 tc_key = 3;
	__u64 reading = bpf_inxpect_read(0);

	bpf_map_update_elem(&probe, &tc_key, &reading, BPF_ANY);
	return 0; /* TC_ACT_OK */
}

SEC("fentry/bpf_fentry_test1")
int read_counter_fentry(unsigned long long *ctx)
{
	__u32 fentry_key = 3;
	__u64 reading = bpf_inxpect_read(0);

	bpf_map_update_elem(&probe, &fentry_key, &reading, BPF_ANY);
	return 0;
}

/* One pair of reads as a section's probes make it: the difference stored in
 * probe[1]. pair_none does the same lookups and store without the reads, so
 * a program's instructions less pair_none's are the pair's. */
static __always_inline int store_pair(__u64 (*read)(__u32), int reads)
{
	__u32 index_key = 0, diff_key = 1;
	__u64 *index = bpf_map_lookup_elem(&probe, &index_key);
	__u64 *diff = bpf_map_lookup_elem(&probe, &diff_key);
	__u64 first, second;

	if (!index || !diff)
		return XDP_ABORTED;
	if (!reads) {
		*diff = *index;
		return XDP_PASS;
	}
	first = read((__u32)*index);
	second = read((__u32)*index);
	*diff = second - first;
	return XDP_PASS;
}

static __always_inline __u64 read_clock(__u32 unused)
{
	return bpf_ktime_get_ns();
}

SEC("xdp")
int pair_none(struct xdp_md *ctx)
{
	return store_pair(read_clock, 0);
}

SEC("xdp")
int pair_clock(struct xdp_md *ctx)
{
	return store_pair(read_clock, 1);
}

SEC("xdp")
int pair_kfunc(struct xdp_md *ctx)
{
	return store_pair(bpf_inxpect_read, 1);
}

char LICENSE[] SEC("license") = "GPL";
