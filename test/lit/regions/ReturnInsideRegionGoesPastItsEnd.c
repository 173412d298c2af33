// Returns inside a region, in an entry program: each goes to the region's end
// with its value in inxpect_rv, and returns there, after the region's block;
// falling off the region's end goes on as before. The return outside the
// region stays as it is.
// RUN: %inxpect-instrument %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex;

	// inxpect:region classify
	if (n > 10) {
		if (n & 1)
			return XDP_DROP;
		n++;
	} else {
		return XDP_PASS;
	}
	return n > 20 ? XDP_TX : XDP_ABORTED;
}
// CHECK: {{^}}{INXPECT_RUN(); __typeof__(int) inxpect_rv = 0;
// CHECK: {{^}}	{{[{][{]}}INXPECT_SCOPE(0); if (n > 10) {
// CHECK-NEXT: {{^}}		if (n & 1)
// CHECK-NEXT: {{^}}			return ({inxpect_rv = (XDP_DROP); goto inxpect_return_0; inxpect_rv;});
// CHECK-NEXT: {{^}}		n++;
// CHECK-NEXT: {{^}}	} else {
// CHECK-NEXT: {{^}}		return ({inxpect_rv = (XDP_PASS); goto inxpect_return_0; inxpect_rv;});
// CHECK-NEXT: {{^}}	}} if (0) inxpect_return_0: return inxpect_rv;}
// CHECK-NEXT: {{^}}	return n > 20 ? XDP_TX : XDP_ABORTED;
// MANIFEST: "name": "classify",
// MANIFEST-NEXT: "kind": "region",
char LICENSE[] SEC("license") = "GPL";
