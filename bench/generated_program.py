"""XDP programs of k sections of a known shape and no branch of their own,
generated for the benchmark steps that need a given number of sections."""

# Each section's body calls a helper, as real sections do (map lookups): the
# call keeps clang from merging the END test into the START test, which with
# no call or store between them would make a sampled-out probe cheaper still.
BODY = "x = x * 3 + bpf_get_prandom_u32();"
SHAPES = {
    "function": "--per-function: each section an inlined function (its run state: the one lookup of the program it is inlined into)",
    "region": "`inxpect:region`: each section a block of one function (shares its run state)",
}


def source(shape, k):
    """An XDP program with k sections of the given shape and no branch of its own."""
    lines = ["#include <linux/bpf.h>", "#include <bpf/bpf_helpers.h>", "", "__u64 sink;", ""]
    if shape == "function":
        for i in range(k):
            lines += [f"static __always_inline __u64 step_{i}(__u64 x)", "{", f"\t{BODY}", "\treturn x;", "}", ""]
        calls = [f"\tx = step_{i}(x);" for i in range(k)]
    else:
        calls = []
        for i in range(k):
            calls += [f"\t// inxpect:region step_{i}", "\t{", f"\t\t{BODY}", "\t}"]
    lines += ['SEC("xdp")', "int xdp_bench(struct xdp_md *ctx)", "{", "\t__u64 x = 1;", *calls,
              "\tsink = x;", "\treturn XDP_DROP;", "}", "", 'char LICENSE[] SEC("license") = "GPL";', ""]
    return "\n".join(lines)


