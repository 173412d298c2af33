#!/usr/bin/python3
"""folded-png.py FOLDED PNG [TITLE]: draws folded stacks (inxpect-run
--format folded, `outer;inner VALUE` a line) as a flame graph in a PNG.

Debian packages no flame graph tool (flamegraph.pl, inferno); this is the
smallest one that draws what docs/running.md shows, with matplotlib
(python3-matplotlib, which bench/ already uses). Each frame is as wide as
its stack's values and those of the stacks above it; the outermost frames
at the bottom, as flamegraph.pl draws them."""
import sys
import zlib

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt


WIDTH_IN, DPI = 10, 110


def read_stacks(path):
    stacks = {}
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            frames, _, value = line.rpartition(" ")
            if not frames or not value.isdigit():
                sys.exit(f"{path}:{number}: error: not a folded line (FRAME;FRAME VALUE): {line}")
            key = tuple(frames.split(";"))
            stacks[key] = stacks.get(key, 0) + int(value)
    return stacks


def frame_widths(stacks):
    """{path prefix: total value of the stacks under it}."""
    widths = {}
    for stack, value in stacks.items():
        for depth in range(1, len(stack) + 1):
            widths[stack[:depth]] = widths.get(stack[:depth], 0) + value
    return widths


def warm(name):
    """A colour from the name, so a section has one colour wherever it is."""
    h = zlib.crc32(name.encode())
    return (0.85 + (h % 15) / 100, 0.35 + (h >> 8) % 45 / 100, 0.1 + (h >> 16) % 20 / 100)


def draw(stacks, png, title):
    widths = frame_widths(stacks)
    total = sum(stacks.values())
    if not total:
        sys.exit("folded-png.py: error: the stacks have no value to draw")
    depth = max(len(p) for p in widths)
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.45 * depth + 1.2))
    # Frames left to right in name order under each parent, as flamegraph.pl.
    left = {(): 0}
    for path in sorted(widths):
        x = left[path[:-1]]
        left[path[:-1]] = x + widths[path]
        left[path] = x
        w = widths[path] / total
        ax.barh(len(path) - 1, w, left=x / total, height=0.92, color=warm(path[-1]),
                edgecolor="white", linewidth=0.5)
        # As much of the label as the frame holds (about 6.5 pixels a character).
        label = f"{path[-1]} {100 * w:.1f}%"
        fits = int(w * WIDTH_IN * DPI / 6.5) - 1
        if fits < len(label):
            label = label[:fits - 2] + ".." if fits > 4 else ""
        ax.text(x / total + 0.003, len(path) - 1, label, va="center", fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.5, depth - 0.5)
    ax.set_yticks([])
    ax.set_xticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(png, dpi=DPI)


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: folded-png.py FOLDED PNG [TITLE]")
    draw(read_stacks(sys.argv[1]), sys.argv[2], sys.argv[3] if len(sys.argv) == 4 else "")


if __name__ == "__main__":
    main()
