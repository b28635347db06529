#!/usr/bin/env python3
"""Keeps benchmarks/RESULTS.md short: each benchmark's newest run and the one before it.

The benchmark targets append a section per run; `make bench*` calls this afterwards. A section starts at a
level-2 heading (or a `### Batch annotation` heading, which bench-batch appends); sections whose headings
differ only in their date or commit are runs of the same benchmark. Older runs stay in the git history.
Usage: python3 benchmarks/prune_results.py [RESULTS.md]
"""
import re
import sys
from collections import defaultdict

KEEP = 2


def kind(heading: str) -> str:
    """The benchmark a heading names, without its date and commit."""
    heading = re.sub(r"\(\d{4}-\d\d-\d\d[^)]*\)", "", heading)
    heading = re.sub(r",?\s*\d{4}-\d\d-\d\d.*$", "", heading)
    return heading.strip().lstrip("#").strip()


def prune(text: str) -> str:
    head, blocks = [], []
    for line in text.split("\n"):
        if line.startswith("## ") or line.startswith("### Batch annotation"):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
        else:
            head.append(line)
    runs = defaultdict(list)
    for index, block in enumerate(blocks):
        runs[kind(block[0])].append(index)
    keep = {index for indices in runs.values() for index in indices[-KEEP:]}
    out = head + [line for index, block in enumerate(blocks) if index in keep for line in block]
    return "\n".join(out)


if __name__ == "__main__":
    path = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/RESULTS.md"
    with open(path, encoding="utf-8") as file:
        text = file.read()
    pruned = prune(text)
    if pruned != text:
        with open(path, "w", encoding="utf-8") as file:
            file.write(pruned)
