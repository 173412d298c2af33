// A region over a loop, with --per-loop too: both are sections, the region the
// outer one (user sections come before automatic ones on the same code).
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	// inxpect:region count
	for (int i = 0; i < 4; i++)
		n += i;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); {INXPECT_SCOPE(1); for (int i = 0; i < 4; i++)
// CHECK-NEXT: {{^}}		n += i;}}
// MANIFEST: "name": "count",
// MANIFEST: "name": "prog.for@{{[0-9]+}}",
// MANIFEST: "parent": 0
char LICENSE[] SEC("license") = "GPL";
