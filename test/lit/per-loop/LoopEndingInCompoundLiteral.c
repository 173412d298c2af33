// A loop whose last statement ends in a `}` that closes no block (a compound
// literal) still owns the semicolon after it: the loop's block closes after
// the `;`, so an `else` after the loop still finds its `if`.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct pair { int a, b; };

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	struct pair p = { 0, 0 };
	int n = ctx->ingress_ifindex;

	if (n)
		for (int i = 0; i < 2; i++)
			p = (struct pair){ i, n };
	else
		p.a = 1;
	return p.a ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}		{INXPECT_SCOPE(0); for (int i = 0; i < 2; i++)
// CHECK-NEXT: {{^}}			p = (struct pair){ i, n };}
// CHECK-NEXT: {{^}}	else
// MANIFEST: "name": "prog.for@21",
char LICENSE[] SEC("license") = "GPL";
