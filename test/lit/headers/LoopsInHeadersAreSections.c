// --per-loop reaches the loops of the program's own headers, named after
// their file and line; the entry program in the header starts runs there.
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/filter.h %t/Inputs/ && cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-loop %t/prog.c -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t/prog.inxpect.c
// RUN: FileCheck %s --check-prefix=FILTER --input-file %t/Inputs/filter.inxpect.h
// RUN: FileCheck %s --check-prefix=BYTES --input-file %t/Inputs/lib/bytes.inxpect.h
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t/prog.inxpect.json
// RUN: %same-lines %t/Inputs/lib/bytes.h %t/Inputs/lib/bytes.inxpect.h
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

// CHECK: {{^}}enum { inxpect_id_Inputs_lib_bytes_h_byte_sum_for_8 = 0 };
#include "Inputs/filter.h"

char LICENSE[] SEC("license") = "GPL";

// FILTER: {{^}}{INXPECT_RUN();
// BYTES: {{^}}	{INXPECT_SCOPE(inxpect_id_Inputs_lib_bytes_h_byte_sum_for_8); for (int i = 0; i < 8; i++) {
// BYTES: {{^}}	}}

// MANIFEST: "name": "Inputs/lib/bytes.h:byte_sum.for@8",
// MANIFEST-NEXT: "kind": "loop",
// MANIFEST-NEXT: "function": "byte_sum",
// MANIFEST-NEXT: "file": "{{.*}}/Inputs/lib/bytes.h",
