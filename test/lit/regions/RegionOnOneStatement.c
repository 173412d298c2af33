// A region over a single statement wraps it with its semicolon.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u32 n;
	// inxpect:region read_index
	n = ctx->ingress_ifindex + ctx->rx_queue_index;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); n = ctx->ingress_ifindex + ctx->rx_queue_index;}
char LICENSE[] SEC("license") = "GPL";
