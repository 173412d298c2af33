#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

static __attribute__((noinline)) int b_helper(int x) { return x & 1; }

#include "shared.h"

SEC("xdp")
int b(struct xdp_md *ctx)
{
	return b_helper(ctx->data) && shared_check(ctx->data_end - ctx->data) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
