"""Japanese and Korean on paper break as on the web: Japanese between phrases (the web's
``word-break: auto-phrase``), Korean between words (``keep-all``).

WeasyPrint (Pango) breaks both between any two characters and has no ``keep-all`` for them, so
each Japanese phrase that BudouX (Google's phrase segmenter, the ``budoux`` package) finds, and
each Korean word, is kept whole in a ``<span class="phrase">`` (print/guidebook.css: no wrap
inside); a line still breaks between two of them. Other scripts are left as they are: Pango
breaks Latin and Devanagari at spaces and Thai with libthai's dictionary."""

from __future__ import annotations

import re
from functools import cache

import budoux
from lxml import html as lxml_html

PHRASE = "phrase"
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
# A Korean word, or its part from an opening bracket on (a line may break before the bracket).
_KOREAN_WORD = re.compile(r"(\s+|\(?[^\s(]+)")
# Elements whose text keeps its own breaking: code, addresses (broken only after "/"), the
# glossary's Japanese (one line), phrases already made. (Values that never break are kept
# whole by the print stylesheet around their phrases.)
_LEFT_ALONE_TAGS = {"head", "title", "script", "style", "pre", "code", "svg"}
_LEFT_ALONE_CLASSES = {PHRASE, "url-part", "term-ja"}
# Japanese gets a break opportunity between its phrases and where a run meets another element:
# a zero-width space (not in the PDF's text; a <wbr> element took twice the layout time), so not
# inside a value or the printed calendar, whose text the tests compare with data/: those break
# as Japanese does, anywhere.
_BREAK = "\u200b"
_JAPANESE_LEFT_ALONE = {"fact", "print-calendar"}
# Nor in the headings that name bookmarks and running heads (h1, h2): their text is the PDF's.
_JAPANESE_LEFT_ALONE_TAGS = {"h1", "h2"}
# Characters of the longest phrase or word kept whole: about the narrowest table column of
# large print. A longer one (a list such as 出産育児・学校教育・保健福祉支援・…などの) stays
# plain text, broken where it must.
LONGEST_KEPT = 10
# Characters a line may not start or end with (a closing bracket or mark; an opening bracket).
_NO_LINE_START = set("）」』】〕〉》、。，．・：；？！ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]},.:;?!")
_NO_LINE_END = set("（「『【〔〈《([{")


@cache
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


def japanese_phrases(text: str) -> list[str]:
    return _parser().parse(text)


def _korean_words(text: str) -> list[str]:
    return [part for part in _KOREAN_WORD.split(text) if part]


def _self_and_ancestors(element):
    yield element
    yield from element.iterancestors()


def _language(element) -> str:
    return next((node.get("lang").lower() for node in _self_and_ancestors(element) if node.get("lang")), "")


def _segmenter(element, text: str):
    """How the text of ``element`` (or a tail inside it) is cut, and whether zero-width spaces
    mark its breaks; or None to leave it."""
    ancestors = [node for node in _self_and_ancestors(element) if isinstance(node.tag, str)]
    classes = set().union(*((node.get("class") or "").split() for node in ancestors))
    if not text or classes & _LEFT_ALONE_CLASSES or any(node.tag in _LEFT_ALONE_TAGS for node in ancestors):
        return None
    lang = _language(element)
    if (lang == "ja" or lang.startswith("ja-") and not lang.startswith("ja-latn")) and _JAPANESE.search(text):
        # ja-Latn is romaji: Latin letters, broken at spaces. In a table cell Japanese may
        # break anywhere: whole phrases made the branch table of large print wider than the page.
        if (_in_table_cell(element) or classes & _JAPANESE_LEFT_ALONE
                or any(node.tag in _JAPANESE_LEFT_ALONE_TAGS for node in ancestors)):
            return None
        return japanese_phrases, True
    if lang.split("-")[0] == "ko" and _HANGUL.search(text):
        return _korean_words, False  # a space between two words is the break
    return None


def _in_table_cell(element) -> bool:
    return any(node.tag in ("td", "th") for node in _self_and_ancestors(element))


def _cut(text: str, segments: list[str], breaks: bool) -> tuple[str, list]:
    """``text`` as (leading plain text, elements: spans each with the plain text after it as
    its tail, and a <wbr> at each end where a line may break: WeasyPrint breaks between two
    no-wrap spans of one text, but not where the run meets another element (港区 and 浜松町 of
    an address, a phrase and a link's address); <wbr> is costly, so there only)."""
    lead, out = "", []
    for segment in segments:
        if segment.isspace() or len(segment) > LONGEST_KEPT:
            if out:
                out[-1].tail = (out[-1].tail or "") + segment
            else:
                lead += segment
            continue
        if breaks and out and not out[-1].tail:
            out[-1].tail = _BREAK
        elif breaks and not out and not lead and segment[0] not in _NO_LINE_START:
            lead = _BREAK
        span = lxml_html.Element("span", {"class": PHRASE})
        span.text = segment
        out.append(span)
    if breaks and out and not out[-1].tail and out[-1].text[-1] not in _NO_LINE_END:
        out[-1].tail = _BREAK
    return lead, out


def keep_phrases_whole(root) -> None:
    """Wrap each Japanese phrase and Korean word under ``root`` (an lxml element) in a span."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        how = _segmenter(element, element.text)
        if how:
            element.text, spans = _cut(element.text, how[0](element.text), how[1])
            for index, span in enumerate(spans):
                element.insert(index, span)
        parent = element.getparent()
        how = _segmenter(parent, element.tail) if parent is not None else None
        if how:
            element.tail, spans = _cut(element.tail, how[0](element.tail), how[1])
            for span in reversed(spans):
                element.addnext(span)
