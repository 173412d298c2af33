#!/usr/bin/python3
"""instrumenter: time of inxpect-instrument --per-function --per-loop against
clang -fsyntax-only on the largest input, same flags. See bench/instrumenter.sh."""
import glob
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

import bpf_build
import step_output

ROUNDS = 31
TARGET_RATIO = 1.3
INPUTS = glob.glob(os.path.join(bpf_build.ROOT, "examples", "*.c")) + \
    glob.glob(os.path.join(bpf_build.ROOT, "test", "e2e", "programs", "*.c"))


def largest_input():
    return max(INPUTS, key=os.path.getsize)


def variants(source, empty, work):
    """name -> command. inxpect-instrument parses with the flags after `--`
    plus what it adds itself (its BPF defaults before them, of which only
    -D__TARGET_ARCH_x86 is not among these flags; the runtime include
    directory, -DINXPECT_INSTRUMENTING, clang's resource directory): clang
    gets the same."""
    include = os.path.dirname(source)
    flags = [*bpf_build.BPF_FLAGS, "-I" + include]
    added = ["-D__TARGET_ARCH_x86", "-I" + bpf_build.RUNTIME, "-DINXPECT_INSTRUMENTING"]
    tool = os.path.join(bpf_build.BIN, "inxpect-instrument")

    def instrument(src, modes, name):
        out = os.path.join(work, name + ".out.c")
        return [tool, *modes, src, "-o", out, "--manifest", out[:-2] + ".json", "--", *flags]

    return {
        "instrument": instrument(source, ["--per-function", "--per-loop"], "full"),
        "clang": [bpf_build.CLANG, "-fsyntax-only", *flags, *added, source],
        # Where the time goes: the same without a mode (only the file's own
        # annotations), and both tools on a file with one declaration (the
        # fixed cost of starting them).
        "instrument, no mode": instrument(source, [], "nomode"),
        "instrument, empty file": instrument(empty, [], "empty"),
        "clang, empty file": [bpf_build.CLANG, "-fsyntax-only", *flags, *added, empty],
    }


def timed(cmd):
    """Wall and CPU (user + system) seconds of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def measure(source, work):
    empty = os.path.join(work, "empty.c")
    with open(empty, "w") as f:
        f.write("int inxpect_bench_empty;\n")
    cmds = variants(source, empty, work)
    samples = {name: {"wall": [], "cpu": []} for name in cmds}
    for name, cmd in cmds.items():
        timed(cmd)  # warm the page cache once
    for _ in range(ROUNDS):  # interleaved: every variant once a round
        for name, cmd in cmds.items():
            wall, cpu = timed(cmd)
            samples[name]["wall"].append(wall)
            samples[name]["cpu"].append(cpu)
    return {name: {"command": " ".join(cmds[name]), **s,
                   "median_wall": statistics.median(s["wall"]), "median_cpu": statistics.median(s["cpu"])}
            for name, s in samples.items()}


def plot(results, path):
    names = list(results)
    fig, ax = plt.subplots(figsize=(7, 3.5))
    ax.boxplot([[w * 1000 for w in results[n]["wall"]] for n in names], vert=False,
               labels=names, showfliers=False)
    ax.set_xlabel("wall time (ms), over the rounds")
    ax.set_title("inxpect-instrument against clang -fsyntax-only")
    ax.grid(True, axis="x", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def ms(s):
    return f"{s * 1000:.1f}"


def fragment(source, results, ratio, cpu_ratio, breakdown):
    rel = os.path.relpath(source, bpf_build.ROOT)
    rows = [[f"`{name}`", ms(r["median_wall"]), ms(r["median_cpu"])] for name, r in results.items()]
    return f"""## Instrumenter speed

**Method.** The largest input, `{rel}` (with its includes), rewritten by
`inxpect-instrument --per-function --per-loop` and parsed by
`clang -fsyntax-only` with the same flags (those after `--` and those the
tool adds: the runtime include directory and `-DINXPECT_INSTRUMENTING`).
{ROUNDS} interleaved rounds, every command once a round after one warm-up run;
medians of wall time, and of CPU time (user + system, less disturbed by
other load). Two more pairs show where the time goes: the tool without a
mode, and both tools on a file holding one declaration (what starting them
costs).

| command | wall (ms) | CPU (ms) |
|---|---|---|
{chr(10).join("| " + " | ".join(row) + " |" for row in rows)}

**inxpect-instrument / clang -fsyntax-only: {ratio:.2f}× wall, {cpu_ratio:.2f}× CPU.**
{breakdown}

![instrumenter time](benchmarks/instrumenter.png)
"""


def explain(results):
    """Where the instrumenter's extra time goes, from the medians."""
    m = {name: r["median_wall"] for name, r in results.items()}
    extra = m["instrument"] - m["clang"]
    startup = m["instrument, empty file"] - m["clang, empty file"]
    modes = m["instrument"] - m["instrument, no mode"]
    rest = extra - startup - modes
    parts = {"starting the tool (empty file, against clang's start)": startup,
             "finding and rewriting functions and loops (against no mode)": modes,
             "the rest (annotations, writing the output and manifest)": rest}
    text = f"Of the {ms(extra)} ms the tool takes beyond clang: " + "; ".join(
        f"{ms(v)} ms {k}" for k, v in parts.items()) + "."
    return text, max(parts, key=parts.get)


def main(out_dir, img_dir):
    source = largest_input()
    with tempfile.TemporaryDirectory(prefix="inxpect-instrumenter-") as work:
        results = measure(source, work)
    ratio = results["instrument"]["median_wall"] / results["clang"]["median_wall"]
    cpu_ratio = results["instrument"]["median_cpu"] / results["clang"]["median_cpu"]
    breakdown, biggest = explain(results)
    plot(results, os.path.join(img_dir, "instrumenter.png"))
    summary = {"source": os.path.relpath(source, bpf_build.ROOT), "rounds": ROUNDS,
               "ratio_wall": ratio, "ratio_cpu": cpu_ratio, "commands": results}
    targets = [("instrumenter time against clang -fsyntax-only, largest input",
                f"<= {TARGET_RATIO}x", f"{ratio:.2f}x ({ms(results['instrument']['median_wall'])} ms "
                f"against {ms(results['clang']['median_wall'])} ms)", ratio <= TARGET_RATIO,
                f"most of the difference is {biggest}: {breakdown}")]
    step_output.write_outputs(out_dir, "instrumenter", summary,
                              fragment(source, results, ratio, cpu_ratio, breakdown), targets)


if __name__ == "__main__":
    main(*sys.argv[1:3])
