// A hand-written START_TRACE in an inner block is in scope to the block's end,
// like a range: a return after it goes past the block first, with its value
// in inxpect_rv.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
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
	__u32 n = ctx->ingress_ifindex;

	if (n > 2) {
		START_TRACE(big);
		if (n > 100)
			return XDP_DROP;
		n--;
		END_TRACE(big);
	}
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}{INXPECT_RUN(); __typeof__(int) inxpect_rv = 0;
// CHECK: {{^}}	if (n > 2) {{[{][{]$}}
// CHECK-NEXT: {{^}}		START_TRACE(big, 0);
// CHECK-NEXT: {{^}}		if (n > 100)
// CHECK-NEXT: {{^}}			return ({inxpect_rv = (XDP_DROP); goto inxpect_return_0; inxpect_rv;});
// CHECK: {{^}}		END_TRACE(big);
// CHECK-NEXT: {{^}}	} if (0) inxpect_return_0: return inxpect_rv;}
// CHECK-NEXT: {{^}}	return n ? XDP_PASS : XDP_DROP;
// MANIFEST: "name": "big",
// MANIFEST-NEXT: "kind": "manual",
char LICENSE[] SEC("license") = "GPL";
