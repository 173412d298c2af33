#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
char LICENSE[] SEC("license") = "GPL";
// With code on the first lines, the include takes the first empty line, with
// no trailing space.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines --strict-whitespace
// (No space after the colons below: with --strict-whitespace it would count.)
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// CHECK:#include <bpf/bpf_helpers.h>
// CHECK-NEXT:#include "inxpect.h"
// CHECK-NEXT:SEC("xdp")
