#!/usr/bin/env python3
"""Times trafilatura on the cleaning corpus and writes its predictions for `gazette eval-cleaning --predictions`.

Settings: trafilatura.bare_extraction(html, include_comments=False, with_metadata=True), default balance
(neither favor_precision nor favor_recall), body as plain text. Pages are read and decoded to str before
timing, so the time is extraction (parsing, boilerplate removal, metadata) only. One warm-up pass produces
the predictions; then `--repeat` timed passes.
"""
import argparse
import json
import time
from pathlib import Path

import trafilatura


def extract(html):
    document = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if document is None:
        return {"title": None, "published": None, "body": "", "language": None}
    return {"title": document.title, "published": document.date, "body": document.text or "", "language": document.language}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default="Corpora/cleaning")
    parser.add_argument("--out", required=True, help="directory for NAME.json predictions")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    files = sorted((Path(args.corpus) / "pages").glob("*.html"))
    pages = [(path.stem, path.read_bytes()) for path in files]
    texts = [(name, data.decode("utf-8")) for name, data in pages]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, html in texts:
        (out / (name + ".json")).write_text(json.dumps(extract(html), ensure_ascii=False, indent=1), encoding="utf-8")
    start = time.perf_counter()
    for _ in range(args.repeat):
        for _, html in texts:
            extract(html)
    seconds = time.perf_counter() - start
    total = sum(len(data) for _, data in pages)
    print(json.dumps({"pages": len(pages), "bytes": total, "repeat": args.repeat, "seconds": round(seconds, 4),
                      "pages_per_second": round(len(pages) * args.repeat / seconds, 1),
                      "mb_per_second": round(total * args.repeat / 1e6 / seconds, 2),
                      "trafilatura": trafilatura.__version__}))


if __name__ == "__main__":
    main()
