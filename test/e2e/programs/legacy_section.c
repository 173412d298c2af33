// SPDX-License-Identifier: GPL-2.0
/* legacy_section: an XDP program in a section name libbpf 0.x accepted and
 * libbpf 1.x does not ("xdp_sock"), as older projects still have them. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp_sock")
int xdp_legacy(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
