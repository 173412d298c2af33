// A comment starting with inxpect: that is no known annotation (a typo) is an
// error, not silently ignored.
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
	// inxpect:regoin typo
	n++;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: UnknownAnnotation.c:[[@LINE-4]]:2: error: unknown annotation 'inxpect:regoin': use inxpect:region NAME, inxpect:begin NAME or inxpect:end NAME
char LICENSE[] SEC("license") = "GPL";
