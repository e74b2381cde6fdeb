"""Readings over the kanji of the Easy Japanese edition: ``<ruby>漢字<rt>かんじ</rt></ruby>``.

Words come from fugashi (MeCab with the UniDic Lite dictionary), whose readings are UniDic's.
Two kinds of word are read by the guidebook instead, because the analyser gets them wrong:

- the names and words of data/furigana.yml (places: 芝 is しば, not しょう; 土曜日 is どようび),
  and the glossary's terms with their reviewed readings (data/readings.yml);
- a counter after a number whose reading depends on the number: 1日 ついたち, 4月 しがつ,
  9時 くじ, 2人 ふたり (UniDic reads every 日 after a number as か); a counter on its own, the
  label of a date's field, as a counter: 月 がつ, 日 にち (UniDic: つき, ひ).

A reading goes over the kanji only: 取り gets と over 取. The reading is for the eye: screen
readers read the word itself once (the ``<rt>`` is hidden from them; their voice reads kanji).
"""

from __future__ import annotations

import re
from functools import cache

from markupsafe import escape

from .html_text import rewrite_text
from .japanese_script import KANJI

_HAS_KANJI = re.compile(f"[{KANJI}]")
_RUNS = re.compile(f"[{KANJI}]+|[^{KANJI}]+")
# Elements whose text gets no readings: code, readings already given, and what is not shown.
# The validity calculator's labels, messages and answers' names get theirs (its script copies
# them as nodes); the dates its script writes have none.
_LEFT_ALONE = {"code", "pre", "ruby", "rt", "rp", "svg"}
_OTHER_LANGUAGE = re.compile(r'\blang="(?!ja")')
# An element whose template says its words get no readings (the printed calendar).
_NO_READINGS = 'data-readings="none"'

# Counters read with the number before them: {counter: {number: reading of number + counter}}.
# Other numbers: the counter's own reading over the counter.
_WITH_NUMBER = {
    "日": {1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか", 7: "なのか",
          8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか", 24: "にじゅうよっか"},
    "月": {4: "しがつ", 7: "しちがつ", 9: "くがつ"},
    "時": {4: "よじ", 7: "しちじ", 9: "くじ"},
    "人": {1: "ひとり", 2: "ふたり"},
}
_COUNTER_READING = {"日": "にち", "月": "がつ", "時": "じ", "人": "にん"}
_NUMBER_AND_COUNTER = re.compile(f"([0-9]+)([{''.join(_WITH_NUMBER)}])")


@cache
def _tagger():
    import fugashi  # loads the dictionary: only when a page needs readings

    return fugashi.Tagger()


def hiragana(text: str) -> str:
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text)


def ruby(surface: str, reading: str) -> str:
    """``surface`` (HTML text) with ``reading`` (hiragana) over each of its runs of kanji; the kana
    between them must be in the reading (取り, とり → 取(と)り). A reading that does not fit the
    word's kana goes over the whole word."""
    runs = _RUNS.findall(surface)
    pattern = "".join("(.+?)" if _HAS_KANJI.match(run) else re.escape(hiragana(run)) for run in runs)
    found = re.fullmatch(pattern, hiragana(reading))
    if not found:
        return _one(surface, reading)
    groups = iter(found.groups())
    return "".join(_one(run, next(groups)) if _HAS_KANJI.match(run) else run for run in runs)


def _one(base: str, reading: str) -> str:
    return f'<ruby>{base}<rt aria-hidden="true">{escape(reading)}</rt></ruby>'


def readings_in(text: str, reviewed: dict[str, str], words: re.Pattern | None = None) -> str:
    """A run of a page's text (HTML text, no tags) with a reading over every word with kanji.
    ``words``: the pattern of the reviewed words (annotate makes it once a page)."""
    if not _HAS_KANJI.search(text):
        return text
    words = words or _reviewed_pattern(reviewed)
    if words is None:
        return _analysed(text)
    out, start = [], 0
    for found in words.finditer(text):
        out.append(_analysed(text[start:found.start()]))
        out.append(ruby(found.group(0), reviewed[found.group(0)]))
        start = found.end()
    out.append(_analysed(text[start:]))
    return "".join(out)


def _reviewed_pattern(reviewed: dict[str, str]) -> re.Pattern | None:
    """The reviewed words, longest first (芝浦港南 before 芝浦 before 芝); None if there are none."""
    return re.compile("|".join(map(re.escape, sorted(reviewed, key=len, reverse=True)))) if reviewed else None


def _analysed(text: str) -> str:
    if not _HAS_KANJI.search(text):
        return text
    if text in _COUNTER_READING:  # a counter on its own: the day and month fields of a date
        return _one(text, _COUNTER_READING[text])
    out, start = [], 0
    for found in _NUMBER_AND_COUNTER.finditer(text):
        out.append(_tokens(text[start:found.start()]))
        number, counter = int(found.group(1)), found.group(2)
        special = _WITH_NUMBER[counter].get(number)
        out.append(_one(found.group(0), special) if special else found.group(1) + _one(counter, _COUNTER_READING[counter]))
        start = found.end()
    out.append(_tokens(text[start:]))
    return "".join(out)


def _tokens(text: str) -> str:
    if not _HAS_KANJI.search(text):
        return text
    out, start = [], 0
    for word in _tagger()(text):
        surface = word.surface
        at = text.find(surface, start)
        if at < 0:  # MeCab normalised something: leave the rest as it is
            break
        out.append(text[start:at])
        reading = word.feature.kana if _HAS_KANJI.search(surface) else None
        out.append(ruby(surface, reading) if reading and reading != "*" else surface)
        start = at + len(surface)
    out.append(text[start:])
    return "".join(out)


def annotate(html: str, reviewed: dict[str, str]) -> str:
    """A page's HTML with readings over the kanji of its text, outside code, existing readings
    and parts in another language."""
    words = _reviewed_pattern(reviewed)
    html = _ABBREVIATION.sub(lambda found: _abbreviation(found, reviewed), html)
    return rewrite_text(html, lambda name, attributes: name in _LEFT_ALONE or _NO_READINGS in attributes
                        or bool(_OTHER_LANGUAGE.search(attributes)),
                        lambda text: readings_in(text, reviewed, words))


_ABBREVIATION = re.compile(r'<abbr title="([^"<>]+)">([^<>]+)</abbr>')


def _abbreviation(found: re.Match, reviewed: dict[str, str]) -> str:
    """An abbreviation read as the start of the reviewed word it stands for, when the rest of
    that word is reviewed too: 月 for 月曜日 (げつようび, 曜日 ようび) is げつ, not がつ or つき."""
    word, short = found.groups()
    rest = word.removeprefix(short)
    if rest == word or not rest or word not in reviewed or not reviewed[word].endswith(reviewed.get(rest, "\0")):
        return found.group(0)
    return f'<abbr title="{word}">{_one(short, reviewed[word][:-len(reviewed[rest])])}</abbr>'


def reviewed_readings(book) -> dict[str, str]:
    """Words read as the guidebook says: data/furigana.yml, then each glossary term with kanji
    and its reviewed reading (data/readings.yml)."""
    found = {term: book.readings[concept].kana for concept, term in book.glossary["ja"].items()
             if concept in book.readings and _HAS_KANJI.search(term) and "・" not in book.readings[concept].kana}
    found.update(book.furigana)
    return found
