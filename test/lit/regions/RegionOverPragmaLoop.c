// A region over a loop under #pragma unroll opens before the pragma, like
// --per-loop does.
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
	// inxpect:region unrolled
#pragma unroll
	for (int i = 0; i < 4; i++)
		n += i;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	int n = 0;{INXPECT_SCOPE(0); {{$}}
// CHECK: {{^}}		n += i;}
char LICENSE[] SEC("license") = "GPL";
