#include <linux/bpf.h>
#ifdef SOME_FEATURE

#define FEATURE_FLAGS 1
#endif
#include <bpf/bpf_helpers.h>
// An empty line inside #ifdef would drop the include when the feature is
// off, and an empty line after a backslash belongs to the macro: both are
// passed over.
#define LONG_MACRO(x) \

// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
char LICENSE[] SEC("license") = "GPL";
// CHECK:      #ifdef SOME_FEATURE
// CHECK-EMPTY:
// CHECK:      #include "inxpect.h" // An empty line inside #ifdef would drop the include when the feature is
// CHECK:      #define LONG_MACRO(x) \
// CHECK-EMPTY:
