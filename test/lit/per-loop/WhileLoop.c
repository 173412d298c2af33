// A while loop is named <function>.while@<line>.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline int count_down(int n)
{
	while (n > 0)
		n--;
	return n;
}
SEC("xdp")
int prog(struct xdp_md *ctx) { return count_down(ctx->ingress_ifindex & 7) ? XDP_DROP : XDP_PASS; }
// A helper holding a section but being none looks the run state up once.
// CHECK: {{^}}{INXPECT_CONTEXT();
// CHECK-NEXT: {{^}}	{INXPECT_SCOPE(0); while (n > 0)
// CHECK-NEXT: {{^}}		n--;}
// MANIFEST: "name": "count_down.while@{{[0-9]+}}",
char LICENSE[] SEC("license") = "GPL";
