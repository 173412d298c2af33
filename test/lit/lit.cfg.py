# lit configuration for inxpect-instrument's rewrite rules.
import os
import subprocess

import lit.formats

config.name = "inxpect-instrument"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "tools", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.inxpect_obj_root

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.inxpect_bin_dir, config.environment.get("PATH", "")])
config.environment["INXPECT_RUNTIME_DIR"] = config.inxpect_runtime_dir

# A vmlinux.h from this machine's kernel BTF, for programs built on it.
vmlinux_dir = os.path.join(config.inxpect_obj_root, "vmlinux")
vmlinux_h = os.path.join(vmlinux_dir, "vmlinux.h")
if not os.path.exists(vmlinux_h):
    os.makedirs(vmlinux_dir, exist_ok=True)
    with open(vmlinux_h + ".tmp", "w") as out:
        subprocess.run(["bpftool", "btf", "dump", "file", "/sys/kernel/btf/vmlinux",
                        "format", "c"], stdout=out, check=True)
    os.rename(vmlinux_h + ".tmp", vmlinux_h)

bpf_flags = "-target bpf -O2 -g -I{} -I{}".format(config.inxpect_multiarch_include,
                                                   config.inxpect_runtime_dir)
tools = os.path.join(config.test_source_root, "tools")
config.substitutions += [
    ("%inxpect-instrument", os.path.join(config.inxpect_bin_dir, "inxpect-instrument")),
    ("%bpf-flags", bpf_flags),
    ("%bpf-clang", "{} {} -Werror".format(config.inxpect_clang, bpf_flags)),
    ("%same-lines", "python3 " + os.path.join(tools, "same_lines.py")),
    ("%vmlinux-dir", vmlinux_dir),
    ("%multiarch-include", config.inxpect_multiarch_include),
]
