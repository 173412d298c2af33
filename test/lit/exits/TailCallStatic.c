// libbpf's bpf_tail_call_static is a tail call too.
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

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	bpf_tail_call_static(ctx, &jumps, 0);
	return XDP_PASS;
}
// CHECK: {{^}}	(INXPECT_END(0), bpf_tail_call_static(ctx, &jumps, 0));
char LICENSE[] SEC("license") = "GPL";
