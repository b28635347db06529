#!/usr/bin/env python3
"""Side-by-side cleaning benchmark: Gazette and trafilatura on the same pages, one core each, one scorer.

1. `gazette eval-cleaning --json --repeat N` (release build, pinned to core 0) times Gazette's cleaning of
   the pages already in memory and scores its output.
2. trafilatura_bench.py (in the benchmark virtualenv, pinned to core 0) times trafilatura on the same pages
   and writes its predictions, which `gazette eval-cleaning --predictions DIR` scores with the same scorer.
3. A table with pages/s, MB/s, body P/R/F1, title and date exact match is appended to benchmarks/RESULTS.md.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys


def run_json(command):
    print("+ " + " ".join(command), file=sys.stderr)
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gazette", default=".build/release/gazette")
    parser.add_argument("--python", default="benchmarks/.venv/bin/python")
    parser.add_argument("--corpus", default="Corpora/cleaning")
    parser.add_argument("--repeat", type=int, default=10, help="timed passes over all pages, for both tools")
    parser.add_argument("--work", default="benchmarks/work/cleaning")
    parser.add_argument("--results", default="benchmarks/RESULTS.md")
    args = parser.parse_args()

    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    gazette = run_json(pin + [args.gazette, "eval-cleaning", "--corpus", args.corpus, "--repeat", str(args.repeat), "--json"])
    predictions = os.path.join(args.work, "trafilatura")
    shutil.rmtree(predictions, ignore_errors=True)
    timing = run_json(pin + [args.python, os.path.join(os.path.dirname(__file__), "trafilatura_bench.py"),
                             "--corpus", args.corpus, "--out", predictions, "--repeat", str(args.repeat)])
    trafilatura = run_json([args.gazette, "eval-cleaning", "--corpus", args.corpus, "--predictions", predictions, "--json"])
    trafilatura.update({k: timing[k] for k in ("seconds", "pages_per_second", "mb_per_second")})

    ratio = gazette["pages_per_second"] / trafilatura["pages_per_second"]
    rows = [("Gazette (release, `HTMLCleaner` via `ArticleCleaner`)", gazette, True),
            ("trafilatura %s (`bare_extraction`, include_comments=False, default precision/recall)" % timing["trafilatura"], trafilatura, False)]
    lines = [
        "",
        "## Cleaning: Gazette vs trafilatura (%s)" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "",
        "- Machine: %s, `nproc` = %d; each tool pinned to one core (`taskset -c 0`)." % (cpu_model(), os.cpu_count()),
        "- Corpus: `%s`, %d pages, %.1f MB; %d timed passes per tool over pages already in memory."
        % (args.corpus, gazette["pages"], gazette["bytes"] / 1e6, args.repeat),
        "- Command: `make bench-cleaning` (`python3 benchmarks/cleaning/run.py --repeat %d`). Both tools scored by"
        " `gazette eval-cleaning` (body: lower-case word tokens, bag with multiplicity, micro-averaged)." % args.repeat,
        "",
        "| extractor | pages/s | MB/s | body P | body R | body F1 | title EM | date EM | language |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row, language in rows:
        lines.append("| %s | %.1f | %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %s |" % (
            name, row["pages_per_second"], row["mb_per_second"], row["precision"], row["recall"], row["f1"],
            row["title_em"], row["date_em"], "%.4f" % row["language_accuracy"] if language else "not asked"))
    lines += ["", "Gazette cleans %.1f× as many pages per second as trafilatura on one core." % ratio, ""]
    text = "\n".join(lines)
    if not os.path.exists(args.results):
        with open(args.results, "w") as results:
            results.write("# Benchmark results\n\nEach run appends its tables below (newest last).\n")
    with open(args.results, "a") as results:
        results.write(text)
    print(text)


if __name__ == "__main__":
    main()
