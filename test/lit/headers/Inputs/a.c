#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "shared.h"

SEC("xdp")
int a(struct xdp_md *ctx)
{
	return shared_check(ctx->data_end - ctx->data) ? XDP_PASS : XDP_DROP;
}
char LICENSE[] SEC("license") = "GPL";
