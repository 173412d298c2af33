#!/usr/bin/env python3
"""Checks that a rewrite kept every original line on its line number.

usage: same_lines.py ORIGINAL REWRITTEN

Each line of ORIGINAL must equal the same line of REWRITTEN once the text the
rewriter inserts is taken out: the runtime include at the start of a line and
the probes. Lines after the last original line may only be the object table.
"""
import re
import sys

INSERTED = re.compile(r'^#include "inxpect\.h" ?|INXPECT_(?:ENTRY|FUNCTION)\(\d+\);|INXPECT_RUN\(\);')


def is_subsequence(small, big):
    rest = iter(big)
    return all(c in rest for c in small)


def main():
    original = open(sys.argv[1]).read().split("\n")
    rewritten = open(sys.argv[2]).read().split("\n")
    if original and original[-1] == "":
        original.pop()
    failures = 0
    for number, line in enumerate(original, start=1):
        if number > len(rewritten):
            print("line %d: missing from the output" % number)
            return 1
        new = rewritten[number - 1]
        # Only insertions: the original is still there, in order, and the
        # two agree once the inserted text is taken out of both (a test's
        # comments may quote probes too).
        if INSERTED.sub("", new) != INSERTED.sub("", line) or not is_subsequence(line, new):
            print("line %d moved or changed:\n  original:  %r\n  rewritten: %r"
                  % (number, line, rewritten[number - 1]))
            failures += 1
    tail = "\n".join(rewritten[len(original):])
    if tail.strip() and "INXPECT_OBJECT(" not in tail:
        print("unexpected text after the last original line:\n" + tail)
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
