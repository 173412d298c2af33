// Nested loops nest as sections: the inner loop names the outer as parent.
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
	for (int i = 0; i < 4; i++) {
		for (int j = 0; j < 4; j++)
			sum += i * j;
	}
	return sum ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); for (int i = 0; i < 4; i++) {
// CHECK-NEXT: {{^}}		{INXPECT_SCOPE(1); for (int j = 0; j < 4; j++)
// CHECK-NEXT: {{^}}			sum += i * j;}
// CHECK-NEXT: {{^}}	}}
// MANIFEST: "id": 0,
// MANIFEST: "parent": null
// MANIFEST: "id": 1,
// MANIFEST: "parent": 0
char LICENSE[] SEC("license") = "GPL";
