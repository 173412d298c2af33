#!/usr/bin/env python3
"""bench/overhead_page.py OUT_DIR IMG_DIR NATIVE_JSON [GUEST_JSON]: turns the
JSON of inxpect-bench-overhead on this host (and, when this host refused
fentry/fexit, of bench/overhead_guest.sh's run in a QEMU guest) into
OUT_DIR/overhead.json (the native run, the guest's under "guest"),
OUT_DIR/overhead.md, OUT_DIR/overhead.targets.tsv and
IMG_DIR/overhead-sampling.png. Every figure is a median of rounds; overheads
are over the bare example, measured in the same rounds."""
import json
import os
import re
import sys

import matplotlib

matplotlib.use("Agg")  # no display: write the PNG only
import matplotlib.pyplot as plt  # noqa: E402


def portable(message):
    """A driver's message without the checkout's absolute path, which the
    page would otherwise carry from whichever machine ran it."""
    return re.sub(r"\S*/(bench/overhead/)", r"\1", message)


FLOOR_GOAL = 1.15  # a sampled probe's overhead / the floor's
FENTRY_GOAL = 3.0  # fentry/fexit's overhead / a whole-program probe's
FENTRY_TARGET = "at least 3x less overhead than the fentry/fexit approach on whole-program profiling"
GUEST_ROWS = [("bare", "the example alone"),
              ("floor", "by hand: 2 counter reads and 1 add around the example"),
              ("fentry-fexit", "fentry + fexit programs attached (perf stat -b, bpftool prog profile)"),
              ("entry@1", "inxpect, one section, every run"),
              ("entry@16", "inxpect, one section, 1 run in 16")]
# The guest's runs by counter: the suffix of their variants' names, a label.
GUEST_COUNTERS = [("", "clock"), ("+kfunc", "kfunc"), ("+kfunc-fenced", "kfunc, fenced")]
# Where a sampled probe's instructions go beyond its two reads.
PROBE_WORK = ("the sampling countdown at the run's start and, in each section's measured path (two calls), "
              "the section switch, the stratum, the nested and self tallies, the slot's lookup and adds and "
              "the histogram bucket (line by line: \"Instructions a probe adds\", where a timed section's "
              "instructions go)")


def variants(example):
    return {v["name"]: v for v in example["variants"]}


def ns(example, name):
    v = variants(example).get(name)
    return v["median_ns"] if v else None


def counter_suffix(name):
    """"+kfunc" for floor+kfunc: the guest's run the variant was timed in."""
    return name[name.index("+"):] if "+" in name else ""


def baseline(name):
    """The bare example timed in the same run as NAME: bare+kfunc for floor+kfunc."""
    return "bare" + counter_suffix(name)


def overhead(example, name):
    value = ns(example, name)
    return None if value is None else value - ns(example, baseline(name))


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
            lines.append(f"| {label} | not measured (refused): see the guest below | | |")
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


def fentry_ratios(data):
    """fentry/fexit's overhead / inxpect's (one section, every run), per example."""
    return {ex["name"]: overhead(ex, "fentry-fexit") / overhead(ex, "entry@1") for ex in data["examples"]}


def fentry_target(data):
    """The fentry/fexit target: measured here when this kernel allows tracing
    programs, else in the guest (instructions), else not measured."""
    goal = f">= {FENTRY_GOAL:.0f}x less overhead than fentry/fexit"
    native = all(ns(ex, "fentry-fexit") is not None for ex in data["examples"])
    guest = data.get("guest")
    if not native and not guest:
        reason = portable(data["examples"][0].get("fentry_fexit_error", ""))
        return (FENTRY_TARGET, goal, "not measured", "missed",
                f"the kernel of the measuring machine refused the fentry/fexit programs: {reason}")
    measured = data if native else guest
    ratios = fentry_ratios(measured)
    least = min(ratios.values())
    listing = ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items())
    where = "" if native else (f", in a QEMU guest ({guest['vm']['kernel']}, instructions executed a run): "
                               "this host refuses tracing programs")
    under = [k for k, v in ratios.items() if v < FENTRY_GOAL]
    if not under:
        return FENTRY_TARGET, goal, f"least {least:.2f}x ({listing}){where}", "met", ""
    # Why: both pay the counter reads (the floor); say what each adds beyond them.
    ex = next(e for e in measured["examples"] if e["name"] == min(ratios, key=ratios.get))
    scale = 1 if native else insns_per_guest_ns(guest["vm"])
    floor, fentry, probe = (overhead(ex, n) * scale for n in ("floor", "fentry-fexit", "entry@1"))
    amount = (lambda v: fmt(v)) if native else (lambda v: f"{v:,.0f} instructions")
    why = (f"under the goal on {', '.join(under)}: both approaches pay the two counter reads and the add, "
           f"the floor's overhead ({amount(floor)} of inxpect's {amount(probe)} on {ex['name']}); "
           f"beyond the floor fentry/fexit adds {amount(fentry - floor)} and inxpect {amount(probe - floor)} "
           f"({(fentry - floor) / (probe - floor):.1f}x). perf stat -b and bpftool prog profile read perf "
           "events (bpf_perf_event_read_value); this comparison has both read the same counter, so that "
           "only where the reads sit differs")
    return FENTRY_TARGET, goal, f"least {least:.2f}x ({listing}){where}", "missed", why


def per_round_floor_ratios(example):
    """inxpect's overhead / the floor's, round by round (each round times both)."""
    v = variants(example)
    return [(p - b) / (f - b) for p, f, b in zip(v["entry@1"]["ns"], v["floor"]["ns"], v["bare"]["ns"])]


def floor_miss_why(data, over, worst):
    """How far the host's rounds spread for the worst example, and what the
    guest's instruction counts, which do not vary, say of the same builds."""
    ex = next(e for e in data["examples"] if e["name"] == worst)
    rounds = per_round_floor_ratios(ex)
    why = (f"over the goal on {', '.join(over)}: host timings; on {worst} the ratio was "
           f"{min(rounds):.2f}x to {max(rounds):.2f}x from round to round (see the overhead section)")
    guest_run = data["guest"] or {"examples": []}  # None where this host timed fentry/fexit itself
    guest = next((g for g in guest_run["examples"] if g["name"] == worst), None)
    if guest:
        why += (f"; in the guest's instruction counts inxpect's overhead is "
                f"{overhead(guest, 'entry@1') / overhead(guest, 'floor'):.2f}x the floor's on {worst}: "
                f"beyond the two counter reads, {PROBE_WORK} (bench/probe_insns counts them: about 190 BPF "
                "instructions a sampled section), which weigh less in time than in instructions")
    return why


def targets(data):
    floor_ratios = {}
    for ex in data["examples"]:
        floor_ratios[ex["name"]] = overhead(ex, "entry@1") / overhead(ex, "floor")
    rows = []
    worst = max(floor_ratios.values())
    listing = ", ".join(f"{k} {v:.2f}x" for k, v in floor_ratios.items())
    over = [k for k, v in floor_ratios.items() if v > FLOOR_GOAL]
    rows.append(("a sampled probe within 1.15x of the floor", f"<= {FLOOR_GOAL:.2f}x the floor's overhead",
                 f"worst {worst:.2f}x ({listing})", "missed" if over else "met",
                 floor_miss_why(data, over, max(floor_ratios, key=floor_ratios.get)) if over else ""))
    kfunc = kfunc_target(data)
    if kfunc:
        rows.append(kfunc)
    rows.append(fentry_target(data))
    return rows


def counts_listing(data, suffix=""):
    """The driver's exactness checks, per example: the floor's and fentry/fexit's
    counts (when timed) and the inxpect runs counted, each against the runs given;
    those of the guest's run whose variants end in `suffix`."""
    listing = []
    for ex in data["examples"]:
        c = {kind[:len(kind) - len(suffix)]: check for kind, check in ex["checks"].items()
             if counter_suffix(kind) == suffix}
        counts = [f"{c['floor']['count']:,}/{c['floor']['runs']:,} (floor)"]
        if "fentry-fexit" in c:
            counts.append(f"{c['fentry-fexit']['count']:,}/{c['fentry-fexit']['runs']:,} (fentry/fexit)")
        counts.append(f"{c['entry']['counted_runs']:,}/{c['entry']['runs']:,} (inxpect runs)")
        listing.append(f"{ex['name']} " + ", ".join(counts))
    return "; ".join(listing)


def insns_per_guest_ns(vm):
    """Under -icount shift=S the guest's TSC ticks once per 2^S ns of virtual
    time, one instruction each 2^S ns; its kernel converts ticks to ns at the
    calibrated frequency."""
    return vm["tsc_mhz"] / 1000 / 2 ** vm["icount_shift"]


def guest_section(data):
    guest = data["guest"]
    vm = guest["vm"]
    scale = insns_per_guest_ns(vm)
    spread = max((max(v["ns"]) - min(v["ns"])) / v["median_ns"] for ex in guest["examples"] for v in ex["variants"])
    reason = portable(next(ex["fentry_fexit_error"] for ex in data["examples"] if ex["fentry_fexit_error"]))
    out = ["### fentry/fexit against inxpect, in a QEMU guest", "",
           f"This host's kernel refuses tracing programs ({reason}), so the comparison with fentry/fexit is "
           f"measured in a QEMU guest (`bench/overhead_guest.sh`) running Debian's kernel {vm['kernel']}, "
           f"which allows them: TCG software emulation (`-accel tcg -cpu max`, {vm['qemu']}), the same driver "
           f"and objects, the variants in the table, {guest['rounds']} interleaved rounds of "
           f"{guest['repeat']:,} runs each, medians. QEMU counts instructions (`-icount "
           f"shift={vm['icount_shift']}`): the guest's clock, its TSC (calibrated at {vm['tsc_mhz']} MHz, "
           f"clock source `{vm['clocksource']}`), advances one tick per guest instruction executed, so a "
           "run's CPU time in the guest is the x86 instructions it executes: the test-run loop, the JITed "
           "program, the fentry/fexit trampoline and programs, the helpers. These are instruction counts, "
           f"not times: deterministic (the rounds agree within {100 * spread:.3f}%) and untouched by the "
           "host's load, but every instruction weighs the same, so what real hardware adds (cache misses, "
           "branch mispredictions, the latency of the TSC read behind the clock) does not show. "
           "Only the ratios within this run carry over.", ""]
    out += ["Every measuring variant counted every run in the guest too (checked, else the step fails): "
            + counts_listing(guest) + ".", ""]
    ratios = fentry_ratios(guest)
    for ex in guest["examples"]:
        out += [f"#### {ex['name']}, in the guest", "",
                "| variant | instructions a packet | overhead | x bare |", "|---|---:|---:|---:|"]
        for name, label in GUEST_ROWS:
            value, extra = ns(ex, name) * scale, overhead(ex, name) * scale
            out.append(f"| {label} | {value:,.0f} | {f'{extra:,.0f}' if name != 'bare' else ''} "
                       f"| {times_bare(ex, name)} |")
        out += [f"| **fentry/fexit's overhead / inxpect's** | | **{ratios[ex['name']]:.2f}x** | |", ""]
    if len(guest_counters(guest)) > 1:
        out += kfunc_section(guest)
    return out


def guest_counters(guest):
    """The guest's runs present, of GUEST_COUNTERS: those its variants name."""
    names = {v["name"] for ex in guest["examples"] for v in ex["variants"]}
    return [(suffix, label) for suffix, label in GUEST_COUNTERS if "floor" + suffix in names]


def floor_ratio(example, suffix):
    """A sampled probe's overhead / the floor's, on one counter."""
    return overhead(example, "entry@1" + suffix) / overhead(example, "floor" + suffix)


def span(values):
    low, high = min(values), max(values)
    return f"{low:,.0f}" if round(low) == round(high) else f"{low:,.0f}-{high:,.0f}"


def beyond_floor(guest, suffix):
    """What a sampled probe adds beyond the floor on one counter, instructions, per example."""
    scale = insns_per_guest_ns(guest["vm"])
    return [(overhead(ex, "entry@1" + suffix) - overhead(ex, "floor" + suffix)) * scale
            for ex in guest["examples"]]


def kfunc_section(guest):
    """The probe against the floor on each counter the guest timed: the clock,
    then the kernel module's TSC, unfenced and fenced."""
    scale = insns_per_guest_ns(guest["vm"])
    counters = guest_counters(guest)
    out = ["#### The kernel module's counter, in the guest", "",
           "The same guest then loads the inxpect kernel module (`runtime/kmod`, built by DKMS against the "
           "guest kernel's headers as the VM test builds it, `test/vm/build-module.sh`) and runs the driver "
           "again on the same objects, with the same rounds and repeat: a program picks its counter when it "
           "is loaded, so the probes and the floor now read the module's `bpf_inxpect_read` (the TSC, "
           "`rdtsc`); a third run reads it fenced (`lfence; rdtsc; lfence`: the module's "
           "`INXPECT_READ_FENCED`, as `inxpect-run --precise` asks; the floor from a build passing the flag). "
           "fentry/fexit is not timed there. Each run times the bare example again, the baseline of its "
           "overheads (variants `bare+kfunc`, `floor+kfunc`, `entry@1+kfunc`, ... and `+kfunc-fenced` in "
           "the JSON). Under TCG an `lfence` is one instruction like any other: the fenced figures count "
           "the fences, not what they cost on hardware.", ""]
    for suffix, label in counters[1:]:
        out += [f"Every measuring variant counted every run with the module ({label}) too: "
                + counts_listing(guest, suffix) + ".", ""]
    out += ["Overheads over bare, x86 instructions a packet:", "",
            "| example | counter | bare | floor | one section, every run | one section, 1 run in 16 "
            "| every run / floor | every run - floor |",
            "|---|---|---:|---:|---:|---:|---:|---:|"]
    for ex in guest["examples"]:
        for suffix, label in counters:
            floor, probe, sampled = (overhead(ex, n + suffix) * scale for n in ("floor", "entry@1", "entry@16"))
            out.append(f"| {ex['name']} | {label} | {ns(ex, 'bare' + suffix) * scale:,.0f} | {floor:,.0f} "
                       f"| {probe:,.0f} | {sampled:,.0f} | {floor_ratio(ex, suffix):.2f}x | {probe - floor:,.0f} |")
    out += ["", "Beyond the floor a sampled probe adds "
            + ", ".join(f"{span(beyond_floor(guest, suffix))} ({label})" for suffix, label in counters)
            + f" instructions: {PROBE_WORK}, whatever the counter (with the kfunc the probe also loads "
            "the kfunc's argument, the event's configured counter, where the floor passes a constant). "
            "A cheaper read shrinks the floor, not that work, so the probe's ratio to the floor grows.", ""]
    return out


def kfunc_target(data):
    """The sampled probe against the floor on the kernel module's TSC, in the
    guest's instruction counts; None when the guest did not time it."""
    guest = data.get("guest")
    if not guest or "+kfunc" not in dict(guest_counters(guest)):
        return None
    ratios = {ex["name"]: floor_ratio(ex, "+kfunc") for ex in guest["examples"]}
    listing = ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items())
    result = f"worst {max(ratios.values()):.2f}x ({listing}), in a QEMU guest ({guest['vm']['kernel']}, instructions)"
    if "+kfunc-fenced" in dict(guest_counters(guest)):
        fenced = max(floor_ratio(ex, "+kfunc-fenced") for ex in guest["examples"])
        result += f"; fenced worst {fenced:.2f}x"
    over = [k for k, v in ratios.items() if v > FLOOR_GOAL]
    why = ""
    if over:
        scale = insns_per_guest_ns(guest["vm"])
        floors = {suffix: [overhead(ex, "floor" + suffix) * scale for ex in guest["examples"]]
                  for suffix in ("", "+kfunc")}
        why = (f"over the goal on {', '.join(over)}: the read is not where the instructions go. With the "
               f"module the floor (two reads and the add) costs {span(floors['+kfunc'])} instructions "
               f"against the clock's {span(floors[''])}, and a sampled probe adds "
               f"{span(beyond_floor(guest, '+kfunc'))} beyond it ({span(beyond_floor(guest, ''))} with the "
               f"clock): {PROBE_WORK} (bench/probe_insns; the overhead section's guest tables)")
    return ("a sampled probe within 1.15x of the floor, on the kernel module's TSC (guest)",
            f"<= {FLOOR_GOAL:.2f}x the floor's overhead", result, "missed" if over else "met", why)


def page(data, target_rows):
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
    out += ["Every measuring variant counted every run it was given (checked, else the step fails): "
            + counts_listing(data) + ".", ""]
    fentry_error = portable(next((ex["fentry_fexit_error"] for ex in data["examples"] if ex["fentry_fexit_error"]), ""))
    if fentry_error:
        elsewhere = ("measured in a QEMU guest instead: see below" if data.get("guest")
                     else "not measured anywhere")
        out += [f"**fentry/fexit refused on this host** ({elsewhere}): {fentry_error}.", ""]
    out += ["![overhead against the sampling period](benchmarks/overhead-sampling.png)", "",
            "Overhead over bare against the sampling period, per example (log scales; the dashed line "
            "is the floor). Overheads of a few ns either way, negative ones included, are within "
            "the differences between two builds of a program and this machine's noise: they are "
            "shown as measured.", ""]
    for ex in data["examples"]:
        out += [f"### {ex['name']}", ""] + summary_table(ex) + [""] + sampling_table(ex, data["periods"]) + [""]
    if data.get("guest"):
        out += guest_section(data)
    out += ["### Targets", "", "| target | goal | result | |", "|---|---|---|---|"]
    for target, goal, result, status, why in target_rows:
        out.append(f"| {target} | {goal} | {result} | {status}{': ' + why if why else ''} |")
    out += ["", "The sampled probe is the one-section build sampling every run, against the floor: "
            "overhead / floor's overhead. "
            "Whole-program profiling compares that same build with fentry/fexit: the fentry/fexit "
            "overhead / inxpect's" + (", in the guest's instructions when this host refuses tracing programs."
                                      if data.get("guest") else "."), ""]
    return "\n".join(out)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: overhead_page.py OUT_DIR IMG_DIR NATIVE_JSON [GUEST_JSON]")
    out_dir, img_dir, native = sys.argv[1:4]
    with open(native) as f:
        data = json.load(f)
    data["guest"] = None
    if len(sys.argv) == 5:
        with open(sys.argv[4]) as f:
            data["guest"] = json.load(f)
    os.makedirs(img_dir, exist_ok=True)
    plot(data, os.path.join(img_dir, "overhead-sampling.png"))
    target_rows = targets(data)
    with open(os.path.join(out_dir, "overhead.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    with open(os.path.join(out_dir, "overhead.md"), "w") as f:
        f.write(page(data, target_rows))
    with open(os.path.join(out_dir, "overhead.targets.tsv"), "w") as f:
        for row in target_rows:
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
