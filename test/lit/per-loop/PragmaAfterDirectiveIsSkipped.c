// When a preprocessor line stands between the code and the #pragma before a
// loop, there is no place to open its block: the loop is left out with a
// remark.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int sum = 0;
#define LIMIT 4
#pragma unroll
	for (int i = 0; i < LIMIT; i++)
		sum += i;
	return sum ? XDP_PASS : XDP_DROP;
}
// REMARK: PragmaAfterDirectiveIsSkipped.c:[[@LINE-4]]:2: remark: for loop under a #pragma that follows a preprocessor line: not instrumented
// CHECK-NOT: INXPECT{{_}}SCOPE(
char LICENSE[] SEC("license") = "GPL";
