// SPDX-License-Identifier: GPL-2.0
/*
 * too_complex: a program the verifier rejects quickly, for the runner's
 * explanation of verifier limits. Each iteration branches on a fresh random
 * number, which the verifier cannot settle, and the iterations differ in
 * their counter, so it keeps one pending state per iteration: past 8192 it
 * gives up ("The sequence of N jumps is too complex"). The branch is inline
 * assembly so that clang cannot make it branchless.
 */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int xdp_too_complex(struct xdp_md *ctx)
{
	__u64 n = 0;

	for (__u32 i = 0; i < 10000; i++)
		asm volatile("if %1 > 7 goto +1\n\t%0 += 1" : "+r"(n) : "r"(bpf_get_prandom_u32()));
	return n & 1 ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
