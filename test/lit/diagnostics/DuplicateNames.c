// Two sections may not share a name: the manifest and the reports name
// sections by it.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	// inxpect:region step
	n++;
	// inxpect:region step
	n++;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: DuplicateNames.c:[[@LINE-4]]:2: error: section name 'step' is used twice
// CHECK: DuplicateNames.c:[[@LINE-7]]:2: remark: the other 'step' is here
char LICENSE[] SEC("license") = "GPL";
