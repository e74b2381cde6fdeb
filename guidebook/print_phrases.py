"""Japanese, Korean and Thai on paper break as on the web: Japanese between phrases (the web's
``word-break: auto-phrase``), Korean between words (``keep-all``), Thai between words.

WeasyPrint (Pango) breaks Japanese and Korean between any two characters and has no
``keep-all`` for them, and cuts Thai with libthai's dictionary, which does not know the
guidebook's transliterations. So each Japanese phrase that BudouX (Google's phrase segmenter,
the ``budoux`` package) finds, each Korean word and each Thai word that PyThaiNLP finds is kept
whole in a ``<span class="phrase">`` (print/guidebook.css: no wrap inside), and a line breaks
between two of them. Other scripts are left as they are: Pango breaks Latin and Devanagari at
spaces."""

from __future__ import annotations

import re
from functools import cache

import budoux
from lxml import html as lxml_html

from .japanese_script import KANA, KANJI, MIDDLE_DOT
from .whole_words import TRANSLITERATIONS

PHRASE = "phrase"
# A word with its reading above it: one inline block (print_edition._reading_above).
READING_BLOCK = "ruby"
_JAPANESE = re.compile(f"[{KANA}{KANJI}{MIDDLE_DOT}]")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
# Transliterated terms of the Thai glossary that PyThaiNLP's dictionary cuts ("มาย|นัมเบอร์",
# My Number): kept whole as words, as on the web.
THAI_TERMS = TRANSLITERATIONS["th"]
# A Korean word, or its part from an opening bracket on (a line may break before the bracket).
_KOREAN_WORD = re.compile(r"([\s\u200b]+|\(?[^\s(\u200b]+)")  # a zero-width space is a break too
# Elements whose text keeps its own breaking: code, addresses (broken only after "/"), the
# glossary's Japanese (one line), phrases already made, a word with its reading above it
# (nothing in it breaks). (Values that never break are kept
# whole by the print stylesheet around their phrases.)
_LEFT_ALONE_TAGS = {"head", "title", "script", "style", "pre", "code", "svg"}
_LEFT_ALONE_CLASSES = {PHRASE, "url-part", "term-ja", READING_BLOCK}
# Japanese and Thai get a break opportunity between their phrases or words and where a run meets
# another element: a zero-width space (not in the PDF's text; a <wbr> element took twice the
# layout time). So not in a value or the printed calendar, whose text the tests compare with
# data/, nor in the headings that name bookmarks and running heads (h1, h2), nor in a table cell
# (whole phrases made the branch table of large print wider than the page): there they break as
# Pango breaks them.
BREAK = "\u200b"
_NO_BREAKS_ADDED_CLASSES = {"fact", "print-calendar"}
_NO_BREAKS_ADDED_TAGS = {"h1", "h2", "td", "th"}
# The covers' headings name no bookmark and no running head: their phrases get breaks.
_UNBOOKMARKED = {"cover", "inside-cover", "back-cover"}
# Characters of the longest phrase or word kept whole: about the narrowest table column of
# large print. A longer one (a list such as 出産育児・学校教育・保健福祉支援・…などの) stays
# plain text, broken where it must.
LONGEST_KEPT = 10
KEPT = range(1, LONGEST_KEPT + 1)
# Thai words kept whole: from six characters (a short word is one or two syllables, which
# libthai does not cut; a span for each of them doubled a Thai PDF's layout time) to sixteen
# (Thai counts its vowel and tone marks as characters).
KEPT_THAI = range(6, 17)
# Characters a line may not start or end with (a closing bracket or mark; an opening bracket).
NO_LINE_START = set("）」』】〕〉》、。，．・：；？！ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]},.:;?!")
_NO_LINE_END = set("（「『【〔〈《([{")


@cache
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


def japanese_phrases(text: str) -> list[str]:
    """BudouX's phrases of each run between spaces (a space is a break: BudouX keeps
    港区マイナンバーカード ガイドブック as one phrase)."""
    return [phrase for run in re.split(r"(\s+)", text) if run
            for phrase in ([run] if run.isspace() else _parser().parse(run))]


@cache
def _thai_dictionary():
    from pythainlp.corpus.common import thai_words
    from pythainlp.util import dict_trie

    return dict_trie(set(thai_words()) | set(THAI_TERMS))


def thai_words(text: str) -> list[str]:
    """Thai words by PyThaiNLP (newmm, its dictionary and THAI_TERMS): Pango's own cut (libthai)
    broke มายนัมเบอร์ as มา|ยนัมเบอร์."""
    from pythainlp.tokenize import word_tokenize  # loaded for Thai only

    return word_tokenize(text, custom_dict=_thai_dictionary(), engine="newmm", keep_whitespace=True)


def _korean_words(text: str) -> list[str]:
    return [part for part in _KOREAN_WORD.split(text) if part]


def _self_and_ancestors(element):
    yield element
    yield from element.iterancestors()


def _segmenter(element, text: str):
    """How the text of ``element`` (or a tail inside it) is cut: (segmenter, whether zero-width
    spaces mark the breaks, the longest segment kept whole); or None to leave it."""
    ancestors = [node for node in _self_and_ancestors(element) if isinstance(node.tag, str)]
    classes = set().union(*((node.get("class") or "").split() for node in ancestors))
    if not text or classes & _LEFT_ALONE_CLASSES or any(node.tag in _LEFT_ALONE_TAGS for node in ancestors):
        return None
    lang = next((node.get("lang").lower() for node in ancestors if node.get("lang")), "")
    tags = _NO_BREAKS_ADDED_TAGS - {"h1", "h2"} if classes & _UNBOOKMARKED else _NO_BREAKS_ADDED_TAGS
    breaks_allowed = not (classes & _NO_BREAKS_ADDED_CLASSES or any(node.tag in tags for node in ancestors))
    if (lang == "ja" or lang.startswith("ja-") and not lang.startswith("ja-latn")) and _JAPANESE.search(text):
        return (japanese_phrases, True, KEPT) if breaks_allowed else None  # ja-Latn: romaji
    if lang.split("-")[0] == "th" and _THAI.search(text):
        return (thai_words, True, KEPT_THAI) if breaks_allowed else None
    if lang.split("-")[0] == "ko" and _HANGUL.search(text):
        return _korean_words, False, KEPT  # a space between two words is the break
    return None


def _cut(text: str, segments: list[str], breaks: bool, kept: range) -> tuple[str, list]:
    """``text`` as (leading plain text, spans each with the plain text after it as its tail).
    A segment whose length is in ``kept`` gets a span; others stay plain text. With ``breaks``,
    a zero-width space between two segments and at each end of the run, where it meets another
    element (港区 and 浜松町 of an address): WeasyPrint finds no break between two spans, nor
    where a span meets another element."""
    lead, out = "", []

    def add(plain: str) -> None:
        nonlocal lead
        if out:
            out[-1].tail = (out[-1].tail or "") + plain
        else:
            lead += plain

    for segment in segments:
        if segment.isspace() or not segment.strip(BREAK):
            add(segment)
            continue
        written = (out[-1].tail if out else lead) or ""
        if breaks and (out or lead) and not written[-1:].isspace() and segment[0] not in NO_LINE_START:
            add(BREAK)
        elif breaks and not out and not lead and segment[0] not in NO_LINE_START:
            lead = BREAK
        if len(segment) not in kept:
            add(segment)
            continue
        span = lxml_html.Element("span", {"class": PHRASE})
        span.text = segment
        out.append(span)
    if breaks and out and out[-1].tail is None and out[-1].text[-1] not in _NO_LINE_END:
        out[-1].tail = BREAK
    return lead, out


def keep_phrases_whole(root) -> None:
    """Wrap each Japanese phrase, Korean word and Thai word under ``root`` (an lxml element) in a span."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        how = _segmenter(element, element.text)
        if how:
            element.text, spans = _cut(element.text, how[0](element.text), *how[1:])
            for index, span in enumerate(spans):
                element.insert(index, span)
        parent = element.getparent()
        how = _segmenter(parent, element.tail) if parent is not None else None
        if how:
            element.tail, spans = _cut(element.tail, how[0](element.tail), *how[1:])
            for span in reversed(spans):
                element.addnext(span)


# What follows an element without a space: the rest of its word ("%!", "),", "번째") up to a
# space, in Japanese, Chinese and Thai only punctuation (their words run on without spaces).
_GLUED = re.compile(f"^[^\\s\u200b{KANA}{KANJI}{MIDDLE_DOT}\u0e00-\u0e7f]+")
ATTACHED = "attached"


def keep_punctuation_with_values(root) -> None:
    """Put each value (a ``.fact``: a number, a date, a name) that the rest of a word follows
    without a space into one inline box with it: "0120-95-0178;", "Card Center:", "100%!".

    WeasyPrint 70, when a line must break further on, breaks it at the first space after such
    a value instead of the last one that fits ("… line (0120-95-0178;" | "after the voice
    guidance, press 2)…", a third of the line empty; Kozea/WeasyPrint#1614). In one box with
    what follows it, it breaks where it should. Not with the opening bracket before it too
    ("(¥10)," in one box broke "another" | "place."), nor for longer elements (a sentence in
    bold in one box moved to a line of its own). The text is unchanged; print_pdf.early_breaks
    finds lines that still end early."""
    for element in root.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fact ')]"):
        closing = _GLUED.match(element.tail or "")
        parent = element.getparent()
        if closing is None or parent is None or ATTACHED in (parent.get("class") or "").split():
            continue
        box = lxml_html.Element("span", {"class": ATTACHED})
        box.tail = element.tail[closing.end():] or None
        element.addprevious(box)
        box.append(element)  # moves it, with its tail
        element.tail = closing.group(0)


# Elements laid out in the line of their text (HTML's phrasing content that holds text).
_INLINE_TAGS = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s",
                "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
SPACE = "space"


def keep_spaces_before_elements_apart(root) -> None:
    """Give the space between a text and the element after it a box of its own:
    "cần <span>1</span>" becomes "cần<span class="space"> </span><span>1</span>".

    WeasyPrint 70, when a line must break at the space where a text meets an inline element,
    breaks the text at its first opportunity instead: a line of one word, "Giấy" | "tờ có ảnh
    khuôn mặt … (chỉ cần 1", "…no Mynaportal" | "e pedir …". With the space a box of its
    own, the line breaks at it. Only where the text has words: the spaces between the phrase
    spans of Korean are left as they are. The text is unchanged; print_pdf.early_breaks finds
    lines that still end early."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag not in _INLINE_TAGS:
            continue
        before, parent = element.getprevious(), element.getparent()
        text = before.tail if before is not None else parent.text if parent is not None else None
        if not text or not text.endswith(" ") or not text.strip():
            continue
        if before is not None:
            before.tail = text[:-1]
        else:
            parent.text = text[:-1]
        space = lxml_html.Element("span", {"class": SPACE})
        space.text = " "
        element.addprevious(space)
