"""How plain a built Japanese page reads: the measures of the national guidelines for Easy
Japanese (在留支援のためのやさしい日本語ガイドライン, 2020) that a program can count.

- Sentence length in characters (one idea per sentence: short sentences). Values printed by
  the macros count as the reader sees them.
- Double negatives (〜ないと〜ない, 〜なければなりません), which the guidelines say to avoid.
- Honorific and humble forms (ご〜ください, いただく, おります, なさる, 申し上げる).
- Passive and honorific auxiliaries (れる, られる: UniDic's 助動詞), which the guidelines say
  to replace with the plain active verb.
- Sino-Japanese words (漢語, UniDic's 語種 漢) as a share of the content words: the words
  learners find hardest. It stands in for "words outside an easy vocabulary", for which no open
  word list is at hand; the Easy Japanese edition keeps the administrative words a resident
  must say or find, and explains them.

The measures are counted on the text a reader sees: the article of the built page, readings
over kanji left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from . import languages

_BLOCKS = ("p", "li", "dt", "dd", "td", "th", "caption", "h1", "h2", "h3", "h4")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_DOUBLE_NEGATIVE = re.compile(r"な(?:ければ|くては|くちゃ|いと)[^。]{0,12}?(?:なら|なり|いけ|でき|だめ)(?:ない|ません)|ないわけではない|ないことはない")
_HONORIFIC = re.compile(r"[ごお][\u4e00-\u9fff]+(?:ください|いただ|になれ|になり)|いただ[きくけ]|おります|おりません|なさ[いるれ]|申し上げ|ございます|くださいませ|(?:られ|され)た方")
_CONTENT = {"名詞", "動詞", "形容詞", "副詞", "形状詞"}


@dataclass(frozen=True)
class Measures:
    page: str
    sentences: int
    mean_length: float
    longest: int
    long_sentences: int  # over LONG characters
    double_negatives: int
    honorifics: int
    passives: int
    kango_share: float  # of the content words

    def row(self) -> str:
        return (f"{self.page:<24} {self.sentences:>5} {self.mean_length:>6.1f} {self.longest:>5} {self.long_sentences:>5}"
                f" {self.double_negatives:>4} {self.honorifics:>4} {self.passives:>4} {self.kango_share:>6.1%}")


LONG = 40  # characters: a sentence longer than this counts as long
HEADER = f"{'page':<24} {'sent.':>5} {'mean':>6} {'max':>5} {'>' + str(LONG):>5} {'dneg':>4} {'hon.':>4} {'pass':>4} {'kango':>6}"


@cache
def _tagger():
    import fugashi

    return fugashi.Tagger()


def sentences_of(html: str) -> list[str]:
    """The sentences of a page's article, as a reader sees them (readings over kanji left out)."""
    soup = BeautifulSoup(html, "lxml")
    article = soup.select_one("article")
    if article is None:
        return []
    for hidden in article.select("rt, rp, script, style, .md-source-file"):
        hidden.decompose()
    found = []
    for block in article.find_all(_BLOCKS):
        if block.find(_BLOCKS):  # its own blocks are counted on their own
            continue
        text = re.sub(r"\s+", "", block.get_text())
        found += [s for s in _SENTENCE_END.split(text) if s]
    return found


def measure(page: str, html: str) -> Measures:
    sentences = sentences_of(html)
    text = "".join(sentences)
    passives = kango = content = 0
    for word in _tagger()(text):
        feature = word.feature
        if feature.pos1 == "助動詞" and feature.lemma in ("れる", "られる"):
            passives += 1
        if feature.pos1 in _CONTENT:
            content += 1
            kango += feature.goshu == "漢"
    lengths = [len(s) for s in sentences] or [0]
    return Measures(page, len(sentences), sum(lengths) / len(lengths), max(lengths),
                    sum(length > LONG for length in lengths), len(_DOUBLE_NEGATIVE.findall(text)),
                    len(_HONORIFIC.findall(text)), passives, kango / content if content else 0.0)


def report(site: Path, lang: str) -> list[Measures]:
    """The measures of every page of a language in a built site."""
    root = languages.root(site, lang)
    others = [languages.root(site, code) for code in languages.LANGUAGES if code != lang and languages.folder(code)]
    return [measure(str(path.parent.relative_to(root)).replace(".", "index"), path.read_text(encoding="utf-8"))
            for path in sorted(root.rglob("index.html")) if not any(path.is_relative_to(other) for other in others)]
