"""Benchmark of the guidebook build, run from the project root:

    .venv/bin/python benchmarks/run.py

Measures, in one run on this machine: the full web build of every language; the print edition
(when the ``guidebook pdf`` command exists); a one-language preview rebuild after a data edit
(``mkdocs serve``); the weight of every page; and a plain mkdocs-material build of a generated
Markdown corpus with the same number and size of pages, without macros or i18n. Prints a
Markdown report for benchmarks/README.md."""

from __future__ import annotations

import gzip
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("content", "data", "guidebook", "locales", "macros", "overrides", "print", "mkdocs.yml")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
RUNS = 3


def timed(command, cwd, env=ENV) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def best_of(command, cwd, env=ENV) -> float:
    return min(timed(command, cwd, env) for _ in range(RUNS))


def copy_project(dest: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / part)
    return dest


def plain_corpus(site: Path, dest: Path) -> Path:
    """As many Markdown pages as the site has, each as long as the text of one built page."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    pages = sorted(p for p in site.rglob("index.html") if "pdf" not in p.parts and "data" not in p.parts)
    for n, page in enumerate(pages):
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))
        words = len(text.split())
        body = "\n\n".join(f"## Section {i}\n\n" + " ".join(["guidebook text"] * 60) for i in range(max(1, words // 120)))
        (docs / ("index.md" if n == 0 else f"page-{n}.md")).write_text(f"# Page {n}\n\n{body}\n", encoding="utf-8")
    (dest / "mkdocs.yml").write_text("site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n",
                                     encoding="utf-8")
    return dest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def preview_rebuild(project: Path, old: int, new: int) -> float:
    """Seconds from a data edit (a fee from ``old`` to ``new`` yen) until the preview server
    serves the page with the new value."""
    port = free_port()
    env = {**ENV, "GUIDEBOOK_LANGUAGE": "en", "GUIDEBOOK_SITE_URL": f"http://127.0.0.1:{port}/"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/benefits/"
    try:
        _wait_for(url, lambda text: f"¥{old}" in text, 120)
        fees = project / "data/fees.yml"
        started = time.perf_counter()
        fees.write_text(fees.read_text(encoding="utf-8").replace(f"住民票の写し, counter: {old}",
                                                                 f"住民票の写し, counter: {new}"), encoding="utf-8")
        _wait_for(url, lambda text: f"¥{new}" in text, 60)
        return time.perf_counter() - started
    finally:
        server.terminate()
        server.wait()


def _wait_for(url, ready, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
            if ready(text):
                return text
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(url)


def page_weights(site: Path) -> list[tuple[str, int]]:
    """Compressed bytes of each page with its CSS and JavaScript (the search index excluded)."""
    weights = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        total = len(gzip.compress(html.encode("utf-8"), mtime=0))
        for ref in re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js))"', html):
            asset = (page.parent / ref).resolve()
            if asset.is_file():
                total += len(gzip.compress(asset.read_bytes(), mtime=0))
        weights.append((str(page.relative_to(site)), total))
    return weights


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="guidebook-bench-"))
    try:
        project = copy_project(work / "project")
        site = work / "site"
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
        full = best_of(mkdocs + ["-d", str(site)], project)
        corpus = plain_corpus(site, work / "plain")
        plain = best_of(mkdocs + ["-d", str(work / "plain-site")], corpus)
        pdf = None
        cli = subprocess.run([sys.executable, "-m", "guidebook.cli", "--help"], cwd=project, capture_output=True, text=True).stdout
        if " pdf" in cli:
            pdf = timed([sys.executable, "-m", "guidebook.cli", "pdf", "--site", str(site)], project)
        # The fee of data/, then fees no other fact has, so that the page shows each only after the rebuild.
        sys.path.insert(0, str(ROOT))
        from guidebook.data import load

        old = load().fees.certificates["juminhyo"].counter
        fees = [old] + [old + 70 + 10 * n for n in range(RUNS)]
        preview = min(preview_rebuild(project, fees[n], fees[n + 1]) for n in range(RUNS))
        weights = page_weights(site)
        pages = len(list(site.rglob("index.html")))
        heaviest = max(weights, key=lambda item: item[1])
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), platform.processor())
        print(f"Machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()} {platform.release()}")
        print(f"Date: {time.strftime('%Y-%m-%d')}; best of {RUNS} runs where repeated\n")
        print("| measure | result | target |\n|---|---|---|")
        print(f"| full web build, {pages} pages in all languages | {full:.1f} s | within 1.5x of the plain build |")
        print(f"| plain mkdocs-material build, same number and size of pages | {plain:.1f} s | |")
        print(f"| ratio | {full / plain:.2f}x | ≤ 1.5x |")
        print(f"| print edition (all PDFs) | {f'{pdf:.1f} s' if pdf is not None else 'not measured (no guidebook pdf)'} | |")
        print(f"| one-language preview rebuild after a data edit | {preview:.2f} s | < 2 s |")
        print(f"| heaviest page, compressed, with its CSS and JS | {heaviest[1] / 1024:.0f} KB ({heaviest[0]}) | ≤ 150 KB |")
        print(f"| median page, compressed | {statistics.median(w for _, w in weights) / 1024:.0f} KB | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
