// SPDX-License-Identifier: GPL-2.0
/* const_table: a 32-byte constant table read at a run-time index. clang
 * puts it in .rodata.cst32, a section for mergeable 32-byte constants;
 * clang 14's BTF says .rodata, and libbpf 1.1 cannot open the object. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static const __u64 weights[4] = { 3, 5, 7, 11 };

SEC("xdp")
int xdp_const_table(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u64 *word = data;

	if ((void *)(word + 1) > data_end)
		return XDP_PASS;
	/* The packet's first word becomes the weight its low bits choose. */
	*word = weights[*word & 3];
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
