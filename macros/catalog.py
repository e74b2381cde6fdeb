"""Per-language catalogs of the short words the macros print: labels ("平日") and the
Japanese wording that belongs to facts (an office's name). Babel PO files, one per language
in locales/, with the Japanese text as msgid, so translators' tools show the source.

A missing or fuzzy translation stops the build: nothing falls back to Japanese silently.
Run ``python -m macros.catalog`` to add new msgids to every catalog (empty, to translate)."""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from .errors import MacroError

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "locales"
SOURCE_LANGUAGE = "ja"

# A label: a string literal passed to _() where it is printed, or to N_() where it is only named.
_LABEL_CALL = re.compile(r"""\bN?_\(\s*"([^"]+)"\s*[,)]""")


def N_(msgid: str) -> str:
    """Mark a label for the catalogs where it is defined but translated later."""
    return msgid


def catalog_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / f"{lang}.po"


@cache
def _read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def translate(lang: str, msgid: str, locales_dir: Path = LOCALES_DIR) -> str:
    if lang == SOURCE_LANGUAGE:
        return msgid
    path = catalog_path(lang, locales_dir)
    if not path.exists():
        raise MacroError(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: catalog missing for language {lang!r}")
    message = _read(path).get(msgid)
    if message is None or not message.string or message.fuzzy:
        raise MacroError(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: no translation of {msgid!r}"
            " (add it, then remove any fuzzy flag)"
        )
    return message.string


def source_messages(guidebook) -> list[str]:
    """Every msgid the macros can print: labels in code and templates, Japanese wording in data/."""
    found: list[str] = []
    for path in sorted((ROOT / "macros").rglob("*")):
        if path.suffix in (".py", ".html"):
            found += _LABEL_CALL.findall(path.read_text(encoding="utf-8"))
    found += _japanese_in_data(guidebook.files)
    return list(dict.fromkeys(found))


def _japanese_in_data(value) -> list[str]:
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        out = []
        for name in type(value).model_fields:
            item = getattr(value, name)
            if name.endswith("_ja"):
                out += item if isinstance(item, list) else [item] if item else []
            else:
                out += _japanese_in_data(item)
        return out
    if isinstance(value, dict):
        return [m for item in value.values() for m in _japanese_in_data(item)]
    if isinstance(value, list):
        return [m for item in value for m in _japanese_in_data(item)]
    return []


def update(languages: list[str], guidebook, locales_dir: Path = LOCALES_DIR) -> None:
    """Add every source msgid to each catalog and drop the ones no longer used."""
    wanted = source_messages(guidebook)
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            continue
        path = catalog_path(lang, locales_dir)
        old = _read(path) if path.exists() else Catalog(locale=None)
        new = Catalog(locale=None, project="Minato City My Number Card guidebook", fuzzy=False,
                      header_comment=f"# Labels and data wording of the guidebook, {lang}. msgid: the Japanese source.")
        new.language_team = lang
        for msgid in wanted:
            previous = old.get(msgid)
            new.add(msgid, previous.string if previous else "", flags=previous.flags if previous else ())
        with path.open("wb") as fh:
            write_po(fh, new, width=0, omit_header=False)
        _read.cache_clear()


if __name__ == "__main__":
    from .data import load
    from .languages import LANGUAGES

    update(list(LANGUAGES), load())
    sys.exit(0)
