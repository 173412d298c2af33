// Every license on the kernel's GPL-compatible list keeps the probes as they
// are: no switch, no remark, the kfuncs referenced (weak: the object loads
// without the module too). Here "Dual BSD/GPL", through a name other than
// LICENSE: what counts is the section.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t.c
// RUN: not grep '^#define INXPECT_CLOCK_ONLY' %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %bpf-clang -c %t.c -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=SYMBOLS
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
char _license[] SEC("license") = "Dual BSD/GPL";
// CHECK: {{^}}#include "inxpect.h"
// MANIFEST: "license": "Dual BSD/GPL",
// MANIFEST-NEXT: "clock_only": false,
// SYMBOLS: bpf_inxpect_read
