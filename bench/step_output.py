"""The three files every benchmark step writes (bench/run.sh states the
contract): OUT_DIR/<step>.json, OUT_DIR/<step>.md and OUT_DIR/<step>.targets.tsv."""
import json
import os


def write_outputs(out_dir, step, results, fragment, targets=()):
    """targets: (target, goal, result, met, why) tuples; why is '' when met."""
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, step + ".json"), "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    if not fragment.startswith("## "):
        raise ValueError(f"{step}: a fragment starts with a '## ' heading")
    with open(os.path.join(out_dir, step + ".md"), "w") as f:
        f.write(fragment.rstrip() + "\n")
    with open(os.path.join(out_dir, step + ".targets.tsv"), "w") as f:
        for target, goal, result, met, why in targets:
            cells = [target, goal, result, "met" if met else "missed", "" if met else why]
            f.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")


def table(header, rows):
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
