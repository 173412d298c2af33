// Returns from switch cases and gotos inside a function section need nothing:
// the cleanup ends the section on every way out.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex & 3;

	switch (n) {
	case 0:
		return XDP_DROP;
	case 1:
		goto pass;
	default:
		break;
	}
	n++;
pass:
	return n ? XDP_PASS : XDP_ABORTED;
}
// CHECK: {{^}}{INXPECT_ENTRY(0);
// CHECK: {{^}}		return XDP_DROP;
// CHECK: {{^}}		goto pass;
char LICENSE[] SEC("license") = "GPL";
