#!/usr/bin/env python3
"""Assembles the fuzz seed corpora from Corpora/ (and the reader test fixtures) at run time.

Nothing is committed twice: each target's seeds are written into OUT/<target>/ (a git-ignored directory that
libFuzzer then grows). Container formats that Corpora/ does not hold (RSS, Atom, Reuters SGML, WARC, JSONL)
are built here around the corpus texts, so every seed is a small valid input of its reader.
"""
import gzip
import html
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else root / ".build-fuzz" / "corpus")
corpora = root / "Corpora"
fixtures = root / "Tests" / "GazetteReadersTests" / "Fixtures"

texts = sorted((corpora / "en").glob("*.txt")) + sorted((corpora / "nl").glob("*.txt"))
pages = sorted((corpora / "en").glob("*.html")) + sorted((corpora / "nl").glob("*.html"))
cleaning = sorted((corpora / "cleaning" / "pages").glob("*.html"))[:4]


def article(path):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], lines[1:4]


def write(target, name, data):
    directory = out / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


# HTML: the corpus pages and a few cleaning pages.
for path in pages + cleaning:
    write("FuzzHTML", path.name, path.read_bytes())

# Text for segmentation, matching and relations: the corpus texts, cut to their first paragraphs.
for path in texts:
    title, paragraphs = article(path)
    write("FuzzAnnotate", path.name, "\n\n".join([title] + paragraphs))

# Feeds: byte 0 picks the reader (0 rss, 1 atom, 2 nitf, 3 xml), as in Fuzz/FuzzFeed.
for name in ["three-items.rss", "two-entries.atom", "article.nitf"]:
    selector = {"rss": 0, "atom": 1, "nitf": 2}[name.rsplit(".", 1)[1]]
    write("FuzzFeed", name, bytes([selector]) + (fixtures / name).read_bytes())
for number, path in enumerate(texts[:3]):
    title, paragraphs = article(path)
    items = "".join(
        f"<item><guid>item-{number}-{index}</guid><title>{html.escape(title)}</title>"
        f"<pubDate>Thu, 04 Sep 2025 10:00:00 GMT</pubDate>"
        f"<description>{html.escape('<p>' + paragraph + '</p>')}</description></item>"
        for index, paragraph in enumerate(paragraphs))
    write("FuzzFeed", f"{path.stem}.rss", b"\x00" + f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Corpus</title>{items}</channel></rss>'.encode())
    entries = "".join(
        f'<entry><id>urn:{number}:{index}</id><title>{html.escape(title)}</title><updated>2025-09-04T10:00:00Z</updated>'
        f'<content type="html">{html.escape("<p>" + paragraph + "</p>")}</content></entry>'
        for index, paragraph in enumerate(paragraphs))
    write("FuzzFeed", f"{path.stem}.atom", b"\x01" + f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Corpus</title>{entries}</feed>'.encode())
    write("FuzzFeed", f"{path.stem}.xml", b"\x03" + f'<?xml version="1.0"?><doc><h>{html.escape(title)}</h>{"".join("<p>" + html.escape(p) + "</p>" for p in paragraphs)}</doc>'.encode())

# Reuters-21578 SGML: a few articles per file, one with a control reference and one truncated.
for number, path in enumerate(texts[:4]):
    title, paragraphs = article(path)
    body = "\n".join("    " + html.escape(p) for p in paragraphs) + "\n Reuter\n&#3;"
    reuters = (f'<REUTERS TOPICS="YES" NEWID="{number * 2 + 1}"><DATE>26-FEB-1987 15:01:01.79</DATE>'
               f'<TEXT>&#2;\n<TITLE>{html.escape(title).upper()}</TITLE>\n<DATELINE>    PARIS, Feb 26 - </DATELINE>'
               f'<BODY>{body}</BODY></TEXT></REUTERS>\n')
    extra = f'<REUTERS NEWID="{number * 2 + 2}"><TEXT TYPE="UNPROC">&#2;\n{html.escape(paragraphs[0])}\n&#3;</TEXT></REUTERS>\n'
    tail = '<REUTERS NEWID="99"><TEXT><TITLE>CUT' if number == 3 else ""
    write("FuzzSGML", f"{path.stem}.sgm", '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + reuters + extra + tail)


# WARC: warcinfo, request, response (plain, chunked, gzip-encoded), metadata.
def record(kind, record_id, content_type, block):
    header = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
              f"WARC-Date: 2025-09-04T10:00:00Z\r\nWARC-Target-URI: https://news.example/{record_id}\r\n"
              f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return header + block + b"\r\n\r\n"


def http(body, extra=b""):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra
            + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


for number, path in enumerate(pages[:3]):
    page = path.read_bytes()[:6000]
    records = record("warcinfo", f"info-{number}", "application/warc-fields", b"software: gazette-seeds\r\n")
    records += record("request", f"req-{number}", "application/http; msgtype=request", b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n")
    if number == 0:
        records += record("response", f"resp-{number}", "application/http; msgtype=response", http(page))
    elif number == 1:
        chunked = b"".join(b"%x\r\n" % len(page[i:i + 1000]) + page[i:i + 1000] + b"\r\n" for i in range(0, len(page), 1000)) + b"0\r\n\r\n"
        records += record("response", f"resp-{number}", "application/http; msgtype=response",
                          b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked)
    else:
        records += record("response", f"resp-{number}", "application/http; msgtype=response",
                          http(gzip.compress(page, mtime=0), b"Content-Encoding: gzip\r\n"))
    records += record("resource", f"res-{number}", "text/plain; charset=utf-8", texts[number].read_bytes()[:2000])
    records += record("metadata", f"meta-{number}", "application/warc-fields", b"outlink: https://news.example/\r\n")
    write("FuzzWARC", f"{path.stem}.warc", records)

# WARC as older crawlers write it: WARC/0.17, a deflate-encoded page, a resource log, robots.txt, a truncated end.
import zlib
page = pages[0].read_bytes()[:4000]
old = record("response", "resp-deflate", "application/http; msgtype=response",
             http(zlib.compress(page), b"Content-Encoding: deflate\r\n")).replace(b"WARC/1.1", b"WARC/0.17")
old += record("resource", "wget-log", "text/plain", b"--2025-09-04-- https://news.example/\r\n").replace(
    b"https://news.example/wget-log", b"metadata://gnu.org/software/wget/warc/wget.log")
old += record("response", "robots", "application/http; msgtype=response", http(b"User-agent: *\nDisallow:\n")).replace(
    b"https://news.example/robots", b"https://news.example/robots.txt")
old += record("response", "cut", "application/http; msgtype=response", http(page))[:-700]
write("FuzzWARC", "older-crawlers.warc", old)

# Feeds in a legacy charset without a declaration, and one with an XML error after its first item.
latin = "<rss><channel><item><title>Caf\u00e9 \u201cna\u00efve\u201d</title><description>Premi\u00e8re</description></item></channel></rss>"
write("FuzzFeed", "cp1252.rss", b"\x00" + latin.encode("cp1252"))
write("FuzzFeed", "damaged.rss", b"\x00" + b"<rss><channel><item><title>One</title></item><item><title>Two</b></item></channel></rss>")

# NewsML: a G2 message (package + text item with inline XHTML) and a 1.x file with escaped HTML, from corpus texts.
for number, path in enumerate(texts[:3]):
    title, paragraphs = article(path)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    g2 = (f'<?xml version="1.0" encoding="UTF-8"?><newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
          f'<packageItem guid="pkg-{number}"><groupSet><group><itemRef residref="item-{number}"/></group></groupSet></packageItem>'
          f'<newsItem guid="item-{number}" version="2" xml:lang="en"><itemMeta><itemClass qcode="ninat:text"/>'
          f'<firstCreated>2025-09-04T10:00:00Z</firstCreated></itemMeta><contentMeta><headline>{html.escape(title)}</headline>'
          f'<by>Staff</by><dateline>PARIS</dateline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">'
          f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{body}</body></html></inlineXML></contentSet></newsItem>'
          f'</itemSet></newsMessage>')
    write("FuzzNewsML", f"{path.stem}-g2.xml", g2)
    one = (f'<?xml version="1.0" encoding="UTF-8"?><NewsML><NewsEnvelope><DateAndTime>20250904T100000Z</DateAndTime></NewsEnvelope>'
           f'<NewsItem><Identification><NewsIdentifier><PublicIdentifier>urn:newsml:example:{number}</PublicIdentifier>'
           f'</NewsIdentifier></Identification><NewsManagement><FirstCreated>20250904T095900+0200</FirstCreated></NewsManagement>'
           f'<NewsComponent><NewsLines><HeadLine>{html.escape(title)}</HeadLine></NewsLines><ContentItem>'
           f'<MediaType FormalName="Text"/><Format FormalName="HTML"/><DataContent><![CDATA[{body}]]></DataContent>'
           f'</ContentItem></NewsComponent></NewsItem></NewsML>')
    write("FuzzNewsML", f"{path.stem}-1.xml", one)

# Dates as feeds write them.
for number, text in enumerate(["Thu, 04 Sep 2025 10:00:00 GMT", "Seg, 24 Set 2018 10:00:00 -0300",
                               "Sat, Dec 16 2023 02:02:33 PM", "mardi 4 mars 2025 14h30", "24. September 2018 10:00 MESZ",
                               "2025-09-04T10:00:00.000+02:00", "26-FEB-1987 15:01:01.79", "20140829T134951+0000"]):
    write("FuzzDate", f"date-{number}.txt", text)

# JSONL: lines of the gold input, one with HTML, one malformed.
lines = (corpora / "gold" / "input.jsonl").read_text(encoding="utf-8").splitlines()
for number in range(3):
    records = [json.loads(line) for line in lines[number * 2:number * 2 + 2]]
    for record_ in records:
        record_["text"] = record_["text"][:1500]
    encoded = [json.dumps(r, ensure_ascii=False) for r in records]
    encoded.append(json.dumps({"id": f"html-{number}", "html": "<p>" + html.escape(records[0]["text"][:400]) + "</p>",
                               "title": records[0].get("title", ""), "published": "2025-09-04"}))
    if number == 2:
        encoded.append('{"id": 7, "text": ["not", "a", "string"]}')
        encoded.append('{"id": "broken", "text": "unterminated')
    write("FuzzJSONL", f"gold-{number}.jsonl", "\n".join(encoded) + "\n")

for target in sorted(path.name for path in out.iterdir()):
    files = list((out / target).iterdir())
    print(f"{target}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} bytes")
