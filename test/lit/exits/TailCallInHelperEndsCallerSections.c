// A helper that tail-calls ends its own sections before the call, and its
// caller ends its open sections before calling the helper, since that call may
// not come back either.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} jumps SEC(".maps");

static __always_inline void dispatch(struct xdp_md *ctx)
{
	bpf_tail_call(ctx, &jumps, 0);
}

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	dispatch(ctx);
	return XDP_PASS;
}
// CHECK: {{^}}	(INXPECT_END(0), bpf_tail_call(ctx, &jumps, 0));
// CHECK: {{^}}	(INXPECT_END(1), dispatch(ctx));
char LICENSE[] SEC("license") = "GPL";
