// Two loops of one kind on one line get distinct names: the second is suffixed
// .2.
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
	int a = 0, b = 0;
	for (int i = 0; i < 2; i++) a++; for (int i = 0; i < 3; i++) b++;
	return a + b ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); for (int i = 0; i < 2; i++) a++;} {INXPECT_SCOPE(1); for (int i = 0; i < 3; i++) b++;}
// MANIFEST: "name": "prog.for@[[LINE:[0-9]+]]",
// MANIFEST: "name": "prog.for@[[LINE]].2",
char LICENSE[] SEC("license") = "GPL";
