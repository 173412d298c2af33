// A tail call inside a macro expansion cannot be given its ends: a warning
// says the sections around it lose the run when it succeeds.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} jumps SEC(".maps");

#define JUMP(ctx) do { int unused = 0; bpf_tail_call(ctx, &jumps, unused); } while (0)

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	JUMP(ctx);
	return XDP_PASS;
}
// REMARK: TailCallInMacroWarns.c:[[@LINE-3]]:2: warning: bpf_tail_call inside a macro expansion: the sections open around it are not ended before it, and lose this run
// CHECK: {{^}}	JUMP(ctx);
char LICENSE[] SEC("license") = "GPL";
