// A bpf_loop callback is a function like any other: it becomes a section and
// gets its run state from the per-CPU map, as the run of the program that
// called bpf_loop.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static long step(__u32 index, void *data)
{
	*(__u32 *)data += index;
	return 0;
}
SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u32 sum = 0;
	bpf_loop(4, step, &sum, 0);
	return sum ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}{INXPECT_FUNCTION(0);
// CHECK: {{^}}{INXPECT_ENTRY(1);
char LICENSE[] SEC("license") = "GPL";
