// A do-while loop ends with a semicolon after its condition: the closing brace
// goes after that semicolon.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex & 7;
	do {
		n--;
	} while (n > 0);
	return n ? XDP_DROP : XDP_PASS;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); do {
// CHECK: {{^}}	} while (n > 0);}
// MANIFEST: "name": "prog.do@{{[0-9]+}}",
char LICENSE[] SEC("license") = "GPL";
