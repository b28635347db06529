#!/usr/bin/env python3
"""Times trafilatura on external cleaning sets (DIR/pages/<id>.html + DIR/gold.jsonl) and writes its outputs.

Settings as the sets' score.py: trafilatura.extract(html, include_comments=False). Pages are read and decoded
(BOM, else UTF-8, else <meta charset>, else cp1252, as score.py does) before timing, so the time is extraction
only. --repeat timed passes per set (outputs of the first are kept in memory and written afterwards to
OUT/<set>/<id>.txt). Prints one JSON line per set: set, pages, bytes, seconds, pages_per_second.
"""
import argparse
import json
import re
import time
from pathlib import Path

import trafilatura

CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
ALIAS = {"gb2312": "gb18030", "gbk": "gb18030", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
         "us-ascii": "cp1252", "ascii": "cp1252", "shift_jis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949",
         "big5": "big5hkscs", "utf8": "utf-8", "unicode": "utf-8"}


def decode(data):
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = CHARSET.search(data[:8192])
    if match:
        encoding = match.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(ALIAS.get(encoding, encoding), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def extract(html):
    return trafilatura.extract(html, include_comments=False) or ""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", action="append", required=True, help="set directory (repeatable)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    for directory in map(Path, args.set):
        ids = [json.loads(line)["id"] for line in (directory / "gold.jsonl").open(encoding="utf-8") if line.strip()]
        raw = [(page, (directory / "pages" / (page + ".html")).read_bytes()) for page in ids]
        texts = [(page, decode(data)) for page, data in raw]
        start = time.perf_counter()
        outputs = [extract(html) for _, html in texts]
        for _ in range(args.repeat - 1):
            for _, html in texts:
                extract(html)
        seconds = time.perf_counter() - start
        out = Path(args.out) / directory.name
        out.mkdir(parents=True, exist_ok=True)
        for (page, _), text in zip(texts, outputs):
            (out / (page + ".txt")).write_text(text, encoding="utf-8")
        print(json.dumps({"set": directory.name, "pages": len(texts), "bytes": sum(len(d) for _, d in raw),
                          "seconds": round(seconds, 3), "pages_per_second": round(len(texts) * args.repeat / seconds, 1),
                          "trafilatura": trafilatura.__version__}), flush=True)


if __name__ == "__main__":
    main()
