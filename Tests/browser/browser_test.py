#!/usr/bin/env python3
"""Browser test of `gazette render` and `gazette serve`, run by `make test-browser` (part of `make test`).

Annotates Corpora/ plus a hostile article (markup and attribute-breaking quotes in its text) with the gazette
binary, renders the output with `gazette render`, indexes it and starts `gazette serve` on a free loopback port.
Then headless Chromium, driven over the DevTools protocol with real mouse clicks, goes search -> facet ->
article -> entity, checks the DOM at each step (highlighted entities present and counted, evidence lit on
hover, facet narrowing, no dialog opened, no element injected by article text) and saves screenshots in
out/screenshots/. Exit status 0 when every check holds.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import DevTools  # noqa: E402

HOSTILE_TEXT = ("Paris <script>alert(1)</script> and \"><img src=x onerror=alert(2)> met. "
                "French President Emmanuel Macron said ' onmouseover='alert(3)' x=' in Paris. "
                "<script>window.__injected = 1</script><img src=x onerror=\"window.__injected = 2\">")
HOSTILE = {"id": "hostile-article", "title": "Hostile \"><script>alert(4)</script> headline",
           "published": "2025-09-30", "text": HOSTILE_TEXT}


class Checks:
    def __init__(self):
        self.failures = []
        self.passed = 0

    def expect(self, condition, message):
        if condition:
            self.passed += 1
            print(f"  ok   {message}")
        else:
            self.failures.append(message)
            print(f"  FAIL {message}")


class Browser(DevTools):
    """A page target that records and dismisses JavaScript dialogs (none may open)."""

    def __init__(self, ws_url):
        super().__init__(ws_url)
        self.dialogs = []

    def on_event(self, message):
        if message["method"] == "Page.javascriptDialogOpening":
            self.dialogs.append(message["params"].get("message"))
            self.call("Page.handleJavaScriptDialog", accept=False)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluation failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def navigate(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def click(self, selector):
        """A real mouse click on the centre of the first element matching selector; waits for the next page."""
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + Math.min(r.width / 2, 20), r.top + r.height / 2]; }})()""")
        if box is None:
            raise RuntimeError(f"nothing to click at {selector}")
        self.events.clear()
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        self.wait_for("Page.loadEventFired")

    def hover(self, selector):
        box = self.evaluate(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + 5, r.top + r.height / 2]; }})()""")
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as output:
            output.write(base64.b64decode(data))


def run(command, **kwargs):
    print("$ " + " ".join(command))
    return subprocess.run(command, check=True, **kwargs)


def start_server(gazette, db):
    server = subprocess.Popen([gazette, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    if "serving" not in line:
        server.kill()
        raise RuntimeError(f"gazette serve did not start: {line}")
    return server, line.split("at ")[1].split(" ")[0].rstrip("/")


def start_chromium(chromium, profile):
    arguments = [chromium, "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                 "--remote-debugging-port=0", "--window-size=1280,900", "--hide-scrollbars",
                 f"--user-data-dir={profile}", "about:blank"]
    if os.geteuid() == 0:
        arguments.insert(1, "--no-sandbox")
    browser = subprocess.Popen(arguments, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = browser.stderr.readline()
        if "DevTools listening on" in line:
            port = line.split("ws://")[1].split("/")[0]
            targets = json.load(urllib.request.urlopen(f"http://{port}/json/list"))
            page = next(t for t in targets if t["type"] == "page")
            return browser, page["webSocketDebuggerUrl"]
        if not line and browser.poll() is not None:
            break
    browser.kill()
    raise RuntimeError("chromium did not start its DevTools endpoint")


def counts_in(jsonl, document_id=None):
    entities = relations = 0
    with open(jsonl, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if document_id is None or article["id"] == document_id:
                entities += len(article["entities"])
                relations += len(article["relations"])
    return entities, relations


def no_injection(page, checks, where):
    checks.expect(page.evaluate("document.querySelectorAll('body script, .doc img, .doc svg, .doc iframe').length") == 0,
                  f"{where}: no element injected by article text")
    checks.expect(page.evaluate("typeof window.__injected === 'undefined'"), f"{where}: no injected script ran")
    checks.expect(not page.dialogs, f"{where}: no dialog opened (saw {page.dialogs})")


def detector_works(page, checks):
    """The checks below can fail: a page that does run a script is caught (a dialog and a global)."""
    page.navigate("data:text/html,<p>control</p><script>window.__injected = 1; alert('control')</script>")
    checks.expect(page.dialogs == ["control"], "control: a real alert() is detected")
    checks.expect(page.evaluate("window.__injected") == 1, "control: a real injected script is detected")
    page.dialogs.clear()


def browse(page, base, work, shots, checks):
    """search -> facet -> article -> entity on the served index."""
    page.navigate(base + "/search?q=minister")
    hits = page.evaluate("document.querySelectorAll('li.hit').length")
    checks.expect(hits > 0, f"search: {hits} hits for 'minister'")
    checks.expect(page.evaluate("document.querySelectorAll('.snippet mark').length") > 0, "search: matches marked in snippets")
    total = page.evaluate("parseInt(document.querySelector('.hits .count').textContent)")
    page.screenshot(os.path.join(shots, "search.png"))

    facet = page.evaluate("document.querySelector('a.facet').textContent")
    page.click("a.facet")
    narrowed = page.evaluate("parseInt(document.querySelector('.hits .count').textContent)")
    checks.expect("entity=" in page.evaluate("location.search") and "q=minister" in page.evaluate("location.search"),
                  f"facet: clicking '{facet}' adds an entity filter and keeps the query")
    checks.expect(0 < narrowed <= total, f"facet: {narrowed} of {total} hits remain")
    checks.expect(page.evaluate("document.querySelectorAll('p.filters a').length") >= 1, "facet: the filter is listed with a remove link")
    page.screenshot(os.path.join(shots, "facet.png"))

    page.click("li.hit a.title")
    article_id = page.evaluate("new URLSearchParams(location.search).get('id')")
    entities, relations = counts_in(os.path.join(work, "annotated.jsonl"), article_id)
    shown = page.evaluate("document.querySelectorAll('.doc .text .ent[id]').length")
    listed = page.evaluate("document.querySelectorAll('.doc li.rel').length")
    checks.expect(shown == entities and entities > 0, f"article: {shown} of {entities} entities highlighted in the DOM")
    checks.expect(listed == relations, f"article: {listed} of {relations} relations listed")
    page.hover("li.rel.r0")
    lit = page.evaluate("getComputedStyle(document.querySelector('.x0')).backgroundColor")
    checks.expect(lit == "rgb(255, 213, 74)", f"article: hovering a relation lights its evidence ({lit})")
    page.evaluate("document.querySelector('.doc .text .ent[id]').focus()")
    checks.expect(page.evaluate("getComputedStyle(document.querySelector('.doc .text .ent[id] > .tip')).display") == "block",
                  "article: focusing a mention shows its details")
    page.screenshot(os.path.join(shots, "article.png"))

    page.click(".doc .text .ent[id] > .tip a[href^='/entity']")
    checks.expect(page.evaluate("location.pathname") == "/entity", "entity: the kb link opens the entity page")
    checks.expect(page.evaluate("document.querySelectorAll('ol.articles li').length") > 0, "entity: lists its articles")
    dates = page.evaluate("[...document.querySelectorAll('ol.articles time')].map(t => t.textContent).filter(t => t !== 'undated')")
    checks.expect(dates == sorted(dates, reverse=True), "entity: articles newest first")
    checks.expect(page.evaluate("document.body.innerText.includes('Relations over time')"), "entity: relations over time shown")
    page.screenshot(os.path.join(shots, "entity.png"))
    no_injection(page, checks, "browse")


def hostile(page, base, work, shots, checks):
    """The hostile article renders as visible text, in serve and in render."""
    page.navigate(base + "/search?q=onerror")
    page.click("li.hit a.title")
    text = page.evaluate("document.querySelector('.doc .text').innerText")
    checks.expect("<script>alert(1)</script>" in text, "serve: <script> in the text is shown as text")
    checks.expect("\"><img src=x onerror=alert(2)>" in text, "serve: attribute-breaking quotes are shown as text")
    checks.expect("Hostile \"><script>alert(4)</script> headline" in page.evaluate("document.querySelector('h2').innerText"),
                  "serve: the title is shown as text")
    no_injection(page, checks, "serve hostile article")
    page.screenshot(os.path.join(shots, "hostile-serve.png"))

    page.navigate("file://" + os.path.join(work, "page.html"))
    entities, relations = counts_in(os.path.join(work, "annotated.jsonl"))
    shown = page.evaluate("document.querySelectorAll('.doc .text .ent[id]').length")
    listed = page.evaluate("document.querySelectorAll('.doc li.rel').length")
    checks.expect(shown == entities, f"render: {shown} of {entities} entities of the input in the DOM")
    checks.expect(listed == relations, f"render: {listed} of {relations} relations of the input in the DOM")
    body = page.evaluate("document.body.innerText")
    checks.expect("<script>alert(1)</script>" in body and "onmouseover='alert(3)'" in body, "render: hostile text is visible as text")
    checks.expect(page.evaluate("document.querySelectorAll('script').length") == 0, "render: the page has no script at all")
    no_injection(page, checks, "render page")
    page.screenshot(os.path.join(shots, "render.png"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazette", default=".build/debug/gazette")
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    parser.add_argument("--screenshots", default="out/screenshots")
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gazette-browser-")
    with open(os.path.join(work, "hostile.jsonl"), "w", encoding="utf-8") as output:
        output.write(json.dumps(HOSTILE) + "\n")
    gazette = os.path.abspath(arguments.gazette)
    run([gazette, "annotate", "Corpora/en", "Corpora/nl", os.path.join(work, "hostile.jsonl"), "--as-of", "2025-09-04",
         "-o", os.path.join(work, "annotated.jsonl"), "--rejects", os.path.join(work, "rejects.jsonl"), "-q"])
    run([gazette, "render", os.path.join(work, "annotated.jsonl"), "-o", os.path.join(work, "page.html")])
    run([gazette, "index", os.path.join(work, "annotated.jsonl"), "--db", os.path.join(work, "news.sqlite")])
    server, base = start_server(gazette, os.path.join(work, "news.sqlite"))
    browser, ws_url = start_chromium(arguments.chromium, os.path.join(work, "profile"))
    checks = Checks()
    try:
        page = Browser(ws_url)
        page.call("Page.enable")
        page.call("Runtime.enable")
        detector_works(page, checks)
        browse(page, base, work, arguments.screenshots, checks)
        hostile(page, base, work, arguments.screenshots, checks)
        page.close()
    finally:
        browser.terminate()
        server.terminate()
        browser.wait(timeout=30)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(f"browser test: {checks.passed} checks passed, {len(checks.failures)} failed; screenshots in {arguments.screenshots}/")
    return 1 if checks.failures else 0


if __name__ == "__main__":
    sys.exit(main())
