"""The print edition read back: each PDF's text, page by page as pdftotext draws it, compared
block by block with the web articles of its language (and the cover with the print document's
cover), in reading order, exactly, after removing white space (lines break in other places on
paper). What print adds is checked on its own: the running head and page number of every page,
the contents (chapter titles and the pages their bookmarks lead to), list numbers, and the
address printed after each link that leaves the document. Any other text between two blocks
may not contain a digit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, Tag

from contract import BLOCKS, DIGIT, NOTE, read

from guidebook.languages import root as language_root

# The web's opening calendar: print has its own (components/calendar.print_calendar).
CALENDAR = "opening-calendar"
# Elements the print edition leaves out: they only work on screen (and anything marked so: an
# office's map link).
SCREEN_ONLY = ("form", "script", "noscript", "template")
SCREEN_ONLY_CLASS = "screen-only"
# A line with only a list's bullet or number: pdftotext gives a page's markers after its text.
LIST_MARKER = re.compile(r"^\s*(?:[•◦▪‣]|\d{1,2}[.)])\s*$", re.M)
# A line broken by hyphenation (WeasyPrint's hyphen character, U+2010), and white space.
_HYPHENATED = re.compile("\u2010\n")
_SPACE = re.compile(r"[\s\u200b]+")  # white space, and the zero-width space of a break opportunity
# The CJK fonts draw ・ (U+30FB) and the list bullet • (U+2022) with one glyph, which the PDF's
# text map can give back only as one of them: "遺失届・盗難届" reads back as "遺失届•盗難届".
SAME_GLYPH = "[・•]"


def squeezed(text: str) -> str:
    return _SPACE.sub("", _HYPHENATED.sub("", text))


@dataclass
class PrintedBlock:
    where: str  # page, heading and the block's first words, for messages
    pattern: re.Pattern | None  # the block's own text, with each printed link address
    one_page: bool = False  # printed on one page, never split (a month of the calendar)
    calendar: str | None = None  # the place of an office's calendar, which print shows its own way
    anchor: str | None = None  # the address a link to this block leads to (page#id, or the page for its h1)
    refs: tuple[str, ...] = ()  # the addresses of the links inside it, each printed with its page


def _own_text_pattern(element: Tag, page_url: str, chapters: set[str] | None,
                      page_label: tuple[str, str] = ("", ""), refs: list[str] | None = None) -> str:
    """The block's own text (not that of blocks inside it) as a regular expression, white space
    removed; each link that leaves the document (``chapters``: the pages in it; None: links
    print as they are) is followed by its address in brackets, each link inside it by the page
    it leads to (a group of the pattern; its address appended to ``refs``)."""
    parts = []
    for node in element.descendants:
        if isinstance(node, Tag):
            continue
        if any(isinstance(p, Tag) and (p.name in SCREEN_ONLY or SCREEN_ONLY_CLASS in p.get("class", []))
               for p in node.parents):
            continue
        owner = next(p for p in node.parents if p is element or (p.name in BLOCKS and NOTE not in p.get("class", [])))
        if owner is not element or node.parent.name in ("script", "style"):
            continue
        parts.append(re.escape(squeezed(str(node))).replace("・", SAME_GLYPH))
        link = node.find_parent("a")
        if (link is not None and chapters is not None and link.get("href")
                and node is list(link.strings)[-1] and element in link.parents):
            address = _printed_address(link["href"], page_url, chapters)
            if address:
                parts.append(r"[(（]" + re.escape(address) + r"[)）]")
            elif not link["href"].startswith(("tel:", "mailto:")) and refs is not None:
                target, fragment = urldefrag(urljoin(page_url, link["href"]))
                parts.append(r"[(（]" + re.escape(squeezed(page_label[0])) + r"(\d+)" + re.escape(squeezed(page_label[1]))
                             + r"[)）]")
                refs.append(f"{target}#{fragment}" if fragment else target)
    return "".join(parts)


def _printed_address(href: str, page_url: str, chapters: set[str]) -> str | None:
    if href.startswith(("tel:", "mailto:")):
        return None
    target, fragment = urldefrag(urljoin(page_url, href))
    if target in chapters:
        return None
    return target + (f"#{fragment}" if fragment else "")


def web_blocks(site, lang: str, pages_in_order: list[str], page_url,
               page_label: tuple[str, str] = ("", "")) -> list[PrintedBlock]:
    """The blocks of the web articles of one language in print order, as they must print; a
    link to another part of the document is followed by the page it leads to, worded with
    ``page_label`` (the words before and after the number)."""
    chapters = {page_url(url) for url in pages_in_order}
    found = []
    for url in pages_in_order:
        soup = read(language_root(site, lang) / url / "index.html")
        article = soup.select_one("article.md-content__inner")
        for element in article.find_all([*BLOCKS, "div"]):
            if CALENDAR in element.get("class", []):
                # Print shows the year it is used for, not the web's months: printed_calendars.
                found.append(PrintedBlock(f"{url} › calendar of {element['data-office']}", None,
                                          calendar=element["data-office"]))
            if (element.name == "div" or NOTE in element.get("class", []) or element.find_parent(SCREEN_ONLY)
                    or element.find_parent(class_=SCREEN_ONLY_CLASS)
                    or element.find_parent(class_=CALENDAR)):
                continue
            refs: list[str] = []
            pattern = _own_text_pattern(element, page_url(url), chapters, page_label, refs)
            if pattern:
                heading = element.find_previous(["h1", "h2", "h3"])
                label = heading.get_text(" ", strip=True)[:40] if heading else ""
                anchor = (page_url(url) if element.name == "h1" else
                          f"{page_url(url)}#{element['id']}" if element.get("id") else None)
                found.append(PrintedBlock(f"{url or 'index'} › {label} › {element.name} "
                                          f"{element.get_text(' ', strip=True)[:40]!r}", re.compile(pattern),
                                          anchor=anchor, refs=tuple(refs)))
    return found


def printed_calendars(blocks: list[PrintedBlock], document: BeautifulSoup) -> list[PrintedBlock]:
    """``blocks`` with each office's calendar replaced by the months of the print document's
    calendar of that office, each a block that must print whole on one page."""
    found = []
    for block in blocks:
        if block.calendar is None:
            found.append(block)
            continue
        for month in document.select(f'.print-calendar[data-office="{block.calendar}"] .print-calendar-month'):
            found.append(PrintedBlock(f"{block.where}, month {month.h4.select_one('[data-date]')['data-date'][:7]}",
                                      re.compile(re.escape(squeezed(month.get_text()))), one_page=True))
    return found


def cover_blocks(document: BeautifulSoup, cover: str = "cover") -> list[PrintedBlock]:
    """The blocks of the print document's cover (or its back cover, ``back-cover``, or the page
    after the cover in large print, ``inside-cover``)."""
    found = []
    for element in document.select_one(f".{cover}").find_all(BLOCKS):
        pattern = _own_text_pattern(element, "", None)
        if pattern:
            found.append(PrintedBlock(f"{cover} › {element.name} {element.get_text(' ', strip=True)[:40]!r}",
                                      re.compile(pattern)))
    return found


def match_blocks(blocks: list[PrintedBlock], pages: list[tuple[int, str]]) -> list[str]:
    """Find each block in the printed text, in order; the text no block accounts for may not
    hold a digit. ``pages``: (page number, text without running head and list markers)."""
    text, starts = "", []
    for number, page in pages:
        starts.append((len(text), number))
        text += squeezed(page)

    def page_at(offset: int) -> int:
        return [number for start, number in starts if start <= offset][-1] if starts else 0

    problems, cursor, anchors, printed_refs = [], 0, {}, []
    for block in blocks:
        match = block.pattern.search(text, cursor)
        if match is None:
            problems.append(f"page {page_at(cursor)}ff.: block {block.where} not printed (or not in this order): "
                            f"expected {block.pattern.pattern[:80]!r}")
            continue
        problems += _stray(text[cursor:match.start()], page_at(cursor), f"before {block.where}")
        if block.one_page and page_at(match.start()) != page_at(match.end() - 1):
            problems.append(f"{block.where}: split across pages {page_at(match.start())} and {page_at(match.end() - 1)}")
        if block.anchor:
            anchors[block.anchor] = page_at(match.start())
        printed_refs += [(block.where, ref, int(page)) for ref, page in zip(block.refs, match.groups())]
        cursor = match.end()
    for where, ref, page in printed_refs:
        if anchors.get(ref) != page:
            problems.append(f"{where}: the link to {ref} gives page {page}, it is printed on page {anchors.get(ref)}")
    problems += _stray(text[cursor:], page_at(cursor), "after the last block")
    return problems


def _stray(gap: str, page: int, where: str) -> list[str]:
    return [f"page {page}: printed digits that no block of the web shows, {where}: {gap[:80]!r}"] if DIGIT.search(gap) else []


def contents_problems(pages: list[tuple[int, str]], entries: list[tuple[str, int]], heading: str) -> list[str]:
    """The contents list each chapter title with the page its bookmark leads to, and nothing else."""
    text = squeezed("".join(page for _, page in pages)).replace(".", "")
    expected = squeezed(heading) + "".join(squeezed(title).replace(".", "") + str(page) for title, page in entries)
    if text != expected:
        return [f"contents (pages {pages[0][0]}-{pages[-1][0]}) read {text[:120]!r}, expected {expected[:120]!r}"]
    return []


def without_markers(text: str) -> str:
    return LIST_MARKER.sub("", text)


# --- words split across lines ----------------------------------------------------------------

# A word: a run of letters, marks and digits of any script (Devanagari vowel signs included),
# between spaces and punctuation.
WORD = re.compile(r"[^\s()（）\[\]「」『』【】、。，．,.;:：；!?！？/\"'“”‘’·・\u2010\-–—~～…]+")
# Scripts without spaces between words whose kept phrases or words are checked at line ends.
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]")


def split_words(pages: list[str], vocabulary: set[str], longest_kept: int | None = None) -> list[str]:
    """Line ends that cut a word of the printed text in two: the two pieces joined make a word
    of ``vocabulary`` and one of them is not a word there ("nationa|l"). A line ending with a
    hyphenation hyphen is hyphenated, not cut. ``longest_kept``: words longer than that may be cut."""
    found = []
    for number, page in enumerate(pages, 1):
        lines = page.split("\n")
        for before, after in zip(lines, lines[1:]):
            if not before or not after or before.endswith("\u2010") or before[-1].isspace() or after[0].isspace():
                continue
            end, start = WORD.search(before[::-1]), WORD.match(after)
            if end is None or end.start() != 0 or start is None:
                continue
            end, start = end.group()[::-1], start.group()
            if _JAPANESE.match(end[-1]) and _JAPANESE.match(start[0]):
                continue  # Japanese quoted in the page: split_phrases
            word = end + start
            if word in vocabulary and (end not in vocabulary or start not in vocabulary) and not (
                    longest_kept and len(word) > longest_kept):
                found.append(f"page {number}: {end}|{start}")
    return found


def split_phrases(pages: list[str], document: BeautifulSoup, phrase_class: str) -> list[str]:
    """Line ends inside a Japanese phrase or Thai word that the print document keeps whole (its phrase spans):
    the document's text is read with, for each character, whether it continues a phrase."""
    text, inside = [], []
    for node in document.body.find_all(string=True):
        squeezed_node = squeezed(str(node))
        in_phrase = node.parent is not None and phrase_class in (node.parent.get("class") or [])
        for index, char in enumerate(squeezed_node):
            text.append(char)
            inside.append(in_phrase and index > 0)
    text = "".join(text)
    found = []
    for number, page in enumerate(pages, 1):
        lines = page.split("\n")
        for before, after in zip(lines, lines[1:]):
            if not before or not after or not (_UNSPACED.match(before[-1]) and _UNSPACED.match(after[0])):
                continue
            left, right = squeezed(before)[-12:], squeezed(after)[:12]
            places = [m.start() + len(left) for m in re.finditer(re.escape(left + right), text)]
            if places and all(inside[place] for place in places):
                found.append(f"page {number}: {before[-8:]}|{after[:8]}")
    return found
