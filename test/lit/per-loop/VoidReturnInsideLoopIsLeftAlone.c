// A function returning void has no return value to join: a return inside its
// loop stays as it is.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline void clear_until(__u8 *v, __u8 stop)
{
	for (int i = 0; i < 4; i++) {
		if (v[i] == stop)
			return;
		v[i] = 0;
	}
}
// CHECK: {{^}}{INXPECT_CONTEXT();{{$}}
// CHECK: {{^}}			return;
// CHECK: {{^}}	}}{{$}}
// CHECK-NOT: {{^[^/]*inxpect_rv}}
// MANIFEST: "name": "clear_until.for@13",

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u8 v[4] = { 1, 2, 3, 4 };

	clear_until(v, ctx->ingress_ifindex & 3);
	return v[0] ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
