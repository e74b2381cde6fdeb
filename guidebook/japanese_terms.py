"""The Japanese of the glossary's terms, where a resident needs it: on a page in another language,
the first use of each term in running text is followed by the Japanese term (marked
``lang="ja"``, for the counter, a form or a kiosk screen) and its romaji (to say it):
"PIN (暗証番号, anshō bangō)". Later uses on the page stay as they are.

Headings, links, buttons, form labels, values of the guidebook and text already marked with a
language are left alone; where a page already gives the Japanese right after the term, that
use counts as the first."""

from __future__ import annotations

import html as html_escape
import re

from .html_text import rewrite_text
from .languages import is_japanese

# Elements whose text is never annotated (the annotation would lengthen a heading, a link, a
# control, or sit inside a value).
_SKIPPED = {"h1", "h2", "h3", "h4", "h5", "h6", "a", "button", "label", "option", "select", "code", "pre",
            "summary", "caption", "th"}
# Where a term ends with its characters, not with its word: languages written without spaces
# between words, and Korean, whose particles join the noun ("카드를").
_UNSPACED = {"th", "zh", "ko"}
# Spaced languages whose words take endings that are not the term's (postpositions).
_JOINED_ENDINGS = {"ne"}
# A letter of a word (Python's \w leaves out Devanagari's vowel signs: the block is named, its
# dandas excepted): "पिन" (PIN) is no use in "छापिन्छ".
_LETTER = "[\\w\u0900-\u0963\u0966-\u097f]"
# How far after a term the page may already give its Japanese.
_ALREADY_GIVEN = 24

_FACT = re.compile(r'class="[^"]*\bfact\b')


def annotation(lang: str, japanese: str, romaji: str) -> str:
    """What follows a term at its first use, as HTML (Chinese with its full-width brackets;
    Korean with the bracket against the noun, before its particle)."""
    ja = f'<span class="term-ja" lang="ja">{html_escape.escape(japanese)}</span>'
    reading = f'<span lang="ja-Latn">{html_escape.escape(romaji)}</span>'
    if lang == "zh":
        return f"（{ja}，{reading}）"
    return f"{'' if lang == 'ko' else ' '}({ja}, {reading})"


def term_pattern(lang: str, terms: list[str]) -> str:
    """A regular expression for a use of one of ``terms`` in running text of ``lang``.

    Only a term's first letter may change case (a sentence may start with it: "Residence card";
    "PIN" is not "pin" in "pinakabagong"). Where words are spaced, a use is a whole word, with a
    plural ending in Latin script ("PINs"); Nepali joins its postpositions to the noun
    ("कार्डको"), so the use runs to the end of the word. In Thai and Chinese (no spaces) and Korean
    (particles joined to the noun), the use ends with the term's characters."""
    def one(term: str) -> str:
        first = term[0]
        head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]" if first.upper() != first.lower() else re.escape(first)
        return head + re.escape(term[1:])

    alternatives = "|".join(map(one, terms))
    if lang in _UNSPACED:
        return f"(?:{alternatives})"
    ending = f"{_LETTER}*" if lang in _JOINED_ENDINGS else f"(?:s|es)?(?!{_LETTER})"
    return f"(?<!{_LETTER})(?:{alternatives}){ending}"


def annotate(html: str, lang: str, glossary: dict[str, dict[str, str]], readings: dict) -> str:
    """The page's HTML with the first use of each glossary term annotated."""
    if is_japanese(lang):
        return html
    terms = {concept: local for concept, local in glossary[lang].items() if local != glossary["ja"][concept]}
    if not terms:
        return html
    # Longest first: "My Number Card Center" before "My Number Card" before "My Number".
    pattern = re.compile(term_pattern(lang, sorted(terms.values(), key=len, reverse=True)))
    by_text = {local.casefold(): concept for concept, local in terms.items()}
    done: set[str] = set()

    def replace(match: re.Match, text: str) -> str:
        found = match.group(0)
        concept = max(((len(t), c) for t, c in by_text.items() if found.casefold().startswith(t)), default=(0, None))[1]
        if concept is None or concept in done:
            return found
        done.add(concept)
        japanese = glossary["ja"][concept]
        if japanese in text[match.end():match.end() + _ALREADY_GIVEN]:
            return found
        return found + annotation(lang, japanese, readings[concept].romaji)

    def left_alone(name: str, attributes: str) -> bool:
        return name in _SKIPPED or " lang=" in attributes or _FACT.search(attributes) is not None

    return rewrite_text(html, left_alone, lambda text: pattern.sub(lambda m: replace(m, text), text))
