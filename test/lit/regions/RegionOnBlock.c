// A region annotation covers the next statement: a block here, wrapped in a
// block of its own. Annotations need no mode flag.
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
	int n = 0;
	// inxpect:region setup
	{
		n = ctx->ingress_ifindex;
		n *= 2;
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); {
// CHECK: {{^}}	}}
// MANIFEST: "name": "setup",
// MANIFEST-NEXT: "kind": "region",
// MANIFEST-NEXT: "function": "prog",
char LICENSE[] SEC("license") = "GPL";
