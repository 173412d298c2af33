// With --per-function too, the function section is the loop's parent and its
// probe comes first.
// RUN: %inxpect-instrument --per-function --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{for (int i = 0; i < 2; i++) ctx->data++;
	return XDP_PASS;
}
// CHECK: {{^}}{INXPECT_ENTRY(0);{INXPECT_SCOPE(1); for (int i = 0; i < 2; i++) ctx->data++;}
// MANIFEST: "name": "prog.for@{{[0-9]+}}",
// MANIFEST: "parent": 0
char LICENSE[] SEC("license") = "GPL";
