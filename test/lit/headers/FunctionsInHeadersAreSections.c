// The program's own headers are rewritten with the source: their functions
// are sections named after their file, their probes name their ids (the
// source's enum numbers them), and each #include of a rewritten header names
// its rewrite, written beside the output.
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/filter.h %t/Inputs/ && cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-function %t/prog.c -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t/prog.inxpect.c
// RUN: FileCheck %s --check-prefix=FILTER --input-file %t/Inputs/filter.inxpect.h
// RUN: FileCheck %s --check-prefix=BYTES --input-file %t/Inputs/lib/bytes.inxpect.h
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t/prog.inxpect.json
// RUN: %same-lines %t/prog.c %t/prog.inxpect.c
// RUN: %same-lines %t/Inputs/filter.h %t/Inputs/filter.inxpect.h
// RUN: %same-lines %t/Inputs/lib/bytes.h %t/Inputs/lib/bytes.inxpect.h
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

// The preamble numbers the headers' sections, before the first of them.
// CHECK: {{^}}#include "inxpect.h"
// CHECK-NEXT: {{^}}enum { inxpect_id_Inputs_filter_h_too_short = 0, inxpect_id_Inputs_filter_h_filter = 1, inxpect_id_Inputs_lib_bytes_h_byte_sum = 2 };
#include "Inputs/filter.h"
// CHECK: {{^}}#include "Inputs/filter.inxpect.h"

char LICENSE[] SEC("license") = "GPL";

// FILTER: {{^}}#include "lib/bytes.inxpect.h"
// FILTER: {{^}}{INXPECT_FUNCTION(inxpect_id_Inputs_filter_h_too_short);
// FILTER: {{^}}{INXPECT_ENTRY(inxpect_id_Inputs_filter_h_filter);
// BYTES: {{^}}{INXPECT_FUNCTION(inxpect_id_Inputs_lib_bytes_h_byte_sum);

// MANIFEST: "name": "Inputs/filter.h:too_short",
// MANIFEST-NEXT: "kind": "function",
// MANIFEST-NEXT: "function": "too_short",
// MANIFEST-NEXT: "file": "{{.*}}/Inputs/filter.h",
// MANIFEST-NEXT: "begin": {
// MANIFEST-NEXT: "line": 7,
// MANIFEST: "name": "Inputs/filter.h:filter",
// MANIFEST: "name": "Inputs/lib/bytes.h:byte_sum",
// MANIFEST-NEXT: "kind": "function",
// MANIFEST-NEXT: "function": "byte_sum",
// MANIFEST-NEXT: "file": "{{.*}}/Inputs/lib/bytes.h",
