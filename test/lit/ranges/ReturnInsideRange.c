// A return inside a range leaves the block: the cleanup of INXPECT_BEGIN ends
// the section then, once.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex;
	// inxpect:begin check
	if (n > 10)
		return XDP_DROP;
	n++;
	// inxpect:end check
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	INXPECT_BEGIN(0); if (n > 10)
// CHECK-NEXT: {{^}}		return XDP_DROP;
// CHECK-NEXT: {{^}}	n++; INXPECT_END(0);
char LICENSE[] SEC("license") = "GPL";
