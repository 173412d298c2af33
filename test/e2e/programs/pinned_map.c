// SPDX-License-Identifier: GPL-2.0
/*
 * pinned_map: a program whose map asks to be pinned by name
 * (LIBBPF_PIN_BY_NAME), as programs that share a map with user space often
 * do. A replay must neither pin it in the host's bpffs nor reuse a pinned
 * one's contents: the counter starts at 0 in every replay.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
	__uint(pinning, LIBBPF_PIN_BY_NAME);
} inxpect_e2e_pinned SEC(".maps");

static __attribute__((noinline)) void count_packet(void)
{
	__u32 zero = 0;
	__u64 *seen = bpf_map_lookup_elem(&inxpect_e2e_pinned, &zero);

	if (seen)
		__sync_fetch_and_add(seen, 1);
}

SEC("xdp")
int xdp_pinned(struct xdp_md *ctx)
{
	count_packet();
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
