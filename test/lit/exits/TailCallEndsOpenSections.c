// bpf_tail_call does not come back when it succeeds: every section open around
// it (region, loop, function) is ended just before it, innermost first, in a
// comma expression, so the call keeps its place and value.
// RUN: %inxpect-instrument --per-function --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} jumps SEC(".maps");

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	for (__u32 i = 0; i < 2; i++) {
		// inxpect:region try
		bpf_tail_call(ctx, &jumps, i);
	}
	return XDP_PASS;
}
// CHECK: {{^}}		{INXPECT_SCOPE(2); (INXPECT_END(2), INXPECT_END(1), INXPECT_END(0), bpf_tail_call(ctx, &jumps, i));}
char LICENSE[] SEC("license") = "GPL";
