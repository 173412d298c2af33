#!/usr/bin/python3
"""reader: reads per second of inxpect-run's StatsReader through mmap (the
default layout) against system calls (the per-CPU map layout). See
bench/reader.sh."""
import json
import os
import statistics
import sys
import tempfile

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

import bpf_build
import generated_program
import step_output

SECTIONS = [8, 64, 512]
ROUNDS, ROUND_MS = 9, 200
READERS = {  # (layout, reader) -> what it is
    ("cpu-slots", "mmap"): "default layout, through mmap",
    ("percpu-map", "lookup"): "per-CPU map, one lookup a section",
    ("percpu-map", "batch"): "per-CPU map, one batch lookup",
}


def build(work):
    """For each section count, the same program in both layouts. Sections are
    inlined functions (per-function): regions in one function would outgrow
    the stack long before 512."""
    objects = []
    for n in SECTIONS:
        src = os.path.join(work, f"reader{n}.c")
        with open(src, "w") as f:
            f.write(generated_program.source("function", n - 1))  # + the entry program
        out_c = src[:-2] + ".inxpect.c"
        bpf_build.instrument(src, ["--per-function"], out_c)
        objects.append(bpf_build.compile_bpf(out_c, src[:-2] + ".cpu-slots.o"))
        objects.append(bpf_build.compile_bpf(out_c, src[:-2] + ".percpu-map.o",
                                             defines=["INXPECT_STATS_LAYOUT=INXPECT_STATS_PERCPU_MAP"]))
    return objects


def measure(objects):
    out = bpf_build.run([os.path.join(bpf_build.BIN, "inxpect-bench-reader"), str(ROUNDS),
                         str(ROUND_MS), *objects])
    rows = [json.loads(line) for line in out.splitlines()]
    for r in rows:
        r["object"] = os.path.basename(r["object"])
        r["median"] = statistics.median(r["reads_per_s"])
    return rows


def by_reader(rows):
    table = {}
    for r in rows:
        table.setdefault(r["sections"], {})[(r["layout"], r["reader"])] = r["median"]
    return table


def plot(rows, path):
    fig, ax = plt.subplots(figsize=(7, 4))
    for key, label in READERS.items():
        pts = sorted((r["sections"], r["median"]) for r in rows if (r["layout"], r["reader"]) == key)
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=label)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel("sections")
    ax.set_ylabel("snapshots per second (median)")
    ax.set_title("inxpect-run's StatsReader: reads per second")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def fragment(rows):
    cpus = rows[0]["cpus"]
    table = by_reader(rows)
    body = []
    for n, t in sorted(table.items()):
        mmap, lookup, batch = (t[k] for k in READERS)
        body.append([n, f"{mmap:,.0f}", f"{lookup:,.0f}", f"{batch:,.0f}",
                     f"{mmap / lookup:.1f}×", f"{mmap / batch:.1f}×"])
    return f"""## Reading the statistics

**Method.** `build/bin/inxpect-bench-reader` (bench/reader_rate.cpp) loads a
generated program with {", ".join(map(str, SECTIONS))} sections (inlined
functions, `--per-function`), built once in the default layout (a
`BPF_F_MMAPABLE` array, one slot per CPU and section) and once with
`-DINXPECT_STATS_LAYOUT=INXPECT_STATS_PERCPU_MAP`, and takes snapshots with
inxpect-run's own `StatsReader` for {ROUND_MS} ms at a time: through mmap in
the default layout, with one `bpf_map_lookup_elem` a section in the per-CPU
one. A third reader, not in inxpect-run, reads the per-CPU map with one
`bpf_map_lookup_batch`. Every snapshot sums all {cpus} CPUs' slots and
reads the run counter (`inxpect_runs`, a per-CPU map: one lookup, in every
reader). {ROUNDS} interleaved rounds (each reader in turn), medians.

| sections | mmap (reads/s) | lookups (reads/s) | batch lookup (reads/s) | mmap / lookups | mmap / batch |
|---|---|---|---|---|---|
{chr(10).join("| " + " | ".join(map(str, row)) + " |" for row in body)}

![reads per second](benchmarks/reader.png)
"""


def main(out_dir, img_dir):
    with tempfile.TemporaryDirectory(prefix="inxpect-reader-") as work:
        rows = measure(build(work))
    plot(rows, os.path.join(img_dir, "reader.png"))
    results = {"rounds": ROUNDS, "round_ms": ROUND_MS, "readers": rows}
    step_output.write_outputs(out_dir, "reader", results, fragment(rows))


if __name__ == "__main__":
    main(*sys.argv[1:3])
