#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#ifdef TRACE_TIMES
#define START_TRACE() __u64 trace_start = bpf_ktime_get_ns()
#define END_TRACE() bpf_printk("%llu ns", bpf_ktime_get_ns() - trace_start)
#else
#define START_TRACE()
#define END_TRACE()
#endif

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	START_TRACE();
	__u32 n = ctx->ingress_ifindex;
	END_TRACE();
	return n ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
// A program with START_TRACE()/END_TRACE() macros of its own (no argument,
// under #if) is not using inxpect's: only the macros inxpect.h defines are
// claimed. These are left as they are, a remark says so, and
// INXPECT_NO_TRACE_MACROS keeps inxpect.h from defining its own over them,
// whichever comes first. In either branch of the #if, in every mode.
// RUN: %inxpect-instrument %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=NOSECTIONS
// RUN: %inxpect-instrument --per-function --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags -DTRACE_TIMES 2>&1 | FileCheck %s --check-prefix=REMARK-TIMES
// RUN: FileCheck %s --input-file %t.c
// RUN: %bpf-clang -DTRACE_TIMES -c %t.c -o %t.o
// NOSECTIONS-NOT: error
// NOSECTIONS: warning: no sections to instrument
// REMARK: ProgramsOwnTraceMacrosAreLeftAlone.c:8:9: remark: START_TRACE is the program's own macro, not inxpect.h's: its uses are left as they are
// REMARK: ProgramsOwnTraceMacrosAreLeftAlone.c:9:9: remark: END_TRACE is the program's own macro, not inxpect.h's: its uses are left as they are
// REMARK-TIMES: ProgramsOwnTraceMacrosAreLeftAlone.c:5:9: remark: START_TRACE is the program's own macro
// CHECK: {{^}}#define INXPECT_NO_TRACE_MACROS 1
// CHECK: {{^}}#include "inxpect.h"
// CHECK: {{^}}	START_TRACE();
// CHECK: {{^}}	END_TRACE();
// MANIFEST-NOT: "manual"
