#!/usr/bin/env python3
"""bench/layouts_page.py OUT_DIR IMG_DIR: turns OUT_DIR/layouts.json (from
inxpect-bench-layouts) into OUT_DIR/layouts.md, OUT_DIR/layouts.targets.tsv
(empty: the issue sets no target for layouts) and IMG_DIR/layouts.png."""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")  # no display: write the PNG only
import matplotlib.pyplot as plt  # noqa: E402

LABELS = {
    "bare": "bare (not instrumented)",
    "cpu-slots": "CPU slots in one mmapable array (default)",
    "global": "one global slot a section, atomic adds (INXPECT_STATS_GLOBAL)",
    "percpu-map": "per-CPU map (INXPECT_STATS_PERCPU_MAP)",
}


def table(ex):
    v = {x["name"]: x for x in ex["variants"]}
    bare = v["bare"]["median_ns"]
    default = v["cpu-slots"]["median_ns"] - bare
    lines = ["| layout | ns a packet (CPU 0 and 1 at once) | overhead over bare | overhead / default's |",
             "|---|---:|---:|---:|"]
    for x in ex["variants"]:
        over = x["median_ns"] - bare
        lines.append(f"| {LABELS.get(x['name'], x['name'])} | {x['median_ns']:.1f} ns | "
                     f"{'' if x['name'] == 'bare' else f'{over:.1f} ns'} | "
                     f"{'' if x['name'] == 'bare' else f'{over / default:.2f}x'} |")
    return lines


def plot(data, path):
    examples = data["examples"]
    fig, axes = plt.subplots(1, len(examples), figsize=(4.2 * len(examples), 3.2), squeeze=False)
    for ax, ex in zip(axes[0], examples):
        bare = next(x["median_ns"] for x in ex["variants"] if x["name"] == "bare")
        names = [x["name"] for x in ex["variants"] if x["name"] != "bare"]
        values = [x["median_ns"] - bare for x in ex["variants"] if x["name"] != "bare"]
        ax.bar(names, values, color=["tab:blue", "tab:red", "tab:green"][: len(names)])
        ax.set_title(f"{ex['name']} (bare {bare:.0f} ns, both CPUs)")
        ax.set_ylabel("overhead over bare, ns a packet")
        ax.grid(True, axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def page(data):
    counter = ("the clock (`bpf_ktime_get_ns`)" if data["counter"] == "clock"
               else "the inxpect kernel module's `bpf_inxpect_read`")
    out = ["## Statistics layouts, both CPUs at once", "",
           "The three layouts of `inxpect_stats` (`-DINXPECT_STATS_LAYOUT=...`, "
           "`runtime/bpf/inxpect.h`) under contention (`bench/layouts.sh`, driver "
           "`bench/layouts.cpp`). Each example is built with `inxpect-instrument --per-function` "
           "(every function a section) once per layout, sampling every run, reading "
           f"{counter}. A measurement starts two threads pinned to CPU 0 and CPU 1, released "
           "together, each calling `BPF_PROG_TEST_RUN` on the same program (it runs on the calling "
           f"CPU) with {data['packet']}, repeated {data['repeat']:,} times; the figure is the two "
           "CPUs' mean of CPU time / repeat. (The two calls do not end at the very same instant: "
           "the last microseconds of the slower one run alone.) One interleaved run: each of "
           f"{data['rounds']} rounds times every variant once, the order rotated every round; "
           "medians of the rounds. nat is built with the packet put back after each run (see "
           "the overhead section). Each instrumented variant counted every run of both CPUs "
           "(checked, else the step fails).", "",
           "![overhead of each layout, both CPUs](benchmarks/layouts.png)", ""]
    for ex in data["examples"]:
        sections = next(x.get("sections") for x in ex["variants"] if x["name"] != "bare")
        out += [f"### {ex['name']} ({sections} sections)", ""] + table(ex) + [""]
    return "\n".join(out)


def main():
    out_dir, img_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(out_dir, "layouts.json")) as f:
        data = json.load(f)
    os.makedirs(img_dir, exist_ok=True)
    plot(data, os.path.join(img_dir, "layouts.png"))
    with open(os.path.join(out_dir, "layouts.md"), "w") as f:
        f.write(page(data))
    open(os.path.join(out_dir, "layouts.targets.tsv"), "w").close()


if __name__ == "__main__":
    main()
