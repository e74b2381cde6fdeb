import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# What a copy of the project needs to build.
PROJECT_PARTS = ("content", "data", "guidebook", "locales", "macros", "overrides", "print", "mkdocs.yml")


def build(project: Path, out: Path, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Build ``project`` into ``out`` as ``make site`` does (``guidebook build``: strict MkDocs),
    for ``site_url``, if given."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    if site_url:
        env["GUIDEBOOK_SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "guidebook.cli", "build", "--site", str(out)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file of a copy by ``new``; fail if the edit no longer applies."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The guidebook built from the working tree, once per test session."""
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def pdfs(site) -> dict:
    """The print edition made from that site as ``make site`` makes it, into its pdf/, once per
    session: {(language, edition): what was made (print_pdf.Printed), or the error that stopped it}."""
    from guidebook import print_pdf
    from guidebook.languages import LANGUAGES

    return print_pdf.build(site, list(LANGUAGES))


@pytest.fixture(scope="session")
def book():
    from guidebook.data import load

    return load()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from browser import chromium

    with chromium() as instance:
        yield instance


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(folder, address) of the guidebook built for the local server that serves it: its absolute
    links (404 pages, language alternates) and Material's fetches stay on that server."""
    from browser import served

    out = tmp_path_factory.mktemp("served")
    with served(out) as url:
        result = build(ROOT, out, site_url=url)
        assert result.returncode == 0, result.stderr
        yield out, url


@pytest.fixture(scope="session")
def base_url(served_site):
    return served_site[1]
