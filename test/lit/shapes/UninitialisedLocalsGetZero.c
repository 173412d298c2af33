// Locals declared without a value get one (0, or {0} for a struct): the
// probes' cleanup joins exit paths, and a value defined on one path only
// would be spilled undefined on the other, which the verifier refuses.
// Arrays, declarations made by macros and ones with trailing attributes
// stay as they are.
// RUN: %inxpect-instrument --per-function %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct pair { int a, b; };
#define DECLARE(name) int name

static __always_inline int parse(void *data, void *end, __u16 *proto)
{
	if (data + 2 > end)
		return XDP_DROP;
	*proto = *(__u16 *)data;
	return XDP_PASS;
}

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u16 proto;
	// CHECK: {{^}}	__u16 proto = 0;
	int a, b = 2, *c;
	// CHECK: {{^}}	int a = 0, b = 2, *c = 0;
	struct pair p;
	// CHECK: {{^}}	struct pair p = {0};
	char buf[4];
	// CHECK: {{^}}	char buf[4];
	DECLARE(d);
	// CHECK: {{^}}	DECLARE(d);
	int e __attribute__((unused));
	// CHECK: {{^}}	int e __attribute__((unused));
	static int calls;
	// CHECK: {{^}}	static int calls;

	a = parse((void *)(long)ctx->data, (void *)(long)ctx->data_end, &proto);
	if (a != XDP_PASS)
		return a;
	c = &b;
	d = *c;
	p.a = d;
	p.b = proto;
	buf[0] = 1;
	calls++;
	return p.b == 0x8 && buf[0] ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
