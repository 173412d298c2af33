// Ranges nest: the inner one names the outer as parent, and the ends go inner
// first.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	// inxpect:begin outer
	int a = ctx->ingress_ifindex;
	// inxpect:begin inner
	int b = a * 2;
	// inxpect:end inner
	// inxpect:end outer
	return a + b ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	INXPECT_BEGIN(0); int a = ctx->ingress_ifindex;
// CHECK: {{^}}	INXPECT_BEGIN(1); int b = a * 2; INXPECT_END(1); INXPECT_END(0);
// MANIFEST: "name": "inner",
// MANIFEST: "parent": 0
char LICENSE[] SEC("license") = "GPL";
