// A range with no statement between begin and end is an error.
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
	// inxpect:begin empty
	// inxpect:end empty
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: NothingBetweenBeginAndEnd.c:[[@LINE-4]]:2: error: no statement between inxpect:begin empty and inxpect:end empty
char LICENSE[] SEC("license") = "GPL";
