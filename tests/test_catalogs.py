"""Per-language catalogs: every label and every piece of data wording translated, placeholders kept."""

import pytest
import yaml

from conftest import ROOT
from guidebook import catalog
from guidebook.catalog import translate
from guidebook.checks import catalog_findings
from guidebook.errors import MacroError
from guidebook.languages import EASY, LANGUAGES, SOURCE

TRANSLATED = [lang for lang in LANGUAGES if lang != SOURCE]


def test_every_catalog_translates_every_message(book):
    assert catalog.source_messages(book), "no message found in guidebook/ and data/"
    findings = catalog_findings(book)
    assert not findings, "\n".join(map(str, findings))


def test_catalog_findings_name_what_is_wrong(book, tmp_path):
    for lang in TRANSLATED:
        (tmp_path / f"{lang}.po").write_bytes(catalog.catalog_path(lang).read_bytes())
    english = (tmp_path / "en.po").read_text(encoding="utf-8")
    english = english.replace('msgstr "Weekdays"', 'msgstr ""').replace('msgstr "{block} {town}, Minato City"', 'msgstr "{block}, Minato City"')
    (tmp_path / "en.po").write_text(english, encoding="utf-8")
    found = {str(f) for f in catalog_findings(book, tmp_path) if f.where == "locales/en.po"}
    assert "locales/en.po: no translation of '平日'" in found
    assert "locales/en.po: placeholders of '港区{town}{block}' differ in '{block}, Minato City'" in found


def test_a_missing_translation_stops_the_build(tmp_path):
    (tmp_path / "en.po").write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                                    'msgid "平日"\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(MacroError, match="no translation of '平日'"):
        translate("en", "平日", tmp_path)
    with pytest.raises(MacroError, match="catalog missing for language 'xx'"):
        translate("xx", "平日", tmp_path)


def test_site_languages_match_the_catalogs():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    # Easy Japanese is not in mkdocs.yml: static-i18n takes ISO codes only (hooks.py adds it).
    assert [lang["locale"] for lang in i18n["languages"]] == [code for code in LANGUAGES if code != EASY]
