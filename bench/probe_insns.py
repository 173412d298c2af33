#!/usr/bin/python3
"""probe_insns: BPF instructions a section adds, in the xlated program (static)
and along one run (sampled and sampled-out). See bench/probe_insns.sh."""
import collections
import os
import sys
import tempfile

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

import bpf_build
import generated_program
import step_output
import xlated_walk

SECTION_COUNTS = [1, 2, 3, 4, 6, 8, 12, 16]
TARGET_SAMPLED_OUT = 4  # issue 13
SHAPES = generated_program.SHAPES
BODY = generated_program.BODY


def header_lines(machine, trace):
    """Executed slots per line of inxpect.h, from the xlated line info."""
    counts = collections.Counter()
    for pc in trace:
        source = machine.insns[pc]["source"]
        if source and source[0] == "inxpect.h":
            counts[f"{source[1]}: {source[2]}"] += machine.insns[pc]["slots"]
    return counts


def clock_reads(machine, trace):
    return sum(1 for pc in trace if "bpf_ktime_get_ns" in machine.insns[pc]["text"])


def measure(obj, sections, shape):
    """xlated slots, and slots executed by a sampled and a sampled-out run
    (with, for the latter, the slots of each line of inxpect.h). `sections`:
    0 for a bare program. A sampled run times one depth (its stratum): in
    the function shape the runs that time the entry program, whose k
    functions take the untimed path inside it ("untimed"), come first, then
    one that times the functions ("sampled"; the runtime's random choice
    of depth is deterministic from its initial state). Checks that the
    model took the path meant, by the clock reads."""
    with bpf_build.pinned(obj) as pin:
        machine, prog, maps = xlated_walk.load_machine(pin)
        xlated = prog["bytes_xlated"] // 8
        ctx = xlated_walk.Ptr(("ctx", 0))
        if not sections:
            executed, _ = machine.run(ctx)
            return {"xlated": xlated, "sampled": executed, "sampled_out": executed,
                    "untimed": executed}
        # Every 2nd run sampled: a sampled run, then one that is not.
        xlated_walk.set_sample_every(machine, prog, maps, 2)
        runs, timed_trace = [], []
        # Sampled runs 1 and 2 time depth 0, run 3 depth 1 (the generator's
        # first outputs), which only the function shape has.
        for _ in range(3 if shape == "function" else 1):
            sampled_trace, trace = [], []
            sampled, _ = machine.run(ctx, sampled_trace)
            sampled_out, _ = machine.run(ctx, trace)
            runs.append((sampled, clock_reads(machine, sampled_trace), sampled_out,
                         clock_reads(machine, trace), trace))
            timed_trace = sampled_trace
        timed = runs[-1]
        # The entry program times alone in the first run; the functions (or
        # every region) in the last.
        want = [(2 if shape == "function" else 2 * sections, 0)] + [(2 * (sections - 1), 0)] * (len(runs) > 1)
        got = [(runs[0][1], runs[0][3])] + [(timed[1], timed[3])] * (len(runs) > 1)
        if got != want:
            raise RuntimeError(f"{obj}: the model read the clock {got} times in sampled and "
                               f"sampled-out runs, not {want}: it took a wrong path")
        return {"xlated": xlated, "sampled": timed[0], "sampled_out": timed[2],
                "untimed": runs[0][0] if shape == "function" else None,
                "sampled_out_header_lines": header_lines(machine, timed[4]),
                "timed_header_lines": header_lines(machine, timed_trace)}


def fit(rows, key):
    """Least-squares line through the instructions added against k: the slope
    is what a section adds, the intercept what a run adds once (the entry's
    sampling countdown). Clang's register allocation and scheduling vary with
    k, so the single steps between two k are reported too (min, max)."""
    xs, ys = [r["k"] for r in rows], [r["added"][key] for r in rows]
    n, mx, my = len(xs), sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    steps = [(b - a) / (kb - ka) for a, b, ka, kb in zip(ys, ys[1:], xs, xs[1:])]
    return {"per_section": round(slope, 1), "per_run": round(my - slope * mx, 1),
            "step_min": min(steps), "step_max": max(steps)}


def run_shape(shape, work):
    rows, header = [], collections.Counter()
    for k in SECTION_COUNTS:
        src = os.path.join(work, f"{shape}{k}.c")
        with open(src, "w") as f:
            f.write(generated_program.source(shape, k))
        out_c = os.path.join(work, f"{shape}{k}.inxpect.c")
        bpf_build.instrument(src, ["--per-function"] if shape == "function" else [], out_c)
        # Sections in the manifest: the entry program is one too in "function".
        sections = k + 1 if shape == "function" else k
        bare = measure(bpf_build.compile_bpf(src, src[:-2] + ".o"), 0, shape)
        inst = measure(bpf_build.compile_bpf(out_c, out_c[:-2] + ".o"), sections, shape)
        previous, header = header, inst["sampled_out_header_lines"]
        timed_lines = inst.pop("timed_header_lines")
        rows.append({"k": k, "sections": sections, "bare": bare, "instrumented": inst,
                     "added": {key: inst[key] - bare[key] for key in bare if inst[key] is not None}})
        del inst["sampled_out_header_lines"]  # kept for the largest k only, below
    # The largest program, where the once-a-run lines weigh least.
    per_line = {line: n / k for line, n in header.most_common()}
    timed_per_line = {line: n / k for line, n in timed_lines.most_common()}
    # What inxpect.h's lines execute for one more section, once-a-run lines
    # aside: the slope between the two largest programs.
    step = SECTION_COUNTS[-1] - SECTION_COUNTS[-2]
    own = (sum(header.values()) - sum(previous.values())) / step
    return {"rows": rows, "sampled_out_header_lines_per_section": per_line,
            "timed_header_lines_per_section": timed_per_line,
            "sampled_out_header_per_section": own, "fit": {key: fit(rows, key) for key in ("xlated", "sampled_out", "sampled", "untimed")
                    if key in rows[0]["added"]}}


def plot(results, path):
    fig, ax = plt.subplots(figsize=(7, 4))
    for shape, style in (("function", "-"), ("region", "--")):
        rows = results[shape]["rows"]
        ks = [r["k"] for r in rows]
        for key, label in (("xlated", "xlated size"), ("sampled", "sampled run"),
                           ("sampled_out", "sampled-out run")):
            ax.plot(ks, [r["added"][key] for r in rows], style, marker="o", label=f"{shape}: {label}")
    ax.set_xlabel("sections (k)")
    ax.set_ylabel("BPF instructions added")
    ax.set_title("Instructions the probes add, against the bare program")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def cell(f):
    return f'**{f["per_section"]:g}** ({f["step_min"]:g}–{f["step_max"]:g})'


def line_rows(results, key="sampled_out_header_lines_per_section", at_least=0.5):
    f = results["function"][key]
    r = results["region"][key]
    lines = sorted(set(f) | set(r), key=lambda l: -(f.get(l, 0) + r.get(l, 0)))
    return [[f"`{l}`", f"{f.get(l, 0):.2g}", f"{r.get(l, 0):.2g}"] for l in lines
            if max(f.get(l, 0), r.get(l, 0)) >= at_least]


def fragment(results):
    per, raw = [], []
    for shape, what in SHAPES.items():
        f = results[shape]["fit"]
        per.append([what, cell(f["sampled_out"]), cell(f["sampled"]),
                    cell(f["untimed"]) if "untimed" in f else "- (one depth)", cell(f["xlated"]),
                    f'{f["sampled_out"]["per_run"]:g} / {f["sampled"]["per_run"]:g}'])
        for r in results[shape]["rows"]:
            b, i = r["bare"], r["instrumented"]
            raw.append([shape, r["k"], r["sections"], f'{b["xlated"]} → {i["xlated"]}',
                        f'{b["sampled_out"]} → {i["sampled_out"]}', f'{b["sampled"]} → {i["sampled"]}'])
    ks = ", ".join(map(str, SECTION_COUNTS))
    return f"""## Instructions a probe adds

**Method.** Generated XDP programs with k = {ks} sections and no branch of
their own, each section's body being `{BODY}` (a helper call, as real
sections make: with neither a call nor a store between them clang may merge
END's test into START's, which would flatter the probes). Two shapes:
{SHAPES["function"]}; {SHAPES["region"]}. Each program is built bare and
instrumented, loaded with `bpftool prog load`, and read back with
`bpftool -j prog dump xlated`. *Static* cost: the xlated size. *Path* cost:
`bench/xlated_walk.py` executes the xlated instructions on a model of the
program's maps, starting from the memory the kernel holds after load, so
each branch is decided by the probes' own sampling countdown as in the
kernel (a shortest-path walk would take branches no run takes, such as a
NULL run state), and counts the instructions one run executes. Sampling
every 2nd run, a run is *sampled* and the next *sampled-out* (checked: the
latter never reads the clock). A sampled run times one depth of sections,
chosen at random by the runtime (docs/design.md, "Strata"), which the
model replays exactly: in the function shape the first sampled runs time
the entry program, whose k functions take the *untimed* path inside it
(two clock reads in all), and a later one times the k functions (two
reads each), the entry program passing through; the regions are all of
one depth, timed in every sampled run. Instructions are 8-byte slots, as in xlated sizes (a
64-bit immediate load counts 2). Exact and reproducible: no timing.

A section's cost is the slope of a least-squares line through the
instructions added (instrumented − bare) against k, the run's once-only
cost (the entry's sampling countdown) its intercept. Clang allocates
registers and schedules differently as k grows, so the cost of each single
step between two k varies; its range is in parentheses.

| section shape | sampled-out run, a section | sampled run, a section timed | sampled run, a section inside a timed one (untimed) | xlated, a section | once a run (sampled-out / sampled) |
|---|---|---|---|---|---|
{chr(10).join("| " + " | ".join(map(str, row)) + " |" for row in per)}

Where a sampled-out section's instructions go, in the largest program
(k = {SECTION_COUNTS[-1]}): the slots executed on each line of `runtime/bpf/inxpect.h`
(xlated line info) divided by k. Lines run once a run are spread over k
too; moves and spills clang attributes to the user's lines are not shown.

{step_output.table(["line of inxpect.h", "function shape", "region shape"], line_rows(results))}

Where a timed section's instructions go, in the same programs (a sampled
run that times the k sections: in the function shape the entry program
passes through; lines once a run spread over k as above). Most are the
measured path's, `inxpect_measure_start`/`inxpect_measure_end` and what
they inline, including the histogram bucket's arithmetic:

{step_output.table(["line of inxpect.h", "function shape", "region shape"], line_rows(results, "timed_header_lines_per_section", 1.5))}

A sampled section also pays its two counter reads (`bpf_ktime_get_ns` here,
one call instruction each; with the kernel module, the kfunc and `rdpmc`),
whose cost the instruction counts do not show.

![instructions added](benchmarks/probe_insns.png)

Raw (whole program, bare → instrumented; the function shape has the entry
program as one more section):

{step_output.table(["shape", "k", "sections", "xlated", "sampled-out run", "sampled run"], raw)}
"""


def main(out_dir, img_dir):
    with tempfile.TemporaryDirectory(prefix="inxpect-probe-insns-") as work:
        results = {shape: run_shape(shape, work) for shape in SHAPES}
    plot(results, os.path.join(img_dir, "probe_insns.png"))
    fn = results["function"]["fit"]["sampled_out"]["per_section"]
    rg = results["region"]["fit"]["sampled_out"]["per_section"]
    def top(shape):  # the two lines of inxpect.h a sampled-out section spends most on
        lines = list(results[shape]["sampled_out_header_lines_per_section"].items())[:2]
        return ", ".join(f"{n:.2g} on `{line.split(': ', 1)[1]}`" for line, n in lines)

    def own(shape):  # what inxpect.h's own lines execute a sampled-out section
        return results[shape]["sampled_out_header_per_section"]

    over = [(shape, v, key) for shape, v, key in (("--per-function", fn, "function"), ("region", rg, "region"))
            if v > TARGET_SAMPLED_OUT]
    why = "; ".join(f"{shape} {v:g} a section, {own(key):.2g} of them inxpect.h's lines ({top(key)}), "
                    f"the rest the program's own code around them"
                    for shape, v, key in over)
    why += " (docs/design.md, \"Probes the verifier can prune\")" if over else ""
    targets = [("sampled-out probe, BPF instructions a section", f"<= {TARGET_SAMPLED_OUT}",
                f"{fn:g} (--per-function), {rg:g} (region)", max(fn, rg) <= TARGET_SAMPLED_OUT, why)]
    step_output.write_outputs(out_dir, "probe_insns", results, fragment(results), targets)


if __name__ == "__main__":
    main(*sys.argv[1:3])
