"""Builds and loads BPF programs for the benchmark steps the way a user does:
inxpect-instrument, then clang-19 -target bpf with the runtime headers."""
import contextlib
import os
import subprocess
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build", "bin")
CLANG = "/usr/lib/llvm-19/bin/clang"
RUNTIME = os.path.join(ROOT, "runtime", "bpf")
MULTIARCH = "/usr/include/" + subprocess.run(["gcc", "-print-multiarch"], capture_output=True,
                                             text=True, check=True).stdout.strip()
# What the e2e tests and the README compile with.
BPF_FLAGS = ["-target", "bpf", "-O2", "-g", "-I" + MULTIARCH]


def run(cmd, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        raise RuntimeError(f"command failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}{done.stderr}")
    return done.stdout


def instrument(source, modes, out_c, includes=()):
    """inxpect-instrument MODES SOURCE -o OUT_C; returns the manifest path."""
    manifest = out_c[:-2] + ".json"
    run([os.path.join(BIN, "inxpect-instrument"), *modes, source, "-o", out_c, "--manifest", manifest,
         "--", *BPF_FLAGS, *["-I" + i for i in includes]])
    return manifest


def compile_bpf(source, obj, includes=(), defines=()):
    run([CLANG, *BPF_FLAGS, "-I" + RUNTIME, *["-I" + i for i in includes],
         *["-D" + d for d in defines], "-c", source, "-o", obj])
    return obj


@contextlib.contextmanager
def pinned(obj):
    """Loads OBJ's program with bpftool, pinned until the block ends."""
    pin = f"/sys/fs/bpf/inxpect-bench-{uuid.uuid4().hex[:12]}"
    run(["bpftool", "prog", "load", obj, pin])
    try:
        yield pin
    finally:
        os.unlink(pin)
