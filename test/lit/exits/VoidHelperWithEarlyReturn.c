// A void function left by an early return or by falling off its end.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline void clamp(__u32 *n)
{
	if (*n < 10)
		return;
	*n = 10;
}
SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u32 n = ctx->ingress_ifindex;
	clamp(&n);
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}{INXPECT_FUNCTION(0);
// CHECK: {{^}}		return;
char LICENSE[] SEC("license") = "GPL";
