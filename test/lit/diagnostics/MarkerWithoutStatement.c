// A region marker with no statement after it in its block is an error.
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
	if (n) {
		n++;
		// inxpect:region nothing
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: MarkerWithoutStatement.c:[[@LINE-4]]:3: error: inxpect:region nothing is not followed by a statement in this block
char LICENSE[] SEC("license") = "GPL";
