#!/usr/bin/env python3
"""Cleaning benchmark on external page sets: Gazette and trafilatura side by side, one core each, one scorer.

Sets: the archives NAME.tar.xz of ../shared/dev/cleaning (unpacked once into benchmarks/work/cleaning-sets), or
already unpacked NAME/ folders there. For every set:
1. `gazette eval-cleaning --set DIR --repeat N --json` (release build, pinned to core 0): F1 (4-gram shingles,
   the metric of the sets' score.py; snippet sets with trafilatura's with/without counts) and pages/s of
   Gazette's cleaning over pages already in memory.
2. trafilatura_sets.py (benchmark virtualenv, pinned to core 0): trafilatura.extract over the same pages,
   decoded before timing, right after Gazette on the same set; its outputs scored by
   `gazette eval-cleaning --set DIR --predictions OUT`.
The table replaces the cleaning sections of benchmarks/RESULTS.md; only the newest earlier one is kept.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

SETS = ["big9", "cleaneval", "daniel", "dragnet", "htmltotext-benchmark", "newspaper3k", "newspaper4k",
        "readability", "trafilatura-eval"]
HEADING = "## Cleaning on the external sets: Gazette vs trafilatura"


def run_json_lines(command):
    print("+ " + " ".join(command), file=sys.stderr)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def set_dirs(data, work):
    dirs = []
    for name in SETS:
        for base in (Path(data), Path(work)):
            if (base / name / "gold.jsonl").exists():
                dirs.append(base / name)
                break
        else:
            archive = Path(data) / (name + ".tar.xz")
            if not archive.exists():
                sys.exit("no %s.tar.xz and no %s/gold.jsonl in %s" % (name, name, data))
            print("# unpacking %s into %s" % (archive, work), file=sys.stderr)
            Path(work).mkdir(parents=True, exist_ok=True)
            with tarfile.open(archive, "r:xz") as tar:
                tar.extractall(work, filter="data") if hasattr(tarfile, "data_filter") else tar.extractall(work)
            dirs.append(Path(work) / name)
    return dirs


def replace_section(results, text):
    """Keeps the newest earlier cleaning run (any "## Cleaning" section), drops older ones, appends the new run."""
    content = Path(results).read_text() if os.path.exists(results) else "# Benchmark results\n"
    parts = re.split(r"(?m)^(?=## )", content)
    ours = [i for i, part in enumerate(parts) if part.startswith("## Cleaning")]
    drop = set(ours[:-1])
    kept = "".join(part for i, part in enumerate(parts) if i not in drop).rstrip("\n") + "\n"
    Path(results).write_text(kept + "\n" + text.strip("\n") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gazette", default=".build/release/gazette")
    parser.add_argument("--python", default="benchmarks/.venv/bin/python")
    parser.add_argument("--data", default="../shared/dev/cleaning")
    parser.add_argument("--work", default="benchmarks/work/cleaning-sets")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes of Gazette per set (trafilatura: 1)")
    parser.add_argument("--results", default="benchmarks/RESULTS.md")
    args = parser.parse_args()

    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    dirs = set_dirs(args.data, args.work)
    set_args = [arg for d in dirs for arg in ("--set", str(d))]
    outputs = os.path.join(args.work, "trafilatura-outputs")
    shutil.rmtree(outputs, ignore_errors=True)
    gazette, timing = {}, {}
    # Set by set, one tool right after the other, so both meet the same load on a shared machine.
    for directory in dirs:
        gazette.update({row["set"]: row for row in run_json_lines(
            pin + [args.gazette, "eval-cleaning", "--repeat", str(args.repeat), "--json", "--set", str(directory)])})
        timing.update({row["set"]: row for row in run_json_lines(
            pin + [args.python, os.path.join(os.path.dirname(__file__), "trafilatura_sets.py"), "--out", outputs,
                   "--set", str(directory)])})
    peer = {row["set"]: row for row in run_json_lines(
        [args.gazette, "eval-cleaning", "--json", "--predictions", outputs] + set_args)}
    version = next(iter(timing.values()))["trafilatura"]

    lines = [HEADING + " (%s)" % datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "",
             "- Command: `make bench-cleaning` (`python3 benchmarks/cleaning/run_sets.py`); `nproc` = %d, each tool pinned "
             "to one core (`taskset -c 0`), pages in memory; Gazette %d timed passes, trafilatura %s "
             "(`extract(html, include_comments=False)`) 1 pass." % (os.cpu_count(), args.repeat, version),
             "- F1: 4-gram shingles as `../shared/dev/cleaning/score.py` (trafilatura-eval: with/without snippets), scored "
             "by `gazette eval-cleaning --set`. Gazette reads the page bytes (its own charset handling); trafilatura gets "
             "text decoded as score.py does. The machine is shared, so pages/s are rough.", "",
             "| set | pages | Gazette F1 | trafilatura F1 | Gazette pages/s | trafilatura pages/s | speed ratio |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    sums = [0.0, 0.0]
    for name in SETS:
        g, p, t = gazette[name], peer[name], timing[name]
        sums[0] += g["f1"]
        sums[1] += p["f1"]
        lines.append("| %s | %d | %.3f | %.3f | %.1f | %.1f | %.1f× |" % (
            name, g["pages"], g["f1"], p["f1"], g["pages_per_second"], t["pages_per_second"],
            g["pages_per_second"] / t["pages_per_second"]))
    total_g = sum(gazette[n]["pages"] / gazette[n]["pages_per_second"] for n in SETS)
    total_t = sum(timing[n]["seconds"] for n in SETS)
    pages = sum(gazette[n]["pages"] for n in SETS)
    lines.append("| **mean / all pages** | %d | **%.3f** | **%.3f** | %.1f | %.1f | %.1f× |" % (
        pages, sums[0] / len(SETS), sums[1] / len(SETS), pages / total_g, pages / total_t, total_t / total_g))
    text = "\n".join(lines) + "\n"
    replace_section(args.results, text)
    print(text)


if __name__ == "__main__":
    main()
