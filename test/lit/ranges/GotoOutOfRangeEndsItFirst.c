// A goto from inside a range to a label after it, in the same block, would
// skip INXPECT_END: the rewrite ends the range in front of the goto, in a
// block so an if without braces keeps its meaning.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex;
	// inxpect:begin work
	if (n == 3)
		goto done;
	n *= 2;
	// inxpect:end work
done:
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}		{INXPECT_END(0); goto done;}
// CHECK: {{^}}	n *= 2; INXPECT_END(0);
char LICENSE[] SEC("license") = "GPL";
