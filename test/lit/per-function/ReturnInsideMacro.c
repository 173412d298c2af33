// Returns inside macro expansions are left as they are: the section ends
// through the probe's cleanup whatever way the function is left, so nothing
// inside the macro is touched and the output still compiles.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

#define ENSURE(p, end) do { if ((void *)((p) + 1) > (end)) return XDP_DROP; } while (0)

SEC("xdp")
int bounds(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data, *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	ENSURE(eth, end);
	return eth->h_proto ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}#define ENSURE(p, end) do { if ((void *)((p) + 1) > (end)) return XDP_DROP; } while (0)
// CHECK: {{^}}{INXPECT_ENTRY(0);
// CHECK: {{^}}	ENSURE(eth, end);

char LICENSE[] SEC("license") = "GPL";
