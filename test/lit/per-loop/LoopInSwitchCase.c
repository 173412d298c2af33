// A loop right after a case label is wrapped after the label, so the label
// stays in the switch body.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
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
		for (int i = 0; i < 3; i++) n++;
		break;
	default:
		n = 1;
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	case 0:
// CHECK-NEXT: {{^}}		{INXPECT_SCOPE(0); for (int i = 0; i < 3; i++) n++;}
char LICENSE[] SEC("license") = "GPL";
