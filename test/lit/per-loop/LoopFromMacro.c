// A loop header written by a macro maps to the macro invocation and is wrapped
// there; a macro that holds more than a loop cannot be wrapped soundly and is
// left out with a remark.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define FOR_EACH(i, n) for (int i = 0; i < (n); i++)
#define TWICE(x) x++; for (int k = 0; k < 2; k++) x++

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int sum = 0;
	FOR_EACH(i, 4) {
		sum += i;
	}
	TWICE(sum);
	return sum ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}	{INXPECT_SCOPE(0); FOR_EACH(i, 4) {
// CHECK: {{^}}	}}
// CHECK-NEXT: {{^}}	TWICE(sum);
// REMARK: LoopFromMacro.c:[[@LINE-6]]:2: remark: for loop comes from a macro expansion that holds more than the loop: not instrumented
char LICENSE[] SEC("license") = "GPL";
