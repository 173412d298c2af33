// Nothing may stand between #pragma unroll and its loop, so the block opens
// after the code before the pragma, on that earlier line; the pragma line is
// untouched.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int sum = 0;
#pragma unroll
	for (int i = 0; i < 4; i++)
		sum += i;
	return sum ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	int sum = 0;{INXPECT_SCOPE(0); {{$}}
// CHECK-NEXT: {{^}}#pragma unroll{{$}}
// CHECK-NEXT: {{^}}	for (int i = 0; i < 4; i++)
// CHECK-NEXT: {{^}}		sum += i;}
char LICENSE[] SEC("license") = "GPL";
