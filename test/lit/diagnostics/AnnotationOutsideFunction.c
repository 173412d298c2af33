// Annotations mark statements: one at file scope is an error.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

// inxpect:region global
int counter;

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
// CHECK: AnnotationOutsideFunction.c:[[@LINE-5]]:1: error: inxpect:region global is outside a function body: annotations mark statements
char LICENSE[] SEC("license") = "GPL";
