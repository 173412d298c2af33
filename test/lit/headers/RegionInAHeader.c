// Annotations in an own header are sections as in the source, always on;
// a region keeps the name written in it, and its file is the header's.
// RUN: rm -rf %t && mkdir -p %t/Inputs && cp %s %t/prog.c && cp %S/Inputs/annotated.h %t/Inputs/
// RUN: %inxpect-instrument %t/prog.c -- %bpf-flags 2>&1 | count 0
// RUN: FileCheck %s --input-file %t/Inputs/annotated.inxpect.h
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t/prog.inxpect.json
// RUN: %same-lines %S/Inputs/annotated.h %t/Inputs/annotated.inxpect.h
// RUN: cd %t && %bpf-clang -c prog.inxpect.c -o prog.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "Inputs/annotated.h"

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return checked(ctx->data_end - ctx->data) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";

// CHECK: {{^}}{INXPECT_CONTEXT();
// CHECK: {{^}}	{INXPECT_SCOPE(inxpect_id_length_check); if (len < 14)
// CHECK-NEXT: {{^}}		ok = 0;}
// MANIFEST: "name": "length_check",
// MANIFEST-NEXT: "kind": "region",
// MANIFEST-NEXT: "function": "checked",
// MANIFEST-NEXT: "file": "{{.*}}/Inputs/annotated.h",
