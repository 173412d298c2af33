// The variable a diverted return goes through has the function's return type,
// written through __typeof__ (any type name fits), without its qualifiers; a
// struct's zero is {0}.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct found { int index, value; };

static __always_inline const struct found find(const int *v, int want)
{
	struct found none = { -1, 0 };

	for (int i = 0; i < 4; i++)
		if (v[i] == want)
			return (struct found){ i, v[i] };
	return none;
}
// CHECK: {{^}}{INXPECT_CONTEXT(); __typeof__(struct found) inxpect_rv = {0};
// CHECK: {{^}}			return ({inxpect_rv = ((struct found){ i, v[i] }); goto inxpect_return_0; inxpect_rv;});} if (0) inxpect_return_0: return inxpect_rv;}
// MANIFEST: "name": "find.for@18",

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int v[4] = { 3, 1, 4, 1 };

	return find(v, ctx->ingress_ifindex & 3).index >= 0 ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
