"""Finding the built pages of a language and their main content."""

from __future__ import annotations

from pathlib import Path

import contract

from guidebook.languages import SOURCE, root as language_root


def main_content(html_path: Path):
    """The article of a built page, from the parse the checks share (read only)."""
    return contract.read(html_path).select_one("article.md-content__inner")


def pages(site: Path, lang: str, languages) -> dict[str, Path]:
    """Built pages of one language, keyed by their path relative to the language root."""
    root = language_root(site, lang)
    others = {language_root(site, code) for code in languages if code != SOURCE}
    found = {}
    for path in sorted(root.rglob("index.html")):
        if lang == SOURCE and any(path.is_relative_to(other) for other in others):
            continue
        found[str(path.relative_to(root).parent)] = path
    return found
