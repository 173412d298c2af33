#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "inxpect.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	START_TRACE(read);
	__u32 n = ctx->ingress_ifindex;
	END_TRACE(read);
	return n ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "MIT";
// A program that includes inxpect.h itself (hand-written traces) without a
// GPL-compatible license: INXPECT_CLOCK_ONLY must come before that include,
// and no line before it is free, so the switch and the include get lines of
// their own and #line 3 gives the program's include its number back.
// RUN: %inxpect-instrument %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=SYMBOLS
// REMARK: remark: the program's license "MIT" is not GPL-compatible
// CHECK: #include <bpf/bpf_helpers.h>
// CHECK-NEXT: #define INXPECT_CLOCK_ONLY 1
// CHECK-NEXT: #include "inxpect.h"
// CHECK-NEXT: #line 3 "{{.*}}/license/ClockOnlyComesBeforeTheProgramsOwnInclude.c"
// CHECK-NEXT: #include "inxpect.h"
// CHECK: 	START_TRACE(read, 0);
// SYMBOLS-NOT: bpf_inxpect_read
