#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct flow { __u32 saddr;
	__u32 daddr; }; SEC("xdp") int prog(struct xdp_md *ctx)
{
	struct flow f = {};

	_Static_assert(__LINE__ == 8, "the compiler numbers this line 8, as the source does");
	return f.saddr ? XDP_DROP : XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
// No free line, and the function's line starts inside a struct: the line is
// broken where the function starts, the include goes between, and `#line 4
// "SOURCE"` numbers the function's part as the line it came from.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// CHECK: struct flow { __u32 saddr;
// CHECK-NEXT: 	__u32 daddr; }; 
// CHECK-NEXT: #include "inxpect.h"
// CHECK-NEXT: #line 4 "{{.*}}/include/FunctionStartingMidLine.c"
// CHECK-NEXT: SEC("xdp") int prog(struct xdp_md *ctx)
