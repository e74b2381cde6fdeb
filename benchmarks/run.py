"""Benchmark of the guidebook build, run from the project root:

    .venv/bin/python benchmarks/run.py

Measures, in one run on this machine: the full web build of every language; the print edition
(when the ``guidebook pdf`` command exists); a one-language preview rebuild after a data edit
(``mkdocs serve``); the weight of every page; and the peer: stock mkdocs-material and
mkdocs-static-i18n building the same pages, with the same text, as plain Markdown. Prints a
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


def runs_of(command, cwd, env=ENV) -> list[float]:
    return [timed(command, cwd, env) for _ in range(RUNS)]


def copy_project(dest: Path) -> Path:
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / part)
    return dest


def peer_project(site: Path, dest: Path) -> Path:
    """The peer: what a user of this stack would otherwise build. Stock mkdocs-material and
    mkdocs-static-i18n, the same languages in the same folders, and the same pages with the same
    text as plain Markdown (each built article's headings and blocks), without macros or the
    guidebook plugin."""
    import material

    from guidebook.languages import EASY, LANGUAGES, SOURCE
    from guidebook.print_edition import pages_in_nav_order

    # Easy Japanese has no ISO 639 code for static-i18n's configuration: the peer builds its
    # pages as a language of their own under a code static-i18n accepts.
    locales = {code: "ja-JP" if code == EASY else code for code in LANGUAGES}
    for lang, locale in locales.items():
        for url, tree in pages_in_nav_order(site, lang):
            lines = []
            for block in tree.find(".//article").iter("h1", "h2", "h3", "h4", "p", "li", "td", "th", "dt", "dd"):
                text = " ".join(block.text_content().split())
                level = int(block.tag[1]) if block.tag in ("h1", "h2", "h3", "h4") else 0
                lines.append(f"{'#' * level} {text}" if level else text)
            target = dest / "docs" / locale / (f"{url.strip('/')}.md" if url else "index.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    # Interface strings for the languages Material has none for (Nepali; Easy Japanese takes
    # Material's Japanese): without them, stock Material cannot build those languages at all.
    stock = Path(material.__file__).parent / "templates/partials/languages"
    strings = dest / "overrides/partials/languages"
    strings.mkdir(parents=True)
    for code, locale in locales.items():
        own = stock / f"{'ja' if code == EASY else code}.html"
        shutil.copy2(own if own.exists() else ROOT / f"overrides/partials/languages/{code}.html", strings / f"{locale}.html")
    languages = "".join(f"        - locale: {locale}\n          name: {LANGUAGES[code]}\n          build: true\n"
                        + ("          default: true\n" if code == SOURCE else "") for code, locale in locales.items())
    (dest / "mkdocs.yml").write_text(
        "site_name: Peer\ntheme:\n  name: material\n  custom_dir: overrides\n  language: ja\n  font: false\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: folder\n      languages:\n" + languages,
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
        # The first build of the copy compiles the theme's templates (kept in Jinja's cache
        # folder, named by file); the later ones reuse them, as a maintainer's builds do.
        full_runs = runs_of(mkdocs + ["-d", str(site)], project)
        full = min(full_runs)
        sys.path.insert(0, str(ROOT))
        peer_dir = peer_project(site, work / "peer")
        peer = min(runs_of(mkdocs + ["-d", str(work / "peer-site")], peer_dir))
        pdf = None
        cli = subprocess.run([sys.executable, "-m", "guidebook.cli", "--help"], cwd=project, capture_output=True, text=True).stdout
        if " pdf" in cli:
            pdf = timed([sys.executable, "-m", "guidebook.cli", "pdf", "--site", str(site)], project)
        # The fee of data/, then fees no other fact has, so that the page shows each only after the rebuild.
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
        print(f"| full web build, {pages} pages in all languages | {full:.1f} s | within 1.2x of the peer |")
        print(f"| the first of them, the templates not yet compiled | {full_runs[0]:.1f} s | |")
        print(f"| peer: stock Material + static-i18n, the same pages as plain Markdown | {peer:.1f} s | |")
        print(f"| ratio | {full / peer:.2f}x | ≤ 1.2x |")
        print(f"| print edition (all PDFs, {os.cpu_count()} processes) | {f'{pdf:.1f} s' if pdf is not None else 'not measured (no guidebook pdf)'} | ≤ 20 s |")
        print(f"| one-language preview rebuild after a data edit | {preview:.2f} s | < 1 s |")
        print(f"| heaviest page, compressed, with its CSS and JS | {heaviest[1] / 1024:.0f} KB ({heaviest[0]}) | ≤ 150 KB |")
        print(f"| median page, compressed | {statistics.median(w for _, w in weights) / 1024:.0f} KB | |")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
