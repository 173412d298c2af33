// A loop that is the whole body of an if or an else: the block wrapping it
// becomes that body, and else still binds to its if.
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
	if (ctx->ingress_ifindex)
		for (int i = 0; i < 4; i++) n += i;
	else
		while (n < 3) n++;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}		{INXPECT_SCOPE(0); for (int i = 0; i < 4; i++) n += i;}
// CHECK-NEXT: {{^}}	else
// CHECK-NEXT: {{^}}		{INXPECT_SCOPE(1); while (n < 3) n++;}
char LICENSE[] SEC("license") = "GPL";
