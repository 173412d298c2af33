// A goto from before a begin/end range to a label after its begin, in the same
// block, would jump past INXPECT_BEGIN: an error.
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
	if (n)
		goto later;
	// inxpect:begin work
	n++;
	// inxpect:end work
later:
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: GotoPastBegin.c:[[@LINE-6]]:2: error: region 'work' cannot be made a section: a goto from outside jumps to a label inside it, and jumping past its probe is not allowed
char LICENSE[] SEC("license") = "GPL";
