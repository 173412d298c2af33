// SPDX-License-Identifier: GPL-2.0
// The include goes on the first line that holds only a comment, in front of
// it: the line keeps its number and its comment.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
char LICENSE[] SEC("license") = "GPL";
// CHECK: #include "inxpect.h" // SPDX-License-Identifier: GPL-2.0
// CHECK-NEXT: // The include goes on the first line that holds only a comment, in front of
