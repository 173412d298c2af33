// Programs built on vmlinux.h take the same include: the runtime header uses
// only its own types, so nothing clashes with the kernel's.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags -I %vmlinux-dir
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -I %vmlinux-dir -c %t.c -o %t.o
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	struct ethhdr *eth = (void *)(long)ctx->data;

	if ((void *)(eth + 1) > (void *)(long)ctx->data_end)
		return XDP_DROP;
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
// CHECK: {{^}}#include "inxpect.h" // Programs built on vmlinux.h
// CHECK: {{^}}{INXPECT_ENTRY(0);
