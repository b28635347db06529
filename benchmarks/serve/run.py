#!/usr/bin/env python3
"""Latency of `gazette serve` pages over an index of Corpora/ plus the Reuters-21578 corpus (`make bench-serve`).

Annotates the inputs with the given gazette binary, indexes them, starts `gazette serve` on a free loopback port
and requests each kind of page (search, facet, article, entity) REPEAT times after a warm-up, one request at a
time, rotating over several targets of each kind (found by following the links of the pages themselves).
Reports the median, 90th percentile and maximum wall time seen by the client (connection included) and the
server's own time from its log lines; appends a section to benchmarks/RESULTS.md with --results.
"""
import argparse
import datetime
import html
import os
import platform
import re
import statistics
import subprocess
import sys
import time
import urllib.request


def fetch(base, target):
    started = time.perf_counter()
    with urllib.request.urlopen(base + target) as response:
        body = response.read().decode()
        status = response.status
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{target}: HTTP {status}")
    return body, elapsed


def hrefs(body, css_class):
    return [html.unescape(m) for m in re.findall(r'class="' + css_class + r'" href="([^"]*)"', body)]


def targets(base):
    """Several targets of each kind, found from the pages as a person would click."""
    queries = ["oil prices", "minister", "bank rate", "president", "trade deficit", "wheat"]
    search = ["/search"] + ["/search?q=" + urllib.parse.quote_plus(q) for q in queries]
    facet, article, entity = [], [], []
    for target in search:
        body, _ = fetch(base, target)
        facet += hrefs(body, "facet")[:2]
        article += hrefs(body, "title")[:3]
    for target in article[:6]:
        body, _ = fetch(base, target)
        entity += [h for h in re.findall(r'href="(/entity\?kb=[^"]*)"', body)][:2]
    first, _ = fetch(base, "/search")
    entity = hrefs(first, "facet")[:0] + entity  # entity pages of mentions, including the most frequent ones
    for link in hrefs(first, "facet")[:4]:
        key = urllib.parse.parse_qs(urllib.parse.urlparse(link).query).get("entity", [None])[0]
        if key:
            entity.append("/entity?kb=" + urllib.parse.quote(key))
    return {"search": search, "facet": facet, "article": article, "entity": entity}


def measure(base, pages, repeat, log_path):
    results = {}
    for kind, links in pages.items():
        for link in links[:3]:
            fetch(base, link)  # warm-up
        times = []
        for index in range(repeat):
            _, elapsed = fetch(base, links[index % len(links)])
            times.append(elapsed)
        results[kind] = (times, len(links))
    return results


def server_times(log_path, pages):
    """The server's own milliseconds per page kind, from its log lines."""
    kinds = {"search": [], "facet": [], "article": [], "entity": []}
    with open(log_path, encoding="utf-8") as log:
        for line in log:
            match = re.match(r"\S+ GET (\S+) 200 ([0-9.]+) ms", line)
            if not match:
                continue
            target, ms = match.group(1), float(match.group(2))
            for kind, links in pages.items():
                if target in links:
                    kinds[kind].append(ms)
                    break
    return kinds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazette", default=".build/release/gazette")
    parser.add_argument("--inputs", nargs="+", default=["Corpora/en", "Corpora/nl", "../shared/corpora/reuters21578/reuters21578.jsonl"])
    parser.add_argument("--work", default="benchmarks/work/serve")
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--results")
    parser.add_argument("--command", default="make bench-serve")
    arguments = parser.parse_args()
    os.makedirs(arguments.work, exist_ok=True)
    annotated = os.path.join(arguments.work, "annotated.jsonl")
    db = os.path.join(arguments.work, "news.sqlite")
    for path in (annotated, db, db + "-wal", db + "-shm"):
        if os.path.exists(path):
            os.remove(path)
    subprocess.run([arguments.gazette, "annotate", *arguments.inputs, "-o", annotated, "--as-of", "2025-09-04", "-q",
                    "--rejects", os.path.join(arguments.work, "rejects.jsonl")], check=False)
    indexed = subprocess.run([arguments.gazette, "index", annotated, "--db", db], check=True, capture_output=True, text=True)
    holding = indexed.stderr.strip().split("it now holds ")[-1]
    log_path = os.path.join(arguments.work, "serve.log")
    log = open(log_path, "w", encoding="utf-8")
    server = subprocess.Popen([arguments.gazette, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    base = line.split("at ")[1].split(" ")[0].rstrip("/")
    import threading
    threading.Thread(target=lambda: [log.write(l) or log.flush() for l in server.stderr], daemon=True).start()
    load_before = os.getloadavg()[0]
    try:
        pages = targets(base)
        results = measure(base, pages, arguments.repeat, log_path)
    finally:
        server.terminate()
        server.wait(timeout=30)
        time.sleep(0.2)
        log.close()
    load_after = os.getloadavg()[0]
    served = server_times(log_path, pages)
    rows = []
    for kind, (times, distinct) in results.items():
        times.sort()
        own = sorted(served[kind])
        rows.append(f"| {kind} | {distinct} | {len(times)} | {statistics.median(times):.1f} | "
                    f"{times[int(len(times) * 0.9) - 1]:.1f} | {times[-1]:.1f} | {statistics.median(own):.1f} |")
    table = ["| page | distinct targets | requests | median ms | p90 ms | max ms | server median ms |",
             "|---|---|---|---|---|---|---|"] + rows
    print("\n".join(table))
    print(f"load average before/after: {load_before:.1f} / {load_after:.1f}")
    if arguments.results:
        when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        section = [
            "", f"## gazette serve page latency ({when}, {commit})", "",
            f"Command: `{arguments.command}`. Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
            f"{platform.release()}. Index: {', '.join(arguments.inputs)} annotated with `--as-of 2025-09-04`; it holds {holding}. "
            f"One request at a time over loopback (urllib, a new connection each), after 3 warm-up requests per kind; "
            f"the targets are found by following the pages' own links (search: the newest-articles page and 6 queries, "
            f"all with facets; facet: facet links of those; article: their hits; entity: entities linked from articles "
            f"and the 4 most frequent ones). Client wall time includes the connection; server time is from its log. "
            f"1-minute load average before and after: {load_before:.1f}, {load_after:.1f} (other processes share the cores).", "",
        ] + table + [""]
        with open(arguments.results, "a", encoding="utf-8") as output:
            output.write("\n".join(section))
    return 0


if __name__ == "__main__":
    import urllib.parse
    sys.exit(main())
