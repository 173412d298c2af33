// SPDX-License-Identifier: BSD-3-Clause
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int prog(struct xdp_md *ctx) { return XDP_PASS; }
// A program with an SPDX comment but no license section: the kernel refuses
// a kfunc call from it, even one it never reaches, so the probes are built
// to read the clock only (INXPECT_CLOCK_ONLY before the include), a remark
// says so and the manifest records it. The object references no kfunc.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// RUN: llvm-nm %t.o | FileCheck %s --check-prefix=SYMBOLS
// REMARK: NoLicenseReadsTheClockOnly.c:1:1: remark: the program has no license: the kernel lets such a program call no kfunc, so its probes read the clock only (bpf_ktime_get_ns), never the inxpect module's counters; a GPL-compatible license lifts this
// The switch takes the first free line, the include the next one:
// CHECK: #define INXPECT_CLOCK_ONLY 1 // SPDX-License-Identifier: BSD-3-Clause
// CHECK: #include "inxpect.h"
// CHECK-NEXT: SEC("xdp")
// MANIFEST: "license": null,
// MANIFEST-NEXT: "clock_only": true,
// SYMBOLS-NOT: bpf_inxpect_read
// SYMBOLS-NOT: bpf_get_cpu_time_counter
