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
    lines = [f"#### {title}", "",
             "| workers | documents | annotated | rejected | seconds | docs/s | MB/s | CPU s | CPU % | peak RSS MB "
             "| stage share % (read / clean / segment / match / relate / encode / write) | docs/s of every run |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|", *rows, "",
             f"2 workers / 1 worker (median docs/s): **{speedup:.2f}×**. "
             "CPU s is user + system time of the run; CPU % below 100 × workers means the run waited for a core.", ""]
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
big, small = stats("synthetic"), stats("synthetic-small")
out += ["#### Synthetic stream on standard input (`benchmarks/batch/synthetic.py N | gazette annotate - -j 2 -o out.jsonl.gz`)", "",
        "| documents | seconds | docs/s | MB/s | peak RSS MB |", "|---|---|---|---|---|",
        f"| {small['documents']:,} | {small['seconds']:.1f} | {small['docs_per_second']:,.0f} | {small['mb_per_second']:.2f} "
        f"| {peak_rss_mb('synthetic-small'):.0f} |",
        f"| {big['documents']:,} | {big['seconds']:.1f} | {big['docs_per_second']:,.0f} | {big['mb_per_second']:.2f} "
        f"| {peak_rss_mb('synthetic'):.0f} |", ""]
print("\n".join(out))
