// A goto from outside into a loop would jump past the probe of the loop block,
// which C forbids for a variable with a cleanup: the loop is left out with a
// remark, and the rest is instrumented.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = 0;
	if (ctx->ingress_ifindex)
		goto inside;
	while (n < 4) {
inside:
		n++;
	}
	for (int i = 0; i < 2; i++) n++;
	return n ? XDP_PASS : XDP_DROP;
}
// REMARK: GotoIntoLoopIsSkipped.c:[[@LINE-7]]:2: remark: loop 'prog.while@[[@LINE-7]]' is not instrumented: a goto from outside jumps to a label inside it
// CHECK: {{^}}	while (n < 4) {
// CHECK: {{^}}	{INXPECT_SCOPE(0); for (int i = 0; i < 2; i++) n++;}
char LICENSE[] SEC("license") = "GPL";
