// A guarded header included twice is rewritten once, and both #include
// lines name the rewrite (a second copy of the original would bring the
// functions back without probes, or clash with them).
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-function %t/prog.c -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t/prog.inxpect.c
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "Inputs/lib/bytes.h"
// CHECK: {{^}}#include "Inputs/lib/bytes.inxpect.h"
#include "Inputs/lib/bytes.h"
// CHECK: {{^}}#include "Inputs/lib/bytes.inxpect.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return byte_sum((void *)(long)ctx->data, (void *)(long)ctx->data_end) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
