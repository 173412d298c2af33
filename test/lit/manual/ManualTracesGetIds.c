// START_TRACE(name) and END_TRACE(name) written by hand (the original tool's
// workflow) are kept and listed as manual sections; each START_TRACE is given
// its id as a second argument.
// RUN: %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags
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
// CHECK: {{^}}	START_TRACE(read, 0);
// CHECK: {{^}}	END_TRACE(read);
// MANIFEST: "name": "read",
// MANIFEST-NEXT: "kind": "manual",
// MANIFEST-NEXT: "function": "prog",
char LICENSE[] SEC("license") = "GPL";
