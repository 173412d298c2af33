// Functions, loops, regions, ranges and manual sections in one run: ids in
// source order, outer before inner, and each section names its lexically
// enclosing one as parent.
// RUN: %inxpect-instrument --per-function --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "inxpect.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	// inxpect:region outer
	for (int i = 0; i < 4; i++) {
		// inxpect:begin body
		int k = i * 2;
		n += k;
		// inxpect:end body
	}
	START_TRACE(tail);
	n++;
	END_TRACE(tail);
	return n ? XDP_PASS : XDP_DROP;
}
// MANIFEST: "id": 0,
// MANIFEST-NEXT: "name": "prog",
// MANIFEST: "parent": null
// MANIFEST: "id": 1,
// MANIFEST-NEXT: "name": "outer",
// MANIFEST: "parent": 0
// MANIFEST: "id": 2,
// MANIFEST-NEXT: "name": "prog.for@{{[0-9]+}}",
// MANIFEST: "parent": 1
// MANIFEST: "id": 3,
// MANIFEST-NEXT: "name": "body",
// MANIFEST: "parent": 2
// MANIFEST: "id": 4,
// MANIFEST-NEXT: "name": "tail",
// MANIFEST-NEXT: "kind": "manual",
// MANIFEST: "parent": 0
// CHECK: {{^}}	{INXPECT_SCOPE(1); {INXPECT_SCOPE(2); for (int i = 0; i < 4; i++) {
// CHECK: {{^}}		INXPECT_BEGIN(3); int k = i * 2;
// CHECK-NEXT: {{^}}		n += k; INXPECT_END(3);
// CHECK: {{^}}	}}}
// CHECK: {{^}}	START_TRACE(tail, 4);
char LICENSE[] SEC("license") = "GPL";
