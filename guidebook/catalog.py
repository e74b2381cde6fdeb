"""Per-language catalogs of the short words the macros print: labels ("平日") and the
Japanese wording that belongs to facts (an office's name). Babel PO files, one per language
in locales/, with the Japanese text as msgid, so translators' tools show the source.
Counted words ("{n}か月": "1 month", "3 months") are plural entries, chosen by the
language's plural rule.

A missing or fuzzy translation stops the build: nothing falls back to Japanese silently.
Run ``guidebook catalogs`` to add new msgids to every catalog (empty, to translate)."""

from __future__ import annotations

import gettext
import io
import re
from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import po_strict, text_files
from .errors import DataError, MacroError
from .languages import BABEL_LOCALES

ROOT = Path(__file__).resolve().parent.parent
LOCALES_DIR = ROOT / "locales"
SOURCE_LANGUAGE = "ja"

# A label: a string literal passed to _() where it is printed, to N_() where it is only named,
# or to NP_() where it names a counted word (a plural entry).
_LABEL_CALL = re.compile(r"""\b(N?P?_)\(\s*"([^"]+)"\s*[,)]""")


def N_(msgid: str) -> str:
    """Mark a label for the catalogs where it is defined but translated later."""
    return msgid


def NP_(msgid: str) -> str:
    """Mark a counted word ("{n}か月") for the catalogs: a plural entry."""
    return msgid


def catalog_path(lang: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / f"{lang}.po"


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def read_catalog(path: Path) -> Catalog:
    """A catalog, checked strictly (po_strict), read again when the file changed (a preview
    server keeps running)."""
    stat = path.stat()
    return _read_version(path, stat.st_mtime_ns, stat.st_size)


@cache
def _read_version(path: Path, mtime_ns: int, size: int) -> Catalog:
    data = path.read_bytes()
    try:
        text = text_files.decode(data, _shown(path))
    except DataError as exc:  # reported like the strict parse's problems: file:line: message
        raise MacroError(str(exc)) from None
    po_strict.check(_shown(path), text, BABEL_LOCALES[path.stem])
    return read_po(io.BytesIO(data))


def strings_of(message) -> tuple[str, ...]:
    """Every form of a catalog entry: one for a label, one per plural form for a counted word."""
    if message is None:
        return ()
    return tuple(message.string) if isinstance(message.string, tuple) else (message.string,)


def _message(lang: str, msgid: str, locales_dir: Path):
    path = catalog_path(lang, locales_dir)
    if not path.exists():
        raise MacroError(f"{_shown(path)}: catalog missing for language {lang!r}")
    catalog = read_catalog(path)
    message = catalog.get(msgid)
    if message is None or not all(strings_of(message)) or message.fuzzy:
        raise MacroError(f"{_shown(path)}: no translation of {msgid!r} (add it, then remove any fuzzy flag)")
    return catalog, message


def translate(lang: str, msgid: str, locales_dir: Path = LOCALES_DIR) -> str:
    if lang == SOURCE_LANGUAGE:
        return msgid
    _, message = _message(lang, msgid, locales_dir)
    return _plain(lang, msgid, strings_of(message)[0], locales_dir)


def _plain(lang: str, msgid: str, text: str, locales_dir: Path) -> str:
    """A translation is words: markup in it would reach pages and theme templates."""
    if "<" in text or ">" in text:
        raise MacroError(f"{_shown(catalog_path(lang, locales_dir))}: the translation of {msgid!r} holds HTML "
                         f"({text[:60]!r}): write the words only")
    return text


def translate_plural(lang: str, msgid: str, n: int, locales_dir: Path = LOCALES_DIR) -> str:
    """The form of a counted word for ``n`` in ``lang`` (Japanese has one form)."""
    if lang == SOURCE_LANGUAGE:
        return msgid
    catalog, message = _message(lang, msgid, locales_dir)
    if not isinstance(message.string, tuple):
        raise MacroError(f"{_shown(catalog_path(lang, locales_dir))}: {msgid!r} must be a plural entry")
    index = gettext.c2py(catalog.plural_expr)(n)
    return _plain(lang, msgid, message.string[min(index, len(message.string) - 1)], locales_dir)


def source_messages(guidebook) -> dict[str, bool]:
    """Every msgid the macros can print, each with whether it is a plural entry: labels in code
    and templates, Japanese wording in data/."""
    found: dict[str, bool] = {}
    for path in sorted((ROOT / "guidebook").rglob("*")):
        if path.suffix in (".py", ".html"):
            for marker, msgid in _LABEL_CALL.findall(path.read_text(encoding="utf-8")):
                found.setdefault(msgid, marker == "NP_")
    for msgid in _japanese_in_data(guidebook.files):
        found.setdefault(msgid, False)
    return found


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
        old = read_catalog(path) if path.exists() else None
        new = Catalog(locale=BABEL_LOCALES[lang], project="Minato City My Number Card guidebook", fuzzy=False,
                      header_comment=f"# Labels and data wording of the guidebook, {lang}. msgid: the Japanese source.")
        for msgid, plural in wanted.items():
            previous = old.get(msgid) if old else None
            forms, flags = strings_of(previous) or ("",), previous.flags if previous else ()
            if plural:
                new.add((msgid, msgid), (forms + ("",) * new.num_plurals)[: new.num_plurals], flags=flags)
            else:
                new.add(msgid, forms[0], flags=flags)
        with path.open("wb") as fh:
            write_po(fh, new, width=0, omit_header=False)

