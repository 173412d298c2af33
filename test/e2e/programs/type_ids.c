// SPDX-License-Identifier: GPL-2.0
/* type_ids: writes BTF type ids of its own types into the packet, as
 * programs that tag records for user space do (bpf_core_type_id_local). The
 * ids are the object's own: instrumented, the runtime's map types come
 * before the program's in its BTF and the numbers grow, each still naming
 * the same type there (docs/instrumenting.md, "BTF type ids"). */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct flow_record {
	__u32 saddr, daddr;
	__u16 sport, dport;
};

struct drop_record {
	__u64 reason;
};

/* Whether the record is a drop: the parity of the packet's first byte. */
static __attribute__((noinline)) __u32 record_type(__u8 first)
{
	if (first & 1)
		return bpf_core_type_id_local(struct drop_record);
	return bpf_core_type_id_local(struct flow_record);
}

SEC("xdp")
int xdp_type_ids(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 *tag = data;

	if ((void *)(tag + 4) > data_end)
		return XDP_PASS;
	tag[1] = record_type(*(__u8 *)data);
	// inxpect:region tag
	tag[0] = bpf_core_type_id_local(struct flow_record);
	/* The record's body is cleared: a loop for --per-loop. */
	for (int i = 2; i < 4; i++)
		tag[i] = 0;
	return XDP_TX;
}

char LICENSE[] SEC("license") = "GPL";
