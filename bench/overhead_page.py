#!/usr/bin/env python3
"""bench/overhead_page.py OUT_DIR IMG_DIR: turns OUT_DIR/overhead.json (from
inxpect-bench-overhead) into OUT_DIR/overhead.md, OUT_DIR/overhead.targets.tsv
and IMG_DIR/overhead-sampling.png. Every figure is a median of rounds;
overheads are over the bare example, measured in the same rounds."""
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")  # no display: write the PNG only
import matplotlib.pyplot as plt  # noqa: E402

FLOOR_GOAL = 1.15  # a sampled probe's overhead / the floor's
FENTRY_GOAL = 3.0  # fentry/fexit's overhead / a whole-program probe's


def variants(example):
    return {v["name"]: v for v in example["variants"]}


def ns(example, name):
    v = variants(example).get(name)
    return v["median_ns"] if v else None


def overhead(example, name):
    value = ns(example, name)
    return None if value is None else value - ns(example, "bare")


def fmt(value, unit=" ns"):
    return "-" if value is None else f"{value:.1f}{unit}"


def times_bare(example, name):
    value = ns(example, name)
    return "-" if value is None else f"{value / ns(example, 'bare'):.2f}x"


def summary_table(ex):
    entry_fn = f"xdp_{ex['name']}"
    rows = [
        ("bare", "the example alone"),
        ("floor", "by hand: 2 counter reads and 1 add around the example"),
        ("fentry-fexit", "fentry + fexit programs attached (perf stat -b, bpftool prog profile)"),
        ("entry@1", f"inxpect, one section ({entry_fn}), every run"),
        ("entry@16", f"inxpect, one section ({entry_fn}), 1 run in 16"),
        ("all@1", f"inxpect, every function ({ex['sections_all']} sections), every run"),
        ("all@16", f"inxpect, every function ({ex['sections_all']} sections), 1 run in 16"),
    ]
    lines = ["| variant | ns a packet | overhead | x bare |", "|---|---:|---:|---:|"]
    for name, label in rows:
        if name == "fentry-fexit" and ns(ex, name) is None:
            lines.append(f"| {label} | not measured | | |")
            continue
        lines.append(f"| {label} | {fmt(ns(ex, name))} | {fmt(overhead(ex, name)) if name != 'bare' else ''} "
                     f"| {times_bare(ex, name)} |")
    return lines


def sampling_table(ex, periods):
    lines = ["| sampling: 1 run in | one section: overhead | every function: overhead |",
             "|---:|---:|---:|"]
    for n in periods:
        lines.append(f"| {n} | {fmt(overhead(ex, f'entry@{n}'))} | {fmt(overhead(ex, f'all@{n}'))} |")
    return lines


def plot(data, path):
    examples = data["examples"]
    fig, axes = plt.subplots(1, len(examples), figsize=(3.2 * len(examples), 3.4), squeeze=False)
    for ax, ex in zip(axes[0], examples):
        periods = data["periods"]
        ax.plot(periods, [overhead(ex, f"all@{n}") for n in periods], "o-",
                label=f"every function ({ex['sections_all']})")
        ax.plot(periods, [overhead(ex, f"entry@{n}") for n in periods], "s-", label="one section")
        ax.axhline(overhead(ex, "floor"), color="grey", linestyle="--", label="floor (by hand)")
        if ns(ex, "fentry-fexit") is not None:
            ax.axhline(overhead(ex, "fentry-fexit"), color="red", linestyle=":", label="fentry/fexit")
        ax.set_xscale("log", base=2)
        ax.set_xticks(periods[::2], [str(n) for n in periods[::2]])
        ax.set_yscale("symlog", linthresh=1)
        ax.set_title(f"{ex['name']} (bare {ns(ex, 'bare'):.0f} ns)")
        ax.set_xlabel("sampling period (1 run in N)")
        ax.grid(True, which="both", alpha=0.3)
    axes[0][0].set_ylabel("overhead over bare, ns a packet")
    axes[0][0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def targets(data):
    floor_ratios, fentry_ratios, fentry_missing = {}, {}, []
    for ex in data["examples"]:
        probe = overhead(ex, "entry@1")
        floor_ratios[ex["name"]] = probe / overhead(ex, "floor")
        if ns(ex, "fentry-fexit") is None:
            fentry_missing.append(ex["name"])
        else:
            fentry_ratios[ex["name"]] = overhead(ex, "fentry-fexit") / probe
    rows = []
    worst = max(floor_ratios.values())
    listing = ", ".join(f"{k} {v:.2f}x" for k, v in floor_ratios.items())
    over = [k for k, v in floor_ratios.items() if v > FLOOR_GOAL]
    rows.append(("a sampled probe within 1.15x of the floor", f"<= {FLOOR_GOAL:.2f}x the floor's overhead",
                 f"worst {worst:.2f}x ({listing})", "missed" if over else "met",
                 f"over the goal on {', '.join(over)}: see the overhead section" if over else ""))
    goal = f">= {FENTRY_GOAL:.0f}x less overhead than fentry/fexit"
    if fentry_missing:
        reason = data["examples"][0].get("fentry_fexit_error", "")
        rows.append(("at least 3x less overhead than the fentry/fexit approach on whole-program profiling",
                     goal, "not measured", "missed",
                     f"the kernel of the measuring machine refused the fentry/fexit programs: {reason}"))
    else:
        least = min(fentry_ratios.values())
        listing = ", ".join(f"{k} {v:.1f}x" for k, v in fentry_ratios.items())
        under = [k for k, v in fentry_ratios.items() if v < FENTRY_GOAL]
        rows.append(("at least 3x less overhead than the fentry/fexit approach on whole-program profiling",
                     goal, f"least {least:.1f}x ({listing})", "missed" if under else "met",
                     f"under the goal on {', '.join(under)}" if under else ""))
    return rows, floor_ratios, fentry_ratios


def page(data, target_rows, floor_ratios, fentry_ratios):
    counter = ("the clock (`bpf_ktime_get_ns`: no inxpect kernel module loaded)" if data["counter"] == "clock"
               else "the inxpect kernel module's `bpf_inxpect_read` (its default event)")
    restored = [ex["name"] for ex in data["examples"] if ex["restored"]]
    out = ["## Probe overhead", "",
           "What profiling adds to each example, in ns a packet, under `BPF_PROG_TEST_RUN` "
           f"(`bench/overhead.sh`, driver `bench/overhead.cpp`). Each example gets {data['packet']} "
           "(its main path: dropped by drop, counted by cms, translated by nat, routed by router, "
           "encapsulated by tunnel; the run's verdict is checked). One call runs it "
           f"{data['repeat']:,} times (`repeat`); a figure is that call's CPU time divided by the "
           "repeat (the kernel's own `duration`, in whole ns, is in the JSON). "
           f"One interleaved run: each of {data['rounds']} rounds times every variant once, in an order "
           f"rotated every round; the tables give the median of the rounds. Every probe reads {counter}; "
           "the floor and the fentry/fexit programs read the same.", "",
           "Variants, all built from `bench/bpf/example_entry.c` (the example's entry function "
           "inlined into one program, `bench_entry`):", "",
           "- **bare**: the example alone.",
           "- **floor**: the example plus, written by hand, a counter read before it, one after, and the "
           "add of the difference and a count to a per-CPU map value: the least a profiler can do.",
           "- **fentry/fexit**: the bare example with an fentry and an fexit program attached "
           "(`bench/bpf/fentry_fexit.bpf.c`), the approach of `perf stat -b` and `bpftool prog profile`, "
           "reading the same counter into per-CPU maps.",
           "- **one section**: `inxpect-instrument --per-function --functions xdp_NAME` (cms's two "
           "annotated regions, always instrumented, switched off at run time through "
           "`inxpect_section_off`): whole-program profiling.",
           "- **every function**: `inxpect-instrument --per-function`, every function a section.",
           "- sampling: `inxpect_config.sample_every[0]` written between calls through the object's "
           "mmaped `.data.inxpect` map, as `inxpect-run` does on a live program; 1, 2, 4, ..., 1024.",
           ""]
    if restored:
        out += [f"{', '.join(restored)} change the packet (TTL, addresses, a pushed header), and "
                "`BPF_PROG_TEST_RUN` runs its repeats on one buffer: these builds put the packet back "
                "after the example (64 header bytes and the headroom), so that every run takes the "
                "main path. That restore is in every variant of the example, bare included: it adds "
                "to the ns a packet, never to an overhead.", ""]
    maps = [f"{ex['name']}: {ex['maps']}" for ex in data["examples"] if ex["maps"]]
    if maps:
        out += ["Maps: " + "; ".join(maps) + ".", ""]
    checks = []
    for ex in data["examples"]:
        c = ex["checks"]
        checks.append(f"{ex['name']} {c['floor']['count']:,}/{c['floor']['runs']:,} (floor), "
                      f"{c['entry']['counted_runs']:,}/{c['entry']['runs']:,} (inxpect runs)")
    out += ["Every measuring variant counted every run it was given (checked, else the step fails): "
            + "; ".join(checks) + ".", ""]
    fentry_error = next((ex["fentry_fexit_error"] for ex in data["examples"] if ex["fentry_fexit_error"]), "")
    if fentry_error:
        out += [f"**fentry/fexit not measured**: {fentry_error}.", ""]
    out += ["![overhead against the sampling period](benchmarks/overhead-sampling.png)", "",
            "Overhead over bare against the sampling period, per example (log scales; the dashed line "
            "is the floor). Overheads of a few ns either way, negative ones included, are within "
            "the differences between two builds of a program and this machine's noise: they are "
            "shown as measured.", ""]
    for ex in data["examples"]:
        out += [f"### {ex['name']}", ""] + summary_table(ex) + [""] + sampling_table(ex, data["periods"]) + [""]
    out += ["### Targets", "", "| target | goal | result | |", "|---|---|---|---|"]
    for target, goal, result, status, why in target_rows:
        out.append(f"| {target} | {goal} | {result} | {status}{': ' + why if why else ''} |")
    out += ["", "The sampled probe is the one-section build sampling every run, against the floor: "
            "overhead / floor's overhead. "
            "Whole-program profiling compares that same build with fentry/fexit: the fentry/fexit "
            "overhead / inxpect's.", ""]
    return "\n".join(out)


def main():
    out_dir, img_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(out_dir, "overhead.json")) as f:
        data = json.load(f)
    os.makedirs(img_dir, exist_ok=True)
    plot(data, os.path.join(img_dir, "overhead-sampling.png"))
    target_rows, floor_ratios, fentry_ratios = targets(data)
    with open(os.path.join(out_dir, "overhead.md"), "w") as f:
        f.write(page(data, target_rows, floor_ratios, fentry_ratios))
    with open(os.path.join(out_dir, "overhead.targets.tsv"), "w") as f:
        for row in target_rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
