#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp") int prog(struct xdp_md *ctx) { return XDP_PASS; }
// Every line before the only function holds code: there is nowhere to put
// the include without moving a line, so the rewrite stops with an error and
// writes nothing.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
// CHECK: NoFreeLine.c:3:1: error: no free line before the first section to put #include "inxpect.h" on without moving a line: add an empty line before this function
