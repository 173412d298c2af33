// A return inside a loop section goes to the loop's end first: its value is
// kept in inxpect_rv (declared, zero, at the function's top) and a goto leaves
// the loop's block, after which the real return is. Else the loop's cleanup
// would join the return's value with the loop's other ways out, where it is
// undefined, and clang may copy it from a register nothing wrote: the
// verifier refuses that ("R2 !read_ok", examples/nat.c's open_flow). The IR
// check below fails without the rule (a phi with an undef input).
// RUN: %inxpect-instrument --per-loop %s -o %t.c --manifest %t.json -- %bpf-flags
// RUN: FileCheck %s --input-file %t.c
// RUN: FileCheck %s --check-prefix=MANIFEST --input-file %t.json
// RUN: %same-lines %s %t.c
// RUN: %bpf-clang -c %t.c -o %t.o
// RUN: %bpf-clang -S -emit-llvm %t.c -o %t.ll
// RUN: FileCheck %s --check-prefix=IR --input-file %t.ll
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u16);
} taken SEC(".maps");

__u64 cursor;

/* A free slot, or 0 when the next four are all taken. */
static __always_inline __u16 claim(__u32 base)
{
	for (int try = 0; try < 4; try++) {
		__u16 slot = base + __sync_fetch_and_add(&cursor, 1) % 1024;
		__u32 key = slot;
		__u16 *theirs;

		if (bpf_map_update_elem(&taken, &key, &slot, BPF_NOEXIST) != 0)
			continue;
		if (slot & 1)
			return slot;
		bpf_map_delete_elem(&taken, &key);
		theirs = bpf_map_lookup_elem(&taken, &key);
		return theirs ? *theirs : 0;
	}
	return 0;
}
// CHECK: {{^}}{INXPECT_CONTEXT(); __typeof__(__u16) inxpect_rv = 0;
// CHECK-NEXT: {{^}}	{{[{][{]}}INXPECT_SCOPE(0); for (int try = 0; try < 4; try++) {
// CHECK: {{^}}			continue;
// CHECK: {{^}}			return ({inxpect_rv = (slot); goto inxpect_return_0; inxpect_rv;});
// CHECK: {{^}}		return ({inxpect_rv = (theirs ? *theirs : 0); goto inxpect_return_0; inxpect_rv;});
// CHECK-NEXT: {{^}}	}} if (0) inxpect_return_0: return inxpect_rv;}
// CHECK-NEXT: {{^}}	return 0;
// MANIFEST: "name": "claim.for@30",

SEC("xdp")
int prog(struct xdp_md *ctx)
{
	__u32 k = ctx->ingress_ifindex;
	__u16 *known = bpf_map_lookup_elem(&taken, &k);
	__u16 slot = known ? *known : claim(k);

	if (!slot)
		return XDP_PASS;
	return slot > 512 ? XDP_TX : XDP_DROP;
}
// The entry program holds no section: its returns stay as they are.
// CHECK: {{^}}{INXPECT_RUN();{{$}}
// CHECK: {{^}}		return XDP_PASS;
// IR-NOT: = phi {{.*}}undef
char LICENSE[] SEC("license") = "GPL";
