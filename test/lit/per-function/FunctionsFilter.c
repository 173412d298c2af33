// --functions REGEX narrows --per-function to the functions whose whole name
// matches: `parse_.*` takes parse_eth but not reparse_eth, and the ids stay
// dense.
// RUN: %inxpect-instrument --per-function --functions 'parse_.*|prog' %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// A bad expression, and --functions without --per-function, are errors.
// RUN: not %inxpect-instrument --per-function --functions '(' %s -o %t.bad.c 2>&1 | FileCheck %s --check-prefix=BADREGEX
// RUN: not %inxpect-instrument --functions 'x' %s -o %t.bad.c 2>&1 | FileCheck %s --check-prefix=NOMODE
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __always_inline int parse_eth(struct xdp_md *ctx) { return ctx->data_end - ctx->data > 14; }
// CHECK: {{^}}static __always_inline int parse_eth(struct xdp_md *ctx) {INXPECT_FUNCTION(0); return
static __always_inline int reparse_eth(struct xdp_md *ctx) { return parse_eth(ctx); }
// CHECK: {{^}}static __always_inline int reparse_eth(struct xdp_md *ctx) { return parse_eth(ctx); }

SEC("xdp")
int prog(struct xdp_md *ctx) { return reparse_eth(ctx) ? XDP_PASS : XDP_DROP; }
// CHECK: {{^}}int prog(struct xdp_md *ctx) {INXPECT_ENTRY(1); return
char LICENSE[] SEC("license") = "GPL";

// MANIFEST: "name": "parse_eth",
// MANIFEST-NOT: "name": "reparse_eth",
// MANIFEST: "name": "prog",
// BADREGEX: error: --functions '(' is not a valid regular expression: parentheses not balanced
// NOMODE: error: --functions narrows --per-function: pass both
