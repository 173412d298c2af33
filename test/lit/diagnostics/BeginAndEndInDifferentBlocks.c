// A begin/end range covers statements of one block: an end in another block is
// an error.
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
	// inxpect:begin split
	n++;
	if (n) {
		n++;
		// inxpect:end split
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: BeginAndEndInDifferentBlocks.c:[[@LINE-4]]:3: error: inxpect:end split is not in the same block as its inxpect:begin: a range covers statements of one block
// CHECK: BeginAndEndInDifferentBlocks.c:[[@LINE-9]]:2: remark: inxpect:begin split is here
char LICENSE[] SEC("license") = "GPL";
