// A region holding a case label of a switch around it is a jump into the
// region: an error.
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
	switch (ctx->ingress_ifindex & 1) {
	// inxpect:region cases
	case 0:
		n = 2;
		break;
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: CaseIntoRegion.c:[[@LINE-7]]:2: error: region 'cases' cannot be made a section: a case label inside it belongs to a switch outside it, and jumping past its probe is not allowed
char LICENSE[] SEC("license") = "GPL";
