// SPDX-License-Identifier: GPL-2.0
/* Calls bpf_inxpect_read() twice with the index user space put in probe[0],
 * storing both readings in probe[1] and probe[2]: the VM test feeds it valid,
 * unarmed and out-of-range indices. Strong reference on purpose: it must not
 * load unless the module's kfunc resolves. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

extern __u64 bpf_inxpect_read(__u32 counter) __ksym;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 3);
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

char LICENSE[] SEC("license") = "GPL";
