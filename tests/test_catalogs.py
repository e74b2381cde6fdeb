"""Per-language catalogs: every label and every piece of data wording translated, placeholders kept."""

import pytest
import yaml

from conftest import ROOT
from guidebook import catalog
from guidebook.catalog import translate
from guidebook.checks import catalog_findings
from guidebook.errors import MacroError
from guidebook.languages import LANGUAGES, SOURCE

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


def test_mkdocs_yml_names_the_source_language_only():
    """The languages are those of guidebook/languages.py, which the guidebook plugin adds to
    static-i18n's list (a second list in mkdocs.yml would drift from it)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [lang["locale"] for lang in i18n["languages"]] == [SOURCE]


def test_every_language_has_a_catalog():
    assert sorted(path.stem for path in (ROOT / "locales").glob("*.po")) == sorted(TRANSLATED)
