#!/usr/bin/env python3
"""Opens an audit report's index.html in headless Chromium over the DevTools protocol (on
loopback), and checks that the page rendered: its title, at least one SVG chart with a
non-zero size, the coverage table, no console error or uncaught exception, and no request
other than the page itself (the page must be self-contained). Takes a full-page screenshot
(and one of the first screen, NAME-top.png) and prints the page to A4 PDF (NAME.pdf; one
page break per department at least).

Usage: check_report_page.py INDEX_HTML SCREENSHOT_PNG EXPECTED_TITLE MIN_PDF_PAGES
Prints one JSON object with what it saw; exits 0 when every check passed, 1 when one
failed, 3 when no browser could be started.
"""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client

BROWSERS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


def start_browser(profile):
    binary = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if binary is None:
        return None, None
    proc = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--remote-debugging-address=127.0.0.1",
         "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            if proc.poll() is not None:
                return proc, None
            continue
        m = re.search(r"DevTools listening on (ws://127\.0\.0\.1:(\d+)/\S+)", line)
        if m:
            return proc, int(m.group(2))
    return proc, None


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        for e in self.events:
            if e["method"] == method:
                return e
        while time.time() < deadline:
            msg = json.loads(self.ws.recv())
            if "method" in msg:
                self.events.append(msg)
                if msg["method"] == method:
                    return msg
        raise TimeoutError(method)

    def drain(self, seconds):
        """Collects events for a short while (late console messages, requests)."""
        self.ws.settimeout(0.2)
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                msg = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                continue
            if "method" in msg:
                self.events.append(msg)
        self.ws.settimeout(30)


PROBE = r"""
(() => {
  const svgs = [...document.querySelectorAll('svg')].map(s => {
    const r = s.getBoundingClientRect();
    return {id: s.id, width: r.width, height: r.height, rects: s.querySelectorAll('rect').length};
  });
  const coverage = [...document.querySelectorAll('table.coverage-table')];
  const cjk = document.body.innerText.match(/[\u3040-\u30ff\u4e00-\u9fff]/g) || [];
  return JSON.stringify({
    title: document.title,
    svgs,
    coverageTables: coverage.length,
    coverageRows: coverage.reduce((n, t) => n + t.querySelectorAll('tbody tr').length, 0),
    departmentSections: document.querySelectorAll('section.department').length,
    scripts: document.querySelectorAll('script').length,
    externalRefs: [...document.querySelectorAll('[src], link[href]')].map(e => e.getAttribute('src') || e.getAttribute('href')),
    cjkCharacters: cjk.length,
    height: document.documentElement.scrollHeight,
  });
})()
"""


def main():
    index, screenshot, expected_title, min_pages = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    url = "file://" + os.path.abspath(index)
    profile = tempfile.mkdtemp(prefix="sheetlint-browser-")
    proc, port = start_browser(profile)
    if port is None:
        print(json.dumps({"skipped": "no browser could be started (chromium not installed?)"}))
        if proc:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
        return 3
    failures = []
    try:
        targets = json.load(urllib.request.urlopen("http://127.0.0.1:%d/json/list" % port, timeout=10))
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(page_target["webSocketDebuggerUrl"])
        for domain in ["Page.enable", "Runtime.enable", "Log.enable", "Network.enable"]:
            page.call(domain)
        page.events.clear()
        page.call("Page.navigate", url=url)
        page.wait_for("Page.loadEventFired")
        page.drain(1.0)
        seen = json.loads(page.call("Runtime.evaluate", expression=PROBE, returnByValue=True)["result"]["value"])

        requests = [e["params"]["request"]["url"] for e in page.events if e["method"] == "Network.requestWillBeSent"]
        others = [r for r in requests if r != url]
        errors = [e["params"]["args"][0].get("value", "") for e in page.events
                  if e["method"] == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert")]
        errors += [e["params"]["exceptionDetails"].get("text", "") for e in page.events if e["method"] == "Runtime.exceptionThrown"]
        errors += [e["params"]["entry"]["text"] for e in page.events
                   if e["method"] == "Log.entryAdded" and e["params"]["entry"]["level"] == "error"]
        seen.update({"requests": requests, "consoleErrors": errors})

        if seen["title"] != expected_title:
            failures.append("title is %r, expected %r" % (seen["title"], expected_title))
        if not any(s["width"] > 0 and s["height"] > 0 and s["rects"] > 0 for s in seen["svgs"] if s["id"] == "findings-chart"):
            failures.append("no findings chart (svg#findings-chart) with a non-zero size and bars: %r" % seen["svgs"])
        if seen["coverageTables"] < 1 or seen["coverageRows"] < 1:
            failures.append("no coverage table with rows")
        if others:
            failures.append("requests other than the page itself: %r" % others)
        if errors:
            failures.append("console errors: %r" % errors)
        if seen["scripts"] or seen["externalRefs"]:
            failures.append("scripts or external references in the page: %r" % seen["externalRefs"])
        if seen["cjkCharacters"] < 20:
            failures.append("the page shows almost no Japanese text")

        width = 1280
        height = min(max(900, int(seen["height"])), 16000)
        page.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)
        shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        data = base64.b64decode(shot["data"])
        with open(screenshot, "wb") as f:
            f.write(data)
        seen["screenshotBytes"] = len(data)
        # The first screen alone, as a reader sees it on a laptop (for docs/report.md).
        top = page.call("Page.captureScreenshot", format="png",
                        clip={"x": 0, "y": 0, "width": width, "height": 900, "scale": 1})
        with open(os.path.splitext(screenshot)[0] + "-top.png", "wb") as f:
            f.write(base64.b64decode(top["data"]))
        if len(data) < 10000:
            failures.append("the screenshot is nearly empty (%d bytes)" % len(data))

        pdf = base64.b64decode(page.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69,
                                         preferCSSPageSize=True, printBackground=True)["data"])
        pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
        seen["pdfPages"] = pages
        if pages < min_pages:
            failures.append("printed on %d A4 pages, expected at least %d (a page break per department)" % (pages, min_pages))
        with open(os.path.splitext(screenshot)[0] + ".pdf", "wb") as f:
            f.write(pdf)
    except Exception as e:  # a protocol failure is a failed check, with its reason
        failures.append("%s: %s" % (type(e).__name__, e))
        seen = locals().get("seen", {})
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    seen["failures"] = failures
    print(json.dumps(seen, ensure_ascii=False))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
