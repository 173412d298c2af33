// Manual sections nest like the others: inside a function section, the
// function is their parent.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "inxpect.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u32 n;

	START_TRACE(read);
	n = ctx->ingress_ifindex;
	END_TRACE(read);
	return n ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}{INXPECT_ENTRY(0);
// CHECK: {{^}}	START_TRACE(read, 1);
// MANIFEST: "name": "read",
// MANIFEST: "parent": 0
char LICENSE[] SEC("license") = "GPL";
