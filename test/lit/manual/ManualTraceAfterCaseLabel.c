// A hand-written START_TRACE may follow a case label: its expansion starts
// with an empty statement, since a label cannot be followed by the probe's
// declaration before C23 (clang 19 warns, clang 14 refuses).
// RUN: %inxpect-instrument %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "inxpect.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	switch (ctx->ingress_ifindex) {
	case 1:
		return XDP_DROP;
	default:
		START_TRACE(other);
		// CHECK: {{^}}		START_TRACE(other, 0);
		END_TRACE(other);
	}
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
