// An end with no begin before it is an error at the end.
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
	// inxpect:end stray
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: EndWithoutBegin.c:[[@LINE-3]]:2: error: inxpect:end stray has no inxpect:begin stray before it
char LICENSE[] SEC("license") = "GPL";
