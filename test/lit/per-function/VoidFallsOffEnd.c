// A void function that falls off its end, and an empty one, still get a
// probe: the cleanup ends the section at the closing brace.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline void touch(volatile int *x)
{
	*x += 1;
}
// CHECK: {{^}}{INXPECT_FUNCTION(0);

static __always_inline void nothing(void) {}
// CHECK: {{^}}static __always_inline void nothing(void) {INXPECT_FUNCTION(1);}

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	volatile int x = 0;
	touch(&x);
	nothing();
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
