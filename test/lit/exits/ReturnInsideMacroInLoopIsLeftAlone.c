// A return written by a macro cannot be diverted past the loops' ends (its
// text is the macro's): it stays as it is, and still ends both loops (the
// macro's do-while is one too) through their cleanups. The outer loop's other
// return, in the function's own text, is diverted.
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define ENSURE(p, end) do { if ((void *)((p) + 1) > (end)) return XDP_DROP; } while (0)

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	void *end = (void *)(long)ctx->data_end;
	__u8 *data = (void *)(long)ctx->data;

	for (int i = 0; i < 4; i++) {
		ENSURE(data + i, end);
		if (data[i] == 0xff)
			return XDP_PASS;
	}
	return XDP_TX;
}
// CHECK: {{^}}#define ENSURE(p, end) do { if ((void *)((p) + 1) > (end)) return XDP_DROP; } while (0)
// CHECK: {{^}}{INXPECT_RUN(); __typeof__(int) inxpect_rv = 0;
// CHECK: {{^}}		{INXPECT_SCOPE(1); ENSURE(data + i, end);}
// CHECK-NEXT: {{^}}		if (data[i] == 0xff)
// CHECK-NEXT: {{^}}			return ({inxpect_rv = (XDP_PASS); goto inxpect_return_0; inxpect_rv;});
// CHECK-NEXT: {{^}}	}} if (0) inxpect_return_0: return inxpect_rv;}
// MANIFEST: "name": "prog.for@21",
char LICENSE[] SEC("license") = "GPL";
