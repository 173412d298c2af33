/*
 * A block comment that spans lines: putting the include in front of it
 * would pull the rest of the comment, and what follows it, into the
 * directive. Its lines are skipped; the include goes on the first free line.
 */
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
char LICENSE[] SEC("license") = "GPL";
// CHECK:      /*
// CHECK-NEXT:  * A block comment that spans lines: putting the include in front of it
// CHECK:       */
// CHECK-NEXT: #include "inxpect.h" // {{.*}}inxpect-instrument --per-function %s{{.*}}
