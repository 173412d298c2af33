// A case label inside a loop that belongs to a switch around it is a jump into
// the loop: the loop is left out with a remark.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int n = ctx->ingress_ifindex & 3, count = 0;
	switch (n) {
	case 0:
		do {
			count++;
	case 1:
			count++;
		} while (--n > 0);
	}
	return count ? XDP_PASS : XDP_DROP;
}
// REMARK: DuffsDeviceIsSkipped.c:[[@LINE-8]]:3: remark: loop 'prog.do@[[@LINE-8]]' is not instrumented: a case label inside it belongs to a switch outside it
// CHECK-NOT: INXPECT{{_}}SCOPE(
char LICENSE[] SEC("license") = "GPL";
