// `--headers=` rewrites no header: the output is the source's alone, its
// #include lines as they were, and no header is written.
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/filter.h %t/Inputs/ && cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-function --headers= %t/prog.c -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t/prog.inxpect.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t/prog.inxpect.json
// RUN: not ls %t/Inputs/*.inxpect.h %t/Inputs/lib/*.inxpect.h
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "Inputs/filter.h"
// CHECK: {{^}}#include "Inputs/filter.h"

static __attribute__((noinline)) int own(int x) { return x + 1; }
// CHECK: {{^}}static __attribute__((noinline)) int own(int x) {INXPECT_FUNCTION(0); return x + 1; }

char LICENSE[] SEC("license") = "GPL";

// MANIFEST: "name": "own",
// MANIFEST-NOT: "name":
