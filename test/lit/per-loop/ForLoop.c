// A for loop becomes a section in a block of its own, the probe first and the
// closing brace after the loop: every way out of the loop leaves the block.
// The entry program is no section but still starts runs.
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
	int sum = 0;
	for (int i = 0; i < 8; i++) {
		sum += i;
	}
	return sum > 100 ? XDP_DROP : XDP_PASS;
}
// CHECK: {{^}}{INXPECT_RUN();
// CHECK: {{^}}	{INXPECT_SCOPE(0); for (int i = 0; i < 8; i++) {
// CHECK-NEXT: {{^}}		sum += i;
// CHECK-NEXT: {{^}}	}}
// MANIFEST: "name": "prog.for@[[@LINE-9]]",
// MANIFEST-NEXT: "kind": "loop",
// MANIFEST-NEXT: "function": "prog",
char LICENSE[] SEC("license") = "GPL";
