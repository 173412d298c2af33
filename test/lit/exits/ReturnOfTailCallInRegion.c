// A diverted return whose value is a tail call: the region is ended in front
// of the call (the tail call's rule), inside the value the return keeps in
// inxpect_rv (this rule), so the insertions nest.
// RUN: %inxpect-instrument %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} jumps SEC(".maps");

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	// inxpect:region hand_over
	if (ctx->ingress_ifindex == 3)
		return bpf_tail_call(ctx, &jumps, 0);
	return XDP_PASS;
}
// CHECK: {{^}}{INXPECT_RUN(); __typeof__(int) inxpect_rv = 0;
// CHECK: {{^}}	{{[{][{]}}INXPECT_SCOPE(0); if (ctx->ingress_ifindex == 3)
// CHECK-NEXT: {{^}}		return ({inxpect_rv = ((INXPECT_END(0), bpf_tail_call(ctx, &jumps, 0))); goto inxpect_return_0; inxpect_rv;});} if (0) inxpect_return_0: return inxpect_rv;}
// CHECK-NEXT: {{^}}	return XDP_PASS;
// MANIFEST: "name": "hand_over",
char LICENSE[] SEC("license") = "GPL";
