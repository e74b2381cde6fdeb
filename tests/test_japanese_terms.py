"""Japanese to show and say (README, Translating): on every page of every language but Japanese,
the first use of each glossary term in running text is followed by the Japanese term (marked
lang="ja") and its romaji, both as data/glossary/ja.yml and data/readings.yml give them; each
term at most once a page. The readings agree with an independent reading by pykakasi."""

from __future__ import annotations

import copy
import re
import unicodedata
from pathlib import Path

import pykakasi
import pytest
import yaml
from bs4 import NavigableString
from tracing import main_content, pages

from guidebook.languages import LANGUAGES, SOURCE, TRANSLATIONS

ROOT = Path(__file__).resolve().parent.parent
JAPANESE = yaml.safe_load((ROOT / "data/glossary/ja.yml").read_text(encoding="utf-8"))
READINGS = yaml.safe_load((ROOT / "data/readings.yml").read_text(encoding="utf-8"))
# Text where no annotation is expected: headings, links, controls, code (and, below, values
# and text marked with a language).
LEFT_ALONE = ["h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "summary", "th", "caption", "code",
              "script", "style"]


LATIN_SCRIPT = ("en", "es", "pt", "id", "vi", "tl")


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


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_first_use_of_each_term_gives_its_japanese_and_romaji(site, lang):
    terms = {concept: local for concept, local in _glossary(lang).items() if local != JAPANESE[concept]}
    problems, built = [], pages(site, lang, LANGUAGES)
    assert built, f"no page of {lang} in {site}"
    for name, path in built.items():
        article = copy.copy(main_content(path))  # the shared parse is read only
        for whole in article.select("span.whole-word"):  # a Thai word kept on one line: its text is the text's
            whole.unwrap()
        article.smooth()
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
            if not re.search(re.escape(terms[concept].casefold()) + r"[^\s(（]*\s*[(（]$", before.casefold()):
                problems.append(f"{lang}/{name}: {JAPANESE[concept]} follows {before[-40:]!r}, not {terms[concept]!r}")
        problems += [f"{lang}/{name}: {JAPANESE[c]} given {n} times" for c, n in shown.items() if n > 1]
        text, whole = _running_text(article), article.get_text()
        for concept, local in terms.items():
            # A longer term holding this one ("My Number Card Center") is that term's use.
            rest = text
            for other in (other for other in terms.values() if local in other and other != local):
                rest = rest.replace(other, "").replace(other[0].swapcase() + other[1:], "")
            if concept not in shown and _used(lang, local, rest) and JAPANESE[concept] not in whole:
                problems.append(f"{lang}/{name}: uses {local!r} with no Japanese ({JAPANESE[concept]}) given")
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:30])


def _used(lang: str, term: str, text: str) -> bool:
    """Whether ``text`` uses ``term``: its first letter in either case; in a language of Latin
    script, as a word of its own (a plural ending allowed: "PINs", not "pinakabagong")."""
    first = f"[{re.escape(term[0].upper())}{re.escape(term[0].lower())}]"
    if lang in LATIN_SCRIPT:
        return re.search(rf"(?<!\w){first}{re.escape(term[1:])}(?:s|es)?(?!\w)", text) is not None
    if lang == "ne":  # a word may take a postposition, but a term never starts inside a word
        return re.search(rf"(?<![\w\u0900-\u097f]){re.escape(term)}", text) is not None
    return re.search(first + re.escape(term[1:]), text) is not None


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
        # A pair ("遺失届・盗難届") is read half by half: kana apart by "・", romaji by " / ".
        halves = term.split("・")
        kana_halves = unicodedata.normalize("NFC", READINGS[concept]["kana"]).split("・")
        romaji_halves = READINGS[concept]["romaji"].split(" / ")
        if not len(halves) == len(kana_halves) == len(romaji_halves):
            problems.append(f"{concept}: {term} has {len(halves)} part(s), its kana {len(kana_halves)}, "
                            f"its romaji {len(romaji_halves)}")
            continue
        for half, kana_half, romaji_half in zip(halves, kana_halves, romaji_halves):
            parts = kakasi.convert(half)
            kana = "".join(part["hira"] for part in parts)
            hepburn = "".join(part["hepburn"] for part in parts)
            if kana_half != kana:
                problems.append(f"{concept}: {half} read {kana_half}, pykakasi reads {kana}")
            if not re.match(_long_vowels(romaji_half), hepburn):
                problems.append(f"{concept}: {half} romaji {romaji_half}, pykakasi spells {hepburn}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_office_is_given_in_japanese_as_the_japanese_page_writes_it(site, lang):
    """Name and address to show a taxi driver or a counter: the office's Japanese name
    (data/offices.yml) and its address exactly as the Japanese offices page shows it."""
    offices = yaml.safe_load((ROOT / "data/offices.yml").read_text(encoding="utf-8"))
    japanese_page = main_content(pages(site, SOURCE, LANGUAGES)["offices"])
    addresses = {}
    for address in japanese_page.select(".address"):
        town = address.select_one('[data-fact$=".address.town_ja"]')["data-fact"].split(".")[1]
        addresses.setdefault(town, address.get_text())
    assert set(addresses) == set(offices), f"the Japanese offices page shows the addresses of {sorted(addresses)}"
    shown = [element.get_text() for element in main_content(pages(site, lang, LANGUAGES)["offices"]).select(".in-japanese [lang=ja]")]
    expected = [f"{offices[office]['name_ja']} {addresses[office]}" for office in offices]
    assert sorted(shown) == sorted(expected), f"{lang}/offices shows {shown}, expected {expected}"
