// A C error is reported as clang reports it, and nothing is written.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>

int prog(struct xdp_md *ctx) { return ctx->no_such_field; }
// CHECK: SyntaxError.c:[[@LINE-1]]:{{[0-9]+}}: error: no member named 'no_such_field' in 'struct xdp_md'
