#!/usr/bin/python3
"""adopt-check: before adopting inxpect, check what it does to your programs.

    scripts/adopt-check.py DIR [--json] [--synthetic N] [--bin DIR] [-- CLANG_FLAGS...]

For every *.c in DIR (not *.inxpect.c) and every mode of inxpect-instrument
(annotations only, --per-function, --per-loop, both): does the rewrite
succeed, does it compile (clang-19 -target bpf -O2 -g, with CLANG_FLAGS),
does the kernel load it (verified_insns of the original and the rewrite, and
the growth), and does every XDP program behave the same as the original
(BPF_PROG_TEST_RUN on N synthetic packets, default 200: verdicts and output
bytes, packet by packet, through inxpect-same-behaviour)? Maps start empty in
both builds: a program that needs them filled is compared on what it does
with them empty. A file whose original does not compile or load is reported
as "original fails" and counts against nothing. Needs root (it loads BPF).

Exit status 0 when every file and mode passes, 1 when one fails, 2 on usage.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLANG = "clang-19"
MODES = [("annotations", []), ("per-function", ["--per-function"]),
         ("per-loop", ["--per-loop"]), ("both", ["--per-function", "--per-loop"])]


def multiarch_include():
    arch = subprocess.run(["gcc", "-print-multiarch"], capture_output=True, text=True).stdout.strip()
    return "/usr/include/" + arch if arch else "/usr/include"


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def first_error(text):
    """The first line that says error, else the last line: one cell of the table."""
    lines = [l for l in text.splitlines() if l.strip()]
    errors = [l for l in lines if "error" in l]
    return (errors or lines or ["(no output)"])[0].strip()


def compare(tools, original, instrumented, synthetic):
    code, out, err = run([os.path.join(tools, "inxpect-same-behaviour"), original, instrumented,
                          "--synthetic", str(synthetic)])
    try:
        return code, json.loads(out)
    except json.JSONDecodeError:
        return code, {"error": first_error(err or out), "side": "instrumented"}


def check_file(source, work, args, bpf_flags):
    """{"file", "original": ok|why, "modes": {mode: result}} for one source."""
    stem = os.path.join(work, os.path.splitext(os.path.basename(source))[0])
    flags = bpf_flags + ["-I" + os.path.dirname(os.path.abspath(source))]
    result = {"file": os.path.basename(source), "original": "ok", "modes": {}}
    code, _, err = run([CLANG, *flags, "-c", source, "-o", stem + ".o"])
    if code != 0:
        result["original"] = "does not compile: " + first_error(err)
        return result
    code, loaded = compare(args.bin, stem + ".o", stem + ".o", 1)
    if code == 1:
        result["original"] = "does not load: " + loaded.get("error", "")
        return result
    for mode, mode_flags in MODES:
        out_c = f"{stem}.{mode}.inxpect.c"
        row = {"instrument": False, "compile": False, "verify": False, "same": False}
        result["modes"][mode] = row
        code, _, err = run([os.path.join(args.bin, "inxpect-instrument"), *mode_flags, source,
                            "-o", out_c, "--manifest", out_c[:-2] + ".json", "--", *flags])
        if code != 0:
            row["why"] = first_error(err)
            continue
        row["instrument"] = True
        code, _, err = run([CLANG, *flags, "-I" + os.path.join(ROOT, "runtime", "bpf"),
                            "-c", out_c, "-o", out_c[:-2] + ".o"])
        if code != 0:
            row["why"] = first_error(err)
            continue
        row["compile"] = True
        code, same = compare(args.bin, stem + ".o", out_c[:-2] + ".o", args.synthetic)
        if code == 1:
            row["why"] = "the verifier refuses it: " + same.get("error", "")
            continue
        row["verify"] = True
        row["programs"] = same["programs"]
        row["same"] = code == 0
        if code != 0:
            row["why"] = "; ".join(f"{p['name']}: {p['first_difference']}" for p in same["programs"]
                                   if p.get("first_difference"))
    return result


def failed(row):
    return not row["same"]


def growth(programs):
    cells = []
    for p in programs:
        a, b = p["original_verified_insns"], p.get("instrumented_verified_insns", 0)
        cells.append(f"{p['name']} {a}->{b} ({b / a:.1f}x)" if a else f"{p['name']} {a}->{b}")
    return ", ".join(cells)


def table(results):
    yes = {True: "yes", False: "NO"}
    lines = ["file\tmode\tinstrument\tcompile\tverify\tsame\tverified_insns (growth) / why"]
    for r in results:
        if r["original"] != "ok":
            lines.append(f"{r['file']}\t-\t-\t-\t-\t-\toriginal fails: {r['original']}")
            continue
        for mode, row in r["modes"].items():
            cells = [yes[row["instrument"]], yes[row["compile"]], yes[row["verify"]], yes[row["same"]]]
            detail = growth(row.get("programs", []))
            if "why" in row:
                detail = (detail + "; " if detail else "") + row["why"]
            lines.append("\t".join([r["file"], mode, *cells, detail]))
    widths = [max(len(l.split("\t")[i]) for l in lines) for i in range(6)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(l.split("\t"), widths + [0]))
                     for l in lines)


def main():
    argv = sys.argv[1:]
    clang_flags = []
    if "--" in argv:
        clang_flags = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="a directory of XDP sources (*.c)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--synthetic", type=int, default=200, help="packets to compare (200)")
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"),
                        help="where inxpect-instrument and inxpect-same-behaviour are")
    args = parser.parse_args(argv)
    sources = sorted(os.path.join(args.dir, f) for f in os.listdir(args.dir)
                     if f.endswith(".c") and not f.endswith(".inxpect.c"))
    if not sources:
        print(f"adopt-check: error: no .c file in {args.dir}", file=sys.stderr)
        return 2
    bpf_flags = ["-target", "bpf", "-O2", "-g", "-I" + multiarch_include(), *clang_flags]
    with tempfile.TemporaryDirectory(prefix="inxpect-adopt-") as work:
        results = [check_file(s, work, args, bpf_flags) for s in sources]
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(table(results))
        print(f"\n{args.synthetic} synthetic packets a program; maps start empty in both builds "
              "(nothing is seeded, tail calls find no program), so a program is compared on what "
              "it does with them empty.")
    return 1 if any(failed(row) for r in results for row in r["modes"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
