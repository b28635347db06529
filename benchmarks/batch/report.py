"""Formats the figures of benchmarks/batch/run.sh as a Markdown section for benchmarks/RESULTS.md."""
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

(work, runs, same_bytes, load_before, load_after, xml_note, probe_before, probe_after,
 binary, gazetteers, reuters, synthetic) = sys.argv[1:13]
# The build timed beside this one on one core (BASELINE_BINARY), or "" when none was.
baseline = sys.argv[13] if len(sys.argv) > 13 else ""
runs = int(runs)


def stats(name):
    with open(os.path.join(work, name + ".stats.json")) as handle:
        return json.load(handle)


def time_figure(name, label):
    with open(os.path.join(work, name + ".time")) as handle:
        match = re.search(re.escape(label) + r": ([\d.]+)", handle.read())
    return float(match.group(1))


def peak_rss_mb(name):
    return time_figure(name, "Maximum resident set size (kbytes)") / 1024


def cpu_seconds(name):
    return time_figure(name, "User time (seconds)") + time_figure(name, "System time (seconds)")


def median_run(prefix, jobs):
    names = [f"{prefix}-j{jobs}-{number}" for number in range(1, runs + 1)]
    ordered = sorted(names, key=lambda name: stats(name)["docs_per_second"])
    return ordered[len(ordered) // 2], [stats(name)["docs_per_second"] for name in names]


def cpu_model():
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def section(prefix, title):
    rows = []
    medians = {}
    for jobs in (1, 2):
        name, all_rates = median_run(prefix, jobs)
        figures = stats(name)
        medians[jobs] = figures["docs_per_second"]
        shares = figures["stages"]
        rows.append(
            f"| {jobs} | {figures['documents']:,} | {figures['annotated']:,} | {figures['rejected']:,} "
            f"| {figures['seconds']:.2f} | {figures['docs_per_second']:,.0f} | {figures['mb_per_second']:.2f} "
            f"| {cpu_seconds(name):.2f} | {cpu_seconds(name) / figures['seconds'] * 100:.0f} "
            f"| {peak_rss_mb(name):.0f} | " + " / ".join(f"{shares[s]['share'] * 100:.0f}" for s in
                                                          ("read", "clean", "segment", "match", "relate", "encode", "write"))
            + " | " + ", ".join(f"{rate:,.0f}" for rate in all_rates) + " |")
    speedup = medians[2] / medians[1] if medians[1] else 0
    # The fastest run of each row, and the CPU time of every -j2 run: on a shared host a run that takes more CPU
    # seconds for the same work was slowed from outside, and -j2, on both cores, is the one most exposed to it.
    best = {jobs: max(stats(f"{prefix}-j{jobs}-{number}")["docs_per_second"] for number in range(1, runs + 1))
            for jobs in (1, 2)}
    best_speedup = best[2] / best[1] if best[1] else 0
    cpu_two = [cpu_seconds(f"{prefix}-j2-{number}") for number in range(1, runs + 1)]
    lines = [f"#### {title}", "",
             "| workers | documents | annotated | rejected | seconds | docs/s | MB/s | CPU s | CPU % | peak RSS MB "
             "| stage share % (read / clean / segment / match / relate / encode / write) | docs/s of every run |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|", *rows, "",
             f"2 workers / 1 worker (median docs/s): **{speedup:.2f}×**. "
             "CPU s is user + system time of the run; CPU % below 100 × workers means the run waited for a core.",
             "",
             f"Fastest run of each row: {best[1]:,.0f} and {best[2]:,.0f} docs/s ({best_speedup:.2f}×). CPU s of every "
             "-j2 run (the same work each time): " + ", ".join(f"{value:.2f}" for value in cpu_two) + ".", ""]
    return lines, speedup


now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
out = ["", f"### Batch annotation (`make bench-batch`), {now}", "",
       f"- Machine: {cpu_model()}, {os.cpu_count()} cores, "
       f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; {platform.platform()}; "
       f"{swift[0] if swift else 'swift ?'}; commit {commit}.",
       f"- Load average (1/5/15 min) before: {load_before}; after: {load_after} "
       "(the machine is shared: other builds running at the same time slow single runs down).",
       f"- CPU available to two busy loops just before / after the Reuters runs: {probe_before} / {probe_after} "
       "(200% = both cores free; below that, -j2 cannot reach 2× whatever the code does).",
       f"- Command: `{binary} annotate INPUT --gazetteers {gazetteers} --as-of 2025-09-04 -j N --quiet --stats FILE -o FILE`, "
       f"release build, end to end (read, clean, segment, match, relate, encode, write), {runs} runs per row "
       "alternating -j1 and -j2; the median run (by docs/s) is shown. MB/s counts input bytes. "
       "Peak RSS from `/usr/bin/time -v`.",
       f"- Output of -j1 and -j2 byte-identical: {same_bytes}.", ""]
lines, _ = section("jsonl", f"Reuters-21578 JSONL (`{reuters}/reuters21578.jsonl`)")
out += lines
if os.path.exists(os.path.join(work, "xml-j1-1.stats.json")):
    lines, _ = section("xml", f"Reuters-21578 XML (`{reuters}/xml`)")
    out += lines
elif xml_note:
    out += [xml_note, ""]
# One core, end to end, beside spaCy on the same texts.
one_core = [f"one-core-{number}" for number in range(1, runs + 1)
            if os.path.exists(os.path.join(work, f"one-core-{number}.stats.json"))]
if one_core:
    ordered = sorted(one_core, key=cpu_seconds)
    name = ordered[len(ordered) // 2]
    figures = stats(name)
    cpu = cpu_seconds(name)
    text_mib = figures["text_bytes"] / 1048576
    out += ["#### End to end on one core beside spaCy (same texts)", "",
            f"Gazette: `taskset -c 0 {binary} annotate {reuters}/reuters21578.jsonl -j 1 …` (every thread on core 0: reader, "
            "worker, writer), the whole process from start to exit (gazetteer loading included), JSONL in, annotated JSONL "
            f"out; {len(one_core)} runs, the median by CPU time. spaCy: `benchmarks/matching/peers.py --peers spacy` on core 0, "
            "`spacy.blank('en')` tokenizer + `PhraseMatcher(attr='LOWER')` over the same gazetteer forms, only tokenising and "
            "matching the `text` fields (already in memory; loading and matcher building not counted), CPU time, best of 2 passes. "
            "Both rates are MiB of the same texts per CPU second.", "",
            "| what | texts | text MiB | CPU s | wall s | text MiB/s (CPU) | input MB/s (wall) | CPU s of every run |",
            "|---|---|---|---|---|---|---|---|",
            f"| Gazette end to end (read, clean, segment, match, relate, encode, write) | {figures['annotated']:,} "
            f"| {text_mib:.1f} | {cpu:.2f} | {figures['seconds']:.2f} | {text_mib / cpu:.1f} | {figures['mb_per_second']:.2f} "
            "| " + ", ".join(f"{cpu_seconds(other):.2f}" for other in one_core) + " |"]
    baseline_runs = [f"baseline-one-core-{number}" for number in range(1, runs + 1)
                     if os.path.exists(os.path.join(work, f"baseline-one-core-{number}.stats.json"))]
    if baseline and baseline_runs:
        base_name = sorted(baseline_runs, key=cpu_seconds)[len(baseline_runs) // 2]
        base_figures, base_cpu = stats(base_name), cpu_seconds(base_name)
        out += [f"| baseline `{baseline}`, same command, runs alternating with the row above | "
                f"{base_figures['annotated']:,} | {base_figures['text_bytes'] / 1048576:.1f} | {base_cpu:.2f} "
                f"| {base_figures['seconds']:.2f} | {base_figures['text_bytes'] / 1048576 / base_cpu:.1f} "
                f"| {base_figures['mb_per_second']:.2f} | " + ", ".join(f"{cpu_seconds(other):.2f}" for other in baseline_runs) + " |"]
        change = (base_cpu / cpu - 1) * 100
        baseline_note = [f"This build against the baseline, median CPU seconds on one core: {cpu:.2f} s against {base_cpu:.2f} s "
                f"(throughput {change:+.1f} %).", ""]
    else:
        baseline_note = []
    spacy_path = os.path.join(work, "spacy.json")
    if os.path.exists(spacy_path):
        with open(spacy_path) as handle:
            spacy = [json.loads(line) for line in handle if line.startswith("{")][0]
        spacy_mib = spacy["mbs"] * spacy["seconds"]
        out += [f"| {spacy['peer']}, tokenisation + matching only | {spacy['texts']:,} | {spacy_mib:.1f} "
                f"| {spacy['seconds']:.2f} | | {spacy['mbs']:.2f} | | |", "",
                f"Gazette end to end / spaCy tokenisation + matching (text MiB per CPU second): "
                f"**{(text_mib / cpu) / spacy['mbs']:.1f}×**.", ""]
    else:
        out += ["", "spaCy was not run (no benchmarks/.venv: `make bench-matching` installs it).", ""]
    out += baseline_note

big, small = stats("synthetic"), stats("synthetic-small")
out += ["#### Synthetic stream on standard input (`benchmarks/batch/synthetic.py N | gazette annotate - -j 2 -o out.jsonl.gz`)", "",
        "| documents | seconds | docs/s | MB/s | peak RSS MB |", "|---|---|---|---|---|",
        f"| {small['documents']:,} | {small['seconds']:.1f} | {small['docs_per_second']:,.0f} | {small['mb_per_second']:.2f} "
        f"| {peak_rss_mb('synthetic-small'):.0f} |",
        f"| {big['documents']:,} | {big['seconds']:.1f} | {big['docs_per_second']:,.0f} | {big['mb_per_second']:.2f} "
        f"| {peak_rss_mb('synthetic'):.0f} |", ""]
print("\n".join(out))
