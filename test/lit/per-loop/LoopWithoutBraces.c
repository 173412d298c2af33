// A loop whose body is one statement without braces: the closing brace goes
// after that statement and its semicolon.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int sum = 0;
	for (int i = 0; i < 4; i++) sum += i;
	return sum ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); for (int i = 0; i < 4; i++) sum += i;}
char LICENSE[] SEC("license") = "GPL";
