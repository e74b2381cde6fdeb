"""Serving a built site on localhost and opening it in Debian's Chromium through Playwright."""

from __future__ import annotations

import contextlib
import re
import functools
import http.server
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# axe-core, pinned in package.json and installed into node_modules/ by the Makefile.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Without these, Chromium tries to reach Google's hosts at start-up; this machine has no network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path):
    """The site on http://127.0.0.1:<free port>/, for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def site_pages(site: Path, languages) -> list[str]:
    """Every page of every language, as addresses relative to the site root: the content pages
    ("", "en/faq/") and each language's 404 page ("404.html", "en/404.html")."""
    from tracing import pages

    from guidebook.languages import folder

    found = []
    for lang in languages:
        prefix = folder(lang)
        found += [prefix + ("" if name == "." else f"{name}/") for name in pages(site, lang, languages)]
        if (site / prefix / "404.html").exists():
            found.append(f"{prefix}404.html")
    return found


def contrast(color: str, background: str) -> float:
    """WCAG's contrast ratio of two computed colours ("rgb(r, g, b)")."""
    def luminance(css: str) -> float:
        channels = [int(part) / 255 for part in re.findall(r"\d+", css)[:3]]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(color), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
