// The license is found wherever the program declares it, a header included.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t.c
// RUN: not grep '^#define INXPECT_CLOCK_ONLY' %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "Inputs/gpl_license.h"

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
// CHECK: {{^}}#include "inxpect.h"
// MANIFEST: "license": "GPL",
// MANIFEST-NEXT: "clock_only": false,
