// A begin with no matching end is an error at the begin, and nothing is
// written.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	// inxpect:begin open
	int n = ctx->ingress_ifindex;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: BeginWithoutEnd.c:[[@LINE-4]]:2: error: inxpect:begin open has no matching inxpect:end open
char LICENSE[] SEC("license") = "GPL";
