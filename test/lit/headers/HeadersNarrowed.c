// --headers narrows the headers whose code gets sections to those whose
// path from the source's directory matches: filter.h keeps its code and is
// rewritten only so that its #include names the rewrite of lib/bytes.h.
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/filter.h %t/Inputs/ && cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-function --headers 'Inputs/lib/.*' %t/prog.c -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --check-prefix=FILTER --input-file %t/Inputs/filter.inxpect.h
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t/prog.inxpect.json
// RUN: sed 's|lib/bytes.inxpect.h|lib/bytes.h|' %t/Inputs/filter.inxpect.h > %t/filter.back.h
// RUN: diff %t/filter.back.h %t/Inputs/filter.h
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "Inputs/filter.h"

char LICENSE[] SEC("license") = "GPL";

// FILTER-NOT: INXPECT_
// FILTER: {{^}}#include "lib/bytes.inxpect.h"
// FILTER-NOT: INXPECT_

// MANIFEST: "sections": [
// MANIFEST-NEXT: {
// MANIFEST-NEXT: "id": 0,
// MANIFEST-NEXT: "name": "Inputs/lib/bytes.h:byte_sum",
// MANIFEST-NOT: "name":
