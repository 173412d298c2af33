// A region after a case label covers the statement after the label; a break in
// it leaves the switch and ends the section.
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
	switch (ctx->ingress_ifindex & 1) {
	case 0:
		// inxpect:region even
		{
			n = 2;
			break;
		}
	default:
		n = 1;
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}		{INXPECT_SCOPE(0); {
// CHECK: {{^}}		}}
// CHECK-NEXT: {{^}}	default:
char LICENSE[] SEC("license") = "GPL";
