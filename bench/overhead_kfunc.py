#!/usr/bin/env python3
"""bench/overhead_kfunc.py GUEST_JSON: folds the runs bench/overhead_guest.sh
made with the inxpect kernel module loaded (bench/guest_driver.sh's
"module_runs") into the guest's examples, so that one list holds every variant
of an example: each run's variants are added as NAME+kfunc (NAME+kfunc-fenced
for a --fenced run), kind unchanged, with "counter": "kfunc" and "fenced", and
its checks under the same suffix. Its bare, "bare+kfunc", is the baseline of
that run's variants. Rewrites GUEST_JSON."""
import json
import sys


def fold(guest):
    for run in guest.pop("module_runs", []):
        if run["counter"] != "kfunc":
            sys.exit(f"overhead_kfunc: a run with the kernel module loaded read the {run['counter']}: "
                     "the module's kfunc did not resolve in the guest")
        suffix = "+kfunc-fenced" if run["fenced"] else "+kfunc"
        theirs = {ex["name"]: ex for ex in run["examples"]}
        for ex in guest["examples"]:
            other = theirs[ex["name"]]
            ex["variants"] += [dict(v, name=v["name"] + suffix, counter="kfunc", fenced=run["fenced"])
                               for v in other["variants"]]
            ex["checks"].update({kind + suffix: check for kind, check in other["checks"].items()})
    return guest


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: overhead_kfunc.py GUEST_JSON")
    with open(sys.argv[1]) as f:
        guest = fold(json.load(f))
    with open(sys.argv[1], "w") as f:
        json.dump(guest, f, indent=1)


if __name__ == "__main__":
    main()
