// static __noinline subprograms and global functions (verified on their own by
// the kernel) are sections like inline helpers.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __attribute__((noinline)) int twice(int x)
{
	return x * 2;
}
__attribute__((noinline)) int global_add(int a, int b)
{
	return a + b;
}
SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return global_add(twice(ctx->ingress_ifindex & 3), 1) ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}{INXPECT_FUNCTION(0);
// CHECK: {{^}}{INXPECT_FUNCTION(1);
// CHECK: {{^}}{INXPECT_ENTRY(2);
char LICENSE[] SEC("license") = "GPL";
