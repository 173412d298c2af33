#!/usr/bin/env python3
"""Checks that a rewrite kept every original line on its line number.

usage: same_lines.py ORIGINAL REWRITTEN

Each line of ORIGINAL must still be in the same line of REWRITTEN, its
characters in order, and whatever stands between them must be text the
rewriter inserts: the runtime include and the #defines before it, probes
(INXPECT_...), the braces and parentheses around wrapped statements and
calls, an id after a manual START_TRACE's name, the enum naming the ids of
a header's sections, and an #include's file name (redirected to a rewritten
header). A line's number is the
one the compiler reads: where the rewrite added lines, a `#line N "FILE"`
gives the next line its number back, and the lines numbered alike are read as one.
Lines after the last original line may only be the object table.
"""
import re
import sys

# Inserted text with letters, taken out of both lines before they are compared
# (a test's comments may quote probes too); what else was inserted may only be
# braces, parentheses, separators and ids.
ID = r'(?:\d+|inxpect_id_\w+)'  # a header's probes name their ids
PROBES = re.compile(r'#include "inxpect\.h"|#define INXPECT_[A-Z_]+ 1'
                    r'|INXPECT_[A-Z]+\((?:' + ID + r')?\)[;,]?'
                    r'|enum \{( inxpect_id_\w+ = \d+,?)+ \};'
                    # a return diverted past a section's end (SectionReturns.h)
                    r'|__typeof__\(.*?\) inxpect_rv = (?:0|\{0\});'
                    r'|\(\{inxpect_rv = \(|\); goto inxpect_return_' + ID + r'; inxpect_rv;\}\)'
                    r'| if \(0\) inxpect_return_' + ID + r': return inxpect_rv;')
INCLUDE_NAME = re.compile(r'(#\s*include\s*)(?!"inxpect\.h")["<][^">]*[">]')
PUNCTUATION = re.compile(r'^[{}() ,;0-9=]*$')


def inserted_text(small, big):
    """The characters of `big` left over when `small` is matched in order, or
    None when `small` is not a subsequence of `big`."""
    extra, i = [], 0
    for c in big:
        if i < len(small) and c == small[i]:
            i += 1
        else:
            extra.append(c)
    return "".join(extra) if i == len(small) else None


LINE_DIRECTIVE = re.compile(r'^#line (\d+)(?: ".*")?$')


def numbered_as_compiled(lines):
    """The lines as the compiler numbers them: a `#line N ...` line is dropped
    and the next line is N; lines given one number are joined."""
    numbered, number = [], 1
    for line in lines:
        directive = LINE_DIRECTIVE.match(line)
        if directive:
            number = int(directive.group(1))
            continue
        while len(numbered) < number:
            numbered.append("")
        numbered[number - 1] += line
        number += 1
    return numbered


def main():
    original = open(sys.argv[1]).read().split("\n")
    rewritten = numbered_as_compiled(open(sys.argv[2]).read().split("\n"))
    if original and original[-1] == "":
        original.pop()
    failures = 0
    for number, line in enumerate(original, start=1):
        if number > len(rewritten):
            print("line %d: missing from the output" % number)
            return 1
        line = INCLUDE_NAME.sub(r'\1"FILE"', line)
        new = INCLUDE_NAME.sub(r'\1"FILE"', rewritten[number - 1])
        extra = inserted_text(PROBES.sub("", line), PROBES.sub("", new))
        if inserted_text(line, new) is None or extra is None or not PUNCTUATION.match(extra):
            print("line %d moved or changed:\n  original:  %r\n  rewritten: %r"
                  % (number, line, new))
            failures += 1
    tail = "\n".join(rewritten[len(original):])
    if tail.strip() and "INXPECT_OBJECT(" not in tail:
        print("unexpected text after the last original line:\n" + tail)
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
