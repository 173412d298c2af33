#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

// An entry program that --functions leaves out is no section, but its runs
// must still start there (INXPECT_RUN), or nothing would ever be sampled.
// The include goes before it, as it is the first probe of the file.
// RUN: %inxpect-instrument --per-function --functions 'parse_.*' %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
SEC("xdp")
int prog(struct xdp_md *ctx);

static __always_inline int parse_len(struct xdp_md *ctx) { return ctx->data_end - ctx->data; }

SEC("xdp")
int prog(struct xdp_md *ctx) { return parse_len(ctx) > 14 ? XDP_PASS : XDP_DROP; }
char LICENSE[] SEC("license") = "GPL";
// CHECK: {{^}}#include "inxpect.h"{{$}}
// CHECK: {{^}}static __always_inline int parse_len(struct xdp_md *ctx) {INXPECT_FUNCTION(0); return
// CHECK: {{^}}int prog(struct xdp_md *ctx) {INXPECT_RUN(); return
