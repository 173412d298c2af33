// A function with a SEC() attribute is an entry program: its probe also
// starts a run (INXPECT_ENTRY), so all sections of one packet are sampled
// together. Helpers, static or global, get INXPECT_FUNCTION. Two programs in
// one file each start their own runs.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

__attribute__((noinline)) int global_helper(int x) { return x + 1; }
// CHECK: {{^}}__attribute__((noinline)) int global_helper(int x) {INXPECT_FUNCTION(0); return x + 1; }

SEC("xdp")
int first(struct xdp_md *ctx) { return global_helper(ctx->ingress_ifindex) ? XDP_PASS : XDP_DROP; }
// CHECK: {{^}}int first(struct xdp_md *ctx) {INXPECT_ENTRY(1); return

SEC("xdp.frags")
int second(struct xdp_md *ctx) { return XDP_DROP; }
// CHECK: {{^}}int second(struct xdp_md *ctx) {INXPECT_ENTRY(2); return XDP_DROP; }

char LICENSE[] SEC("license") = "GPL";
