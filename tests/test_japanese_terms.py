"""Japanese to show and say (README, Translating): on every page of every language but Japanese,
the first use of each glossary term in running text is followed by the Japanese term (marked
lang="ja") and its romaji, both as data/glossary/ja.yml and data/readings.yml give them; each
term at most once a page. The readings agree with an independent reading by pykakasi."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pykakasi
import pytest
import yaml
from bs4 import NavigableString
from tracing import main_content, pages

from macros.languages import LANGUAGES, SOURCE

ROOT = Path(__file__).resolve().parent.parent
JAPANESE = yaml.safe_load((ROOT / "data/glossary/ja.yml").read_text(encoding="utf-8"))
READINGS = yaml.safe_load((ROOT / "data/readings.yml").read_text(encoding="utf-8"))
# Text where no annotation is expected: headings, links, controls, code (and, below, values
# and text marked with a language).
LEFT_ALONE = ["h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "summary", "th", "caption", "code",
              "script", "style"]


def _glossary(lang: str) -> dict[str, str]:
    return yaml.safe_load((ROOT / f"data/glossary/{lang}.yml").read_text(encoding="utf-8"))


def _running_text(article) -> str:
    def left_alone(node) -> bool:
        for parent in node.parents:
            if parent is article:
                return False
            if parent.name in LEFT_ALONE or parent.get("lang") or "fact" in (parent.get("class") or []):
                return True
        return False

    return " ".join(node for node in article.find_all(string=True) if not left_alone(node))


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != SOURCE])
def test_first_use_of_each_term_gives_its_japanese_and_romaji(site, lang):
    terms = {concept: local for concept, local in _glossary(lang).items() if local != JAPANESE[concept]}
    problems, built = [], pages(site, lang, LANGUAGES)
    assert built, f"no page of {lang} in {site}"
    for name, path in built.items():
        article = main_content(path)
        shown: dict[str, int] = {}
        for reading in article.select('span[lang="ja-Latn"]'):
            japanese = reading.find_previous_sibling("span", lang="ja")
            concept = next((c for c, j in JAPANESE.items() if japanese is not None and j == japanese.get_text()), None)
            if concept is None or READINGS[concept]["romaji"] != reading.get_text():
                problems.append(f"{lang}/{name}: {japanese and japanese.get_text()!r}, {reading.get_text()!r} "
                                f"is not a term of the glossary with its romaji")
                continue
            shown[concept] = shown.get(concept, 0) + 1
            # The annotation is in the term's own text, right after it (and the rest of its word).
            before = japanese.previous_sibling if isinstance(japanese.previous_sibling, NavigableString) else ""
            if not re.search(re.escape(terms[concept].casefold()) + r"\w*\W*$", before.casefold()):
                problems.append(f"{lang}/{name}: {JAPANESE[concept]} follows {before[-40:]!r}, not {terms[concept]!r}")
        problems += [f"{lang}/{name}: {JAPANESE[c]} given {n} times" for c, n in shown.items() if n > 1]
        text, whole = _running_text(article).casefold(), article.get_text()
        for concept, local in terms.items():
            if concept in shown or not re.search(re.escape(local.casefold()), text):
                continue
            # A longer term holding this one ("My Number Card Center") is that term's use.
            longer = [other for c, other in terms.items() if local.casefold() in other.casefold() and other != local]
            rest = text
            for other in longer:
                rest = rest.replace(other.casefold(), "")
            if local.casefold() in rest and JAPANESE[concept] not in whole:
                problems.append(f"{lang}/{name}: uses {local!r} with no Japanese ({JAPANESE[concept]}) given")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:30])


def _long_vowels(romaji: str) -> str:
    """A regular expression of the romaji as pykakasi spells it: no macrons, no word spaces."""
    spelled = re.escape(re.sub(r"[ -]", "", romaji))
    for macron, plain in (("ā", "aa"), ("ī", "ii"), ("ū", "uu"), ("ē", "ee"), ("ō", "(?:ou|oo)")):
        spelled = spelled.replace(macron, plain)
    return f"^{spelled}$"


def test_readings_agree_with_pykakasi():
    kakasi = pykakasi.kakasi()
    assert set(READINGS) == set(JAPANESE), "every glossary term has a reading, and only those"
    problems = []
    for concept, term in JAPANESE.items():
        parts = kakasi.convert(term)
        kana = "".join(part["hira"] for part in parts)
        hepburn = "".join(part["hepburn"] for part in parts)
        if unicodedata.normalize("NFC", READINGS[concept]["kana"]) != kana:
            problems.append(f"{concept}: {term} read {READINGS[concept]['kana']}, pykakasi reads {kana}")
        if not re.match(_long_vowels(READINGS[concept]["romaji"]), hepburn):
            problems.append(f"{concept}: {term} romaji {READINGS[concept]['romaji']}, pykakasi spells {hepburn}")
    assert not problems, "\n".join(problems)
