#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
struct flow {
	__u32 saddr;

	__u32 daddr;
};
// An empty line inside a struct is not at file scope: passed over.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
SEC("xdp")
int prog(struct xdp_md *ctx) { struct flow f = {}; return f.saddr ? XDP_DROP : XDP_PASS; }
char LICENSE[] SEC("license") = "GPL";
// CHECK:      	__u32 saddr;
// CHECK-EMPTY:
// CHECK:      #include "inxpect.h" // An empty line inside a struct is not at file scope: passed over.
