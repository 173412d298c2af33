// A function whose body comes out of a macro expansion is not instrumented
// (a probe would have to go inside the macro); a remark says so, and the
// manifest lists only the others.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define DEFINE_GETTER(name, field) \
	static __always_inline __u32 name(struct xdp_md *ctx) { return ctx->field; }

DEFINE_GETTER(get_ifindex, ingress_ifindex)
// REMARK: FunctionFromMacroIsSkipped.c:[[@LINE-1]]:1: remark: function 'get_ifindex' is defined by a macro expansion: not instrumented

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	return get_ifindex(ctx) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
// MANIFEST:     "sections": [
// MANIFEST-NEXT:  {
// MANIFEST-NEXT:    "id": 0,
// MANIFEST-NEXT:    "name": "prog",
// MANIFEST-NOT: get_ifindex
