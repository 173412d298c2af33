// Annotations work in block comments too, and in a comment at the end of a
// line.
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
	int n = 1; /* inxpect:region twice */
	n *= 2;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); n *= 2;}
// MANIFEST: "name": "twice",
char LICENSE[] SEC("license") = "GPL";
