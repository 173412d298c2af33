// A range's probe stays in scope to the end of its block. When that block is
// not the function's body, a return from the range leaves through the same
// cleanup as the block's end, so it goes past the block first: the block is
// put in one of its own, which ends with the real return (the `else` still
// belongs to its `if`).
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

	if (n > 1) {
		// inxpect:begin check
		if (n > 10)
			return XDP_DROP;
		n++;
		// inxpect:end check
		n *= 2;
	} else
		n = 0;
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}{INXPECT_RUN(); __typeof__(int) inxpect_rv = 0;
// CHECK: {{^}}	if (n > 1) {{[{][{]$}}
// CHECK-NEXT: {{^}}		// inxpect:begin check
// CHECK-NEXT: {{^}}		INXPECT_BEGIN(0); if (n > 10)
// CHECK-NEXT: {{^}}			return ({inxpect_rv = (XDP_DROP); goto inxpect_return_0; inxpect_rv;});
// CHECK-NEXT: {{^}}		n++; INXPECT_END(0);
// CHECK-NEXT: {{^}}		// inxpect:end check
// CHECK-NEXT: {{^}}		n *= 2;
// CHECK-NEXT: {{^}}	} if (0) inxpect_return_0: return inxpect_rv;} else
// CHECK-NEXT: {{^}}		n = 0;
// CHECK-NEXT: {{^}}	return n ? XDP_PASS : XDP_DROP;
// MANIFEST: "name": "check",
// MANIFEST-NEXT: "kind": "region",
char LICENSE[] SEC("license") = "GPL";
