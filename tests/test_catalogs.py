"""Per-language catalogs: every label and every piece of data wording translated, placeholders kept."""

import re

import pytest
import yaml

from conftest import ROOT
from macros.catalog import catalog_path, source_messages, translate
from macros.errors import MacroError
from macros.languages import LANGUAGES, SOURCE
from babel.messages.pofile import read_po

PLACEHOLDER = re.compile(r"\{(\w+)\}")
TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_translates_every_message(lang, book):
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh)
    wanted = source_messages(book)
    assert wanted, "no message found in macros/ and data/"
    problems = []
    for msgid, plural in wanted.items():
        message = catalog.get(msgid)
        strings = message.string if message and isinstance(message.string, tuple) else (message.string,) if message else ()
        if message is None or not all(strings):
            problems.append(f"missing: {msgid!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        elif plural != isinstance(message.string, tuple):
            problems.append(f"{'should' if plural else 'should not'} be a plural entry: {msgid!r}")
        for string in strings:
            if string and sorted(PLACEHOLDER.findall(string)) != sorted(PLACEHOLDER.findall(msgid)):
                problems.append(f"placeholders differ: {msgid!r} -> {string!r}")
            elif string and any(ch.isdigit() for ch in PLACEHOLDER.sub("", string)):
                problems.append(f"a number typed into a translation: {string!r}")
    unused = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id} - set(wanted)
    problems += [f"no longer used: {msgid!r}" for msgid in sorted(unused)]
    assert not problems, f"locales/{lang}.po:\n" + "\n".join(problems)


def test_a_missing_translation_stops_the_build(tmp_path):
    (tmp_path / "en.po").write_text('msgid ""\nmsgstr ""\n\nmsgid "平日"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(MacroError, match="no translation of '平日'"):
        translate("en", "平日", tmp_path)
    with pytest.raises(MacroError, match="catalog missing for language 'xx'"):
        translate("xx", "平日", tmp_path)


def test_site_languages_match_the_catalogs():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [lang["locale"] for lang in i18n["languages"]] == list(LANGUAGES)
