// A license the kernel does not count as GPL-compatible ("BSD" is not on
// its list, "Dual BSD/GPL" is): the probes read the clock only, and the
// remark points at the license.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=SYMBOLS
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	int sum = 0;

	for (int i = 0; i < 4; i++)
		sum += i;
	return sum ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "BSD";
// REMARK: NonGplLicenseReadsTheClockOnly.c:[[@LINE-1]]:6: remark: the program's license "BSD" is not GPL-compatible: the kernel lets such a program call no kfunc
// CHECK: {{^}}#define INXPECT_CLOCK_ONLY 1
// CHECK: {{^}}#include "inxpect.h"
// MANIFEST: "license": "BSD",
// MANIFEST-NEXT: "clock_only": true,
// SYMBOLS-NOT: bpf_inxpect_read
