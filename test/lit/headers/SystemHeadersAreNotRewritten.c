// A header found in an -isystem directory is not the program's own, even
// under the source's directory: nothing of it is rewritten.
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/filter.h %t/Inputs/ && cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-function %t/prog.c -- %bpf-flags -isystem %t/Inputs 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: not ls %t/Inputs/*.inxpect.h %t/Inputs/lib/*.inxpect.h
// RUN: FileCheck %s --input-file %t/prog.inxpect.c
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include <filter.h>
// CHECK: {{^}}#include <filter.h>

char LICENSE[] SEC("license") = "GPL";
// WARN: warning: no sections to instrument
