#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

/* The program that exists says which flags reached the parse. */
#ifdef FOO
SEC("xdp")
int with_foo(struct xdp_md *ctx) { return XDP_PASS; }
#else
SEC("xdp")
int without_foo(struct xdp_md *ctx) { return XDP_PASS; }
#endif
#ifdef USER_ASM_TYPES
SEC("xdp")
int with_user_asm_types(struct xdp_md *ctx) { return XDP_PASS; }
#endif
#if defined(__TARGET_ARCH_arm64) && !defined(__TARGET_ARCH_x86)
SEC("xdp")
int for_arm64_only(struct xdp_md *ctx) { return XDP_PASS; }
#endif
char LICENSE[] SEC("license") = "GPL";
