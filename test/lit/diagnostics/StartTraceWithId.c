// START_TRACE takes the name only: an id in the input means the user wrote
// one, or the input is already rewritten.
// RUN: rm -f %t.c %t.json
// RUN: not %inxpect-instrument  %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s
// RUN: not test -e %t.c
// RUN: not test -e %t.json
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#include "inxpect.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	START_TRACE(read, 3);
	END_TRACE(read);
	return XDP_PASS;
}
// CHECK: StartTraceWithId.c:[[@LINE-4]]:2: error: START_TRACE takes one argument, the section's name: START_TRACE(name) (inxpect-instrument adds the id)
char LICENSE[] SEC("license") = "GPL";
