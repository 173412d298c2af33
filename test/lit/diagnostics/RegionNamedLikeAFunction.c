// A region may not take the name of a function section; the region, the name
// the user chose, is the one reported.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	// inxpect:region prog
	n++;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: RegionNamedLikeAFunction.c:[[@LINE-4]]:2: error: section name 'prog' is used twice
char LICENSE[] SEC("license") = "GPL";
