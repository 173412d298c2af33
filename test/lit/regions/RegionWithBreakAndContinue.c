// break and continue inside a region leave its block, so the cleanup ends the
// section on those ways out too.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	for (int i = 0; i < 8; i++) {
		// inxpect:region step
		{
			if (i == 2)
				continue;
			if (i == 5)
				break;
			n += i;
		}
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}		{INXPECT_SCOPE(0); {
// CHECK: {{^}}		}}
char LICENSE[] SEC("license") = "GPL";
