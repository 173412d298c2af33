// An #include whose file name comes from a macro cannot be made to name the
// rewrite: the header is left as it is, with a remark, and so are the
// headers it includes (lib/bytes.h), whose #include is in it.
// RUN: rm -rf %t && mkdir -p %t/Inputs/lib && cp %s %t/prog.c
// RUN: cp %S/Inputs/filter.h %t/Inputs/ && cp %S/Inputs/lib/bytes.h %t/Inputs/lib/
// RUN: %inxpect-instrument --per-function %t/prog.c -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: not ls %t/Inputs/*.inxpect.h %t/Inputs/lib/*.inxpect.h
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t/prog.inxpect.json
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#define FILTER_HEADER "Inputs/filter.h"
#include FILTER_HEADER

char LICENSE[] SEC("license") = "GPL";
// REMARK: remark: 'Inputs/filter.h' is not instrumented: this #include of it names it through a macro
// MANIFEST: "sections": []
