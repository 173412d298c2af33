// A region over a declaration cannot be wrapped (the name would go out of
// scope): it becomes a begin/end range around the declaration, and the name
// stays visible.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	// inxpect:region lookup
	__u32 index = ctx->ingress_ifindex & 7;
	return index ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	INXPECT_BEGIN(0); __u32 index = ctx->ingress_ifindex & 7; INXPECT_END(0);
// CHECK-NEXT: {{^}}	return index ? XDP_PASS : XDP_DROP;
char LICENSE[] SEC("license") = "GPL";
