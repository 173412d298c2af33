// A goto from outside to a label inside a region would jump past its probe (a
// variable with a cleanup, which C forbids): an error naming the reason,
// before clang would give a harder one.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex;
	if (n)
		goto inside;
	// inxpect:region guarded
	{
		n++;
inside:
		n *= 2;
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: GotoIntoRegion.c:[[@LINE-8]]:2: error: region 'guarded' cannot be made a section: a goto from outside jumps to a label inside it, and jumping past its probe is not allowed
char LICENSE[] SEC("license") = "GPL";
