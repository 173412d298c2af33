#!/usr/bin/python3
"""verifier: what instrumenting costs at load time, for every example and the
largest e2e programs, in every mode. See bench/verifier.sh."""
import os
import sys
import tempfile

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

import bpf_build
import step_output

EXAMPLES = os.path.join(bpf_build.ROOT, "examples")
E2E = os.path.join(bpf_build.ROOT, "test", "e2e", "programs")
# (name, source, include dir, define for the bare build). The e2e programs'
# hand-written traces compile to nothing when E2E_UNINSTRUMENTED is defined.
PROGRAMS = [(n, os.path.join(EXAMPLES, n + ".c"), EXAMPLES, None)
            for n in ("drop", "cms", "nat", "router", "tunnel")]
PROGRAMS += [(n, os.path.join(E2E, n + ".c"), E2E, "E2E_UNINSTRUMENTED") for n in ("fullparser", "firewall")]
# inxpect-instrument's modes; annotations (regions, ranges, manual traces) are on in all.
MODES = [("annotations", []), ("per-function", ["--per-function"]), ("per-loop", ["--per-loop"]),
         ("per-function + per-loop", ["--per-function", "--per-loop"])]
VERIFIER_BUDGET = 1_000_000
TARGET_FIXED = 50  # issue 13: verified instructions the runtime adds to a one-function program

# The runtime's parts alone, for where the fixed cost goes: an entry that
# only starts runs, one that also calls the measured START path, and one
# section whole (both measured paths).
FIXED_PARTS = {
    "run start": "INXPECT_RUN();",
    "+ measured START": "INXPECT_RUN();\n\tif (inxpect_event_of_run(inxpect_run))\n\t\t"
                        "inxpect_measured_start((struct inxpect_run_of_object *)inxpect_run, 0);",
    "+ measured END (one section)": "INXPECT_ENTRY(0);",
}


def fixed_part_source(body):
    return ("#include \"inxpect.h\"\n"
            "__attribute__((section(\"xdp\"), used)) int prog(void *ctx)\n{\n\t" + body +
            "\n\treturn 2;\n}\n"
            "char LICENSE[] __attribute__((section(\"license\"), used)) = \"GPL\";\n"
            "INXPECT_OBJECT(1, 0, \"{\\\"inxpect_self\\\":1,\\\"hash\\\":\\\"0x0\\\",\\\"sections\\\":[]}\");\n")


def measure_fixed_parts(work):
    """verified_insns of each runtime part's program, by part."""
    parts = {}
    for i, (part, body) in enumerate(FIXED_PARTS.items()):
        src = os.path.join(work, f"fixed{i}.c")
        with open(src, "w") as f:
            f.write(fixed_part_source(body))
        progs = verifier_cost(bpf_build.compile_bpf(src, src[:-2] + ".o"))
        if "error" in progs:
            raise RuntimeError(f"the runtime part '{part}' does not load: {progs['error']}")
        parts[part] = progs["prog"]["verified_insns"]
    return parts


def verifier_cost(obj):
    """{program: {xlated, jited, verified_insns, stack}} from inxpect-verifier-cost,
    or {"error": first lines of its output} when the object does not load."""
    try:
        out = bpf_build.run([os.path.join(bpf_build.BIN, "inxpect-verifier-cost"), obj])
    except RuntimeError as e:
        reasons = [l.split(": ", 2)[2] for l in str(e).splitlines() if " rejected: " in l]
        return {"error": "; ".join(reasons) or str(e).splitlines()[-1]}
    progs = {}
    for line in out.splitlines()[1:]:
        _, prog, xlated, jited, verified, stack = line.split(None, 5)
        progs[prog] = {"xlated": int(xlated), "jited": int(jited), "verified_insns": int(verified),
                       "stack": stack.strip()}
    return progs


def measure(work):
    results = {}
    for name, source, include, bare_define in PROGRAMS:
        bare = bpf_build.compile_bpf(source, os.path.join(work, name + ".o"), [include],
                                     [bare_define] if bare_define else [])
        per_mode = {"bare": verifier_cost(bare)}
        for mode, flags in MODES:
            stem = os.path.join(work, f"{name}.{mode.replace(' + ', '+')}")
            bpf_build.instrument(source, flags, stem + ".inxpect.c", [include])
            obj = bpf_build.compile_bpf(stem + ".inxpect.c", stem + ".o", [include])
            per_mode[mode] = verifier_cost(obj)
        results[name] = per_mode
    return results


def cell(bare, inst, key):
    if "error" in inst:
        return "rejected"
    b, i = bare[key], inst[key]
    if key == "stack":
        return i
    return f"{i} ({i / b:.1f}×)" if b else str(i)


def tables(results):
    """One table a figure: rows are programs, columns bare and each mode."""
    out = {}
    for key in ("verified_insns", "xlated", "stack"):
        rows = []
        for name, per_mode in results.items():
            for prog, bare in per_mode["bare"].items():
                row = [f"{name} `{prog}`", str(bare[key])]
                for mode, _ in MODES:
                    inst = per_mode[mode]
                    row.append(cell(bare, inst if "error" in inst else inst[prog], key))
                rows.append(row)
        out[key] = step_output.table(["program", "bare"] + [m for m, _ in MODES], rows)
    return out


def rejections(results):
    return [f"- {name}, {mode}: {per_mode[mode]['error']}" for name, per_mode in results.items()
            for mode, _ in MODES if "error" in per_mode[mode]]


def plot(results, path):
    labels, series = [], {m: [] for m in ["bare"] + [m for m, _ in MODES]}
    for name, per_mode in results.items():
        for prog, bare in per_mode["bare"].items():
            labels.append(prog)
            for mode in series:
                inst = per_mode[mode]
                series[mode].append(0 if "error" in inst else inst[prog]["verified_insns"])
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / len(series)
    for i, (mode, values) in enumerate(series.items()):
        ax.bar([x + i * width for x in range(len(labels))], values, width, label=mode)
    ax.set_xticks([x + 0.4 - width / 2 for x in range(len(labels))], labels, rotation=20, fontsize=8)
    ax.set_yscale("log")
    ax.set_ylabel("verified_insns (log)")
    ax.set_title("Verifier work, bare and instrumented (missing bar: rejected)")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def fragment(results, parts):
    t = tables(results)
    part_rows = [[part, str(n)] for part, n in parts.items()]
    rejected = rejections(results)
    worst = max((m[mode][p]["verified_insns"] for m in results.values() for mode, _ in MODES
                 if "error" not in m[mode] for p in m[mode]), default=0)
    return f"""## Verifier cost

**Method.** Each example (`examples/`) and the two largest e2e programs
(`test/e2e/programs/fullparser.c`, `firewall.c`) built bare and through
`inxpect-instrument` in each mode (annotated regions, ranges and manual
traces are sections in every mode), compiled with `clang-19 -target bpf -O2 -g`
and loaded by `build/bin/inxpect-verifier-cost`, which reports the verifier's
`verified_insns`, the xlated size and the stack depth it computed (one figure
per subprogram, `+` between them). In parentheses: instrumented / bare.
The largest instrumented program needs {worst} verified instructions,
{100 * worst / VERIFIER_BUDGET:.1f}% of the verifier's budget of 1M.

`verified_insns`:

{t["verified_insns"]}

![verified_insns](benchmarks/verifier.png)

Xlated instructions:

{t["xlated"]}

Stack depth (bytes):

{t["stack"]}

The runtime's own share, in programs of nothing but its parts (one
function, one section; each row includes the ones above it): the measured
paths are global functions, verified once whatever the number of sections.

{step_output.table(["runtime part", "verified_insns"], part_rows)}
""" + ("\nRejected by the verifier (a bug of the rewrite: the e2e suite runs every example\n"
       "and e2e program in every mode, so it fails too):\n\n" + "\n".join(rejected) + "\n" if rejected else "")


def fixed_cost_target(results, parts):
    """drop's entry is the one-function program: what --per-function adds to it."""
    drop = results["drop"]
    added = sum(p["verified_insns"] for p in drop["per-function"].values()) - \
        sum(p["verified_insns"] for p in drop["bare"].values())
    steps, before = [], 0
    for part, n in parts.items():
        steps.append(f"{part} {n - before}")
        before = n
    why = ("the runtime's parts, each verified once: " + ", ".join(steps) +
           " (the run start arms up to INXPECT_MAX_EVENTS events, a branch each; the measured paths "
           "keep the nested, self and histogram figures)")
    return ("runtime's fixed verifier cost, one-function program (drop --per-function)",
            f"<= {TARGET_FIXED} verified instructions", f"{added}", added <= TARGET_FIXED, why)


def main(out_dir, img_dir):
    with tempfile.TemporaryDirectory(prefix="inxpect-verifier-") as work:
        results = measure(work)
        parts = measure_fixed_parts(work)
    plot(results, os.path.join(img_dir, "verifier.png"))
    targets = [fixed_cost_target(results, parts)]
    step_output.write_outputs(out_dir, "verifier", results, fragment(results, parts), targets)


if __name__ == "__main__":
    main(*sys.argv[1:3])
