// Every function defined in the main file becomes a section named after it:
// a probe right after its opening brace, on the same line, and a manifest
// entry with its range.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __attribute__((noinline)) int count_bytes(struct xdp_md *ctx)
{
	return ctx->data_end - ctx->data;
}
// CHECK: {{^}}{INXPECT_FUNCTION(0);
// CHECK-NEXT: {{^}}	return ctx->data_end - ctx->data;

SEC("xdp")
int xdp_prog(struct xdp_md *ctx) {
	return count_bytes(ctx) > 64 ? XDP_PASS : XDP_DROP;
}
// CHECK: {{^}}int xdp_prog(struct xdp_md *ctx) {INXPECT_ENTRY(1);

char LICENSE[] SEC("license") = "GPL";

// The table after the last line sizes the object for its two sections.
// CHECK: {{^}}INXPECT_OBJECT(2, 0x{{[0-9a-f]+}}ULL,

// MANIFEST:      "inxpect_manifest": 1,
// MANIFEST-NEXT: "source": "{{.*}}FunctionBecomesSection.c",
// MANIFEST-NEXT: "output": "{{.*}}.c",
// MANIFEST:      "id": 0,
// MANIFEST-NEXT: "name": "count_bytes",
// MANIFEST-NEXT: "kind": "function",
// MANIFEST-NEXT: "function": "count_bytes",
// MANIFEST-NEXT: "file": "{{.*}}FunctionBecomesSection.c",
// MANIFEST-NEXT: "begin": {
// MANIFEST-NEXT:   "line": 12,
// MANIFEST-NEXT:   "col": 1
// MANIFEST-NEXT: },
// MANIFEST-NEXT: "end": {
// MANIFEST-NEXT:   "line": 15,
// MANIFEST-NEXT:   "col": 1
// MANIFEST-NEXT: },
// MANIFEST-NEXT: "parent": null
// MANIFEST:      "id": 1,
// MANIFEST-NEXT: "name": "xdp_prog",
// MANIFEST:      "line": 19,
