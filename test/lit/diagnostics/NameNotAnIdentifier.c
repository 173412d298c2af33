// A section name must be a C identifier.
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
	// inxpect:region 2fast
	n++;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: NameNotAnIdentifier.c:[[@LINE-4]]:2: error: section name '2fast' is not a C identifier (letters, digits and _, not starting with a digit)
char LICENSE[] SEC("license") = "GPL";
