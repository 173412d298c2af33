// A begin/end range needs no braces: a variable declared inside the range is
// used after it. INXPECT_END goes after the last statement of the range.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	// inxpect:begin parse
	__u32 ifindex = ctx->ingress_ifindex;
	__u32 queue = ctx->rx_queue_index;
	// inxpect:end parse
	return ifindex + queue ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	INXPECT_BEGIN(0); __u32 ifindex = ctx->ingress_ifindex;
// CHECK-NEXT: {{^}}	__u32 queue = ctx->rx_queue_index; INXPECT_END(0);
// MANIFEST: "name": "parse",
// MANIFEST-NEXT: "kind": "region",
char LICENSE[] SEC("license") = "GPL";
