// A marker between an if and its body covers the body alone.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	if (ctx->ingress_ifindex) // inxpect:region rare
		n = 7;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}		{INXPECT_SCOPE(0); n = 7;}
char LICENSE[] SEC("license") = "GPL";
