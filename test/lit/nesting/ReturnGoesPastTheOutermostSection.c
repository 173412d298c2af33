// A return inside a loop inside a region goes past the region, the outermost
// section it leaves other than its function: both blocks are left (loop's
// end, then region's end, as the return did) and the return is after the
// region, where only returns leave the function section that is still open.
// RUN: %inxpect-instrument --per-function --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline int first_odd(const __u8 *bytes)
{
	int seen = 0;

	// inxpect:region scan
	if (bytes) {
		for (int i = 0; i < 4; i++)
			if (bytes[i] & 1)
				return i;
		seen = 1;
	}
	return seen ? -1 : -2;
}
// CHECK: {{^}}{INXPECT_FUNCTION(0); __typeof__(int) inxpect_rv = 0;
// CHECK: {{^}}	{{[{][{]}}INXPECT_SCOPE(1); if (bytes) {
// CHECK-NEXT: {{^}}		{INXPECT_SCOPE(2); for (int i = 0; i < 4; i++)
// CHECK-NEXT: {{^}}			if (bytes[i] & 1)
// CHECK-NEXT: {{^}}				return ({inxpect_rv = (i); goto inxpect_return_1; inxpect_rv;});}
// CHECK-NEXT: {{^}}		seen = 1;
// CHECK-NEXT: {{^}}	}} if (0) inxpect_return_1: return inxpect_rv;}
// CHECK-NEXT: {{^}}	return seen ? -1 : -2;
// MANIFEST: "name": "first_odd",
// MANIFEST: "name": "scan",
// MANIFEST: "parent": 0
// MANIFEST: "name": "first_odd.for@19",
// MANIFEST: "parent": 1

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u8 bytes[4] = { 2, 4, 5, 6 };

	return first_odd(bytes) == 2 ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
