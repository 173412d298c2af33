// An annotation needs a name.
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
	// inxpect:region
	n++;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: AnnotationWithoutName.c:[[@LINE-4]]:2: error: inxpect:region needs a name: inxpect:region NAME
char LICENSE[] SEC("license") = "GPL";
