#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
SEC("xdp") int prog(struct xdp_md *ctx)
{
	_Static_assert(__LINE__ == 5, "the compiler numbers this line 5, as the source does");
	int unused;
	return XDP_PASS;
}
char LICENSE[] SEC("license") = "GPL";
// Every line before the only function holds code: the include gets a line
// of its own before the function's, and `#line 3 "SOURCE"` gives the
// function's line its number back, in the original source: the compiler's
// diagnostics, __LINE__ and the debug info (and BTF line info, which takes
// each line's text from the file the debug info names) read the source's
// lines.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c --match-full-lines
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -Wno-unused-variable -c %t.c -o %t.o
// RUN: llvm-dwarfdump --debug-info %t.o | FileCheck %s --check-prefix=DEBUG
// RUN: llvm-objdump -S -l %t.o | FileCheck %s --check-prefix=SOURCE
// RUN: not %bpf-clang -Wunused-variable -c %t.c -o %t.o 2>&1 | FileCheck %s --check-prefix=DIAGNOSTIC
// CHECK: #include <bpf/bpf_helpers.h>
// CHECK-NEXT: #include "inxpect.h"
// CHECK-NEXT: #line 3 "{{.*}}/include/NoFreeLineGetsALineOfItsOwn.c"
// CHECK-NEXT: SEC("xdp") int prog(struct xdp_md *ctx)
// DEBUG: DW_AT_name ("prog")
// DEBUG-NEXT: DW_AT_decl_file
// DEBUG-NEXT: DW_AT_decl_line (3)
// The function's end shows its line 8 with the source's text (the output's
// eighth line is `int unused;`):
// SOURCE: ; {{.*}}/include/NoFreeLineGetsALineOfItsOwn.c:8
// SOURCE-NEXT: ; }
// DIAGNOSTIC: {{^}}{{.*}}/include/NoFreeLineGetsALineOfItsOwn.c:6:6: error: unused variable 'unused'
