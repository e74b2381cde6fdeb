"""PDFs of the print edition: the document of guidebook/print_edition.py rendered by WeasyPrint
as tagged PDF (PDF/UA-1), one file per language and edition in <site>/pdf/.

Reproducible: no clock and no random identifier go into a file (dates come from data/ or
SOURCE_DATE_EPOCH; the file identifier is a hash of the content)."""

from __future__ import annotations

import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import lxml.html
from weasyprint import HTML
from weasyprint.formatting_structure.boxes import (AtomicInlineLevelBox, InlineBlockBox, LineBox, MarginBox, ParentBox,
                                                  ReplacedBox, TableCellBox, TextBox)
from weasyprint.urls import URLFetcher

from .data import load_cached
from .pdf_accessibility import WORD_JOINER, actual_text, running_heads_as_artifacts
from .print_edition import PRINT_DIR, document
from .print_files import EDITIONS, PDF_FOLDER, pdf_name
from .print_phrases import READING_BLOCK

PDF_VARIANT = "pdf/ua-1"
OPTIONS = {"pdf_variant": PDF_VARIANT, "pdf_identifier": True}
# Half a point: what a rounding error can add; anything wider shows on paper.
TOLERANCE = 0.5


class Overflow(Exception):
    """Something of the print edition reaches beyond its page or its table cell."""


class PrintError(Exception):
    """A PDF that could not be made: what WeasyPrint raised outside Exception, as an Exception."""


class Printed(NamedTuple):
    """A PDF made, and the lines of it that end early (``early_breaks``): a layout fault to look
    at, not a reason to withhold the file."""
    path: Path
    early_lines: tuple[str, ...] = ()


def render(site: Path, lang: str, edition: str, target: Path, press: bool = False) -> Printed:
    """One PDF of the print edition from the built ``site`` (``press``: the printer's variant)."""
    try:
        return _render(site, lang, edition, target, press)
    except (Exception, KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # WeasyPrint's FatalURLFetchingError: not an Exception
        raise PrintError(f"{target.name}: {type(exc).__name__}: {exc}") from None


def _render(site: Path, lang: str, edition: str, target: Path, press: bool = False) -> Printed:
    html = document(site, lang, edition, load_cached(), press)
    # Only the print folder's CSS and data: URIs (QR codes) are loaded: nothing from the network.
    fetcher = URLFetcher(allowed_protocols=("file", "data"), fail_on_errors=True)

    def lay_out(html: str):
        return HTML(string=html, base_url=PRINT_DIR.as_uri() + "/", url_fetcher=fetcher).render(**OPTIONS)

    laid_out = lay_out(html)
    # WeasyPrint's page numbers (target-counter) can stop one page short of where a chapter
    # lands when a late pass moves it: then the numbers are written in and the pages laid out
    # again, until what is printed is where each target is.
    for written_in in range(SETTLING_PASSES + 1):
        pages = anchor_pages(laid_out)
        wrong = {ref for ref, printed in printed_page_numbers(laid_out).items() if set(printed) != {pages.get(ref)}}
        if not wrong:
            break
        if written_in == SETTLING_PASSES:
            raise PrintError(f"{target.name}: the page numbers of {', '.join(sorted(wrong)[:5])} did not settle")
        html = with_page_numbers(html, pages)
        laid_out = lay_out(html)
    problems = overflows(laid_out)
    if problems:
        raise Overflow(f"{target.name}: {len(problems)} overflow(s):\n" + "\n".join(problems[:20]))
    target.parent.mkdir(parents=True, exist_ok=True)
    with actual_text():
        laid_out.write_pdf(target, **OPTIONS)
    running_heads_as_artifacts(target)
    return Printed(target, tuple(early_breaks(laid_out)))


SETTLING_PASSES = 3


def anchor_pages(document) -> dict[str, int]:
    """{id: the number of the page it starts on} of a laid-out document (an element that runs
    over several pages is an anchor of each)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in page.anchors:
            pages.setdefault(name, number)
    return pages


def printed_page_numbers(document) -> dict[str, list[int]]:
    """{id: the page numbers printed after the page references and contents entries that lead
    to it} (the text of their ::after boxes)."""
    found: dict[str, list[int]] = {}

    def walk(box) -> None:
        if isinstance(box, TextBox) and (box.element_tag or "").endswith("::after") and box.element is not None:
            href, numbers = box.element.get("href") or "", re.findall(r"\d+", box.text)
            if href.startswith("#") and numbers:
                found.setdefault(href[1:], []).append(int(numbers[-1]))
        if isinstance(box, ParentBox):
            for child in box.children:
                walk(child)

    for page in document.pages:
        walk(page._page_box)  # the laid-out boxes: no public name for them
    return found


def with_page_numbers(html: str, pages: dict[str, int]) -> str:
    """The print document with each page reference's and contents entry's page number written
    in (data-page, which print/guidebook.css prints instead of the target-counter)."""
    tree = lxml.html.document_fromstring(html)
    for link in tree.xpath("//a[contains(concat(' ', @class, ' '), ' page-ref ')] | //nav[@class='toc']//a"):
        target = (link.get("href") or "").removeprefix("#")
        if target in pages:
            link.set("data-page", str(pages[target]))
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def overflows(document) -> list[str]:
    """Text and images that reach past the right or left of the page's content area, or out
    of their table cell (a calendar column too narrow for its words) or of the block of a word
    and its reading (a width print_edition got wrong)."""
    found = []
    for number, page in enumerate(document.pages, 1):
        box = page._page_box  # WeasyPrint's laid-out boxes: no public name for them
        area = (box.content_box_x(), box.content_box_x() + box.width)
        for child in box.children:
            if not isinstance(child, MarginBox):
                _check(child, area, area, number, found)
    return found


def _check(box, page, cell, number, found) -> None:
    if isinstance(box, TableCellBox) or _is_reading_block(box):
        cell = (box.content_box_x(), box.content_box_x() + box.width)
    if isinstance(box, (TextBox, ReplacedBox)) and not (box.element_tag or "").endswith("::marker"):
        for name, (left, right) in (("page", page), ("table cell or word with its reading", cell)):
            beyond = max(left - box.position_x, box.position_x + box.width - right)
            if beyond > TOLERANCE:
                what = box.text if isinstance(box, TextBox) else f"<{box.element_tag}>"
                found.append(f"page {number}: {what[:40]!r} reaches {beyond * 25.4 / 72:.1f} mm out of its {name}")
                break
    if isinstance(box, ParentBox):
        for child in box.children:
            _check(child, page, cell, number, found)


def _is_reading_block(box) -> bool:
    """A word with its reading above it, of the width print_edition gives it."""
    return isinstance(box, InlineBlockBox) and box.element is not None and box.element.get("class") == READING_BLOCK


def early_breaks(document) -> list[str]:
    """Lines that end well before the edge of their block while the next line's first word
    would have fitted there: a break the text does not call for (WeasyPrint once broke
    "… line (0120-95-0178;" | "after the voice guidance, press 2)…" with a third of the line
    empty). Only a gap wider than twice that word and a space counts: the estimate is the
    word's share of its text's width, and a float beside a block takes some of its width."""
    found = []
    for number, page in enumerate(document.pages, 1):
        for child in page._page_box.children:  # WeasyPrint's laid-out boxes: no public name for them
            if not isinstance(child, MarginBox):  # running heads: tests/test_print.py, the safe area
                _early(child, number, found)
    return found


def _early(box, number, found) -> None:
    if not isinstance(box, ParentBox):
        return
    lines = [child for child in box.children if isinstance(child, LineBox)]
    if box.element is not None and next(box.element.iter("br"), None) is not None:
        lines = []  # its lines end where the text says (<br> leaves no box to see)
    right = box.content_box_x() + box.width
    for line, following in zip(lines, lines[1:]):
        leaves = list(_leaves(line))
        if not leaves:
            continue
        gap = right - max(leaf.position_x + leaf.margin_width() for leaf in leaves)
        word, width = _first_word(following)
        if word and gap > 2 * width + 12:
            said = "".join(leaf.text for leaf in leaves if isinstance(leaf, TextBox))
            found.append(f"page {number}: the line \"…{said[-40:]}\" ends {gap * 25.4 / 96:.0f} mm short of its edge"
                         f" though the next line's \"{word}\" needs {width * 25.4 / 96:.0f} mm")
    for child in box.children:
        _early(child, number, found)


def _leaves(box):
    if isinstance(box, (TextBox, AtomicInlineLevelBox)):
        yield box
    elif isinstance(box, ParentBox):
        for child in box.children:
            yield from _leaves(child)


def _first_word(line) -> tuple[str, float]:
    """The line's text up to its first space outside a no-wrap run (not just after an opening
    bracket, nor before a word joiner: "(p. 12)" is one word), and its width. Japanese and Thai
    break without spaces: their lines count as one word, which a gap never exceeds (the check is
    for scripts that break at spaces)."""
    word, width = "", 0.0
    for leaf in _leaves(line):
        if not isinstance(leaf, TextBox):
            word, width = word + "\ufffc", width + leaf.margin_width()
            continue
        text = leaf.text
        breaks = [] if leaf.style["white_space"] in ("nowrap", "pre") else [
            i for i, ch in enumerate(text) if ch == " " and (word + text[:i]).rstrip()
            and not _OPENS.search(word + text[:i]) and text[i + 1:i + 2] != WORD_JOINER]
        if not breaks:
            word, width = word + text, width + leaf.width
        else:
            return word + text[:breaks[0]], width + leaf.width * breaks[0] / max(len(text), 1)
    return word, width


_OPENS = re.compile(r"[(\[（「『“‘]$")


def build(site: Path, languages: list[str], editions: list[str] | None = None,
          processes: int | None = None, press: bool = False) -> dict[tuple[str, str], Printed | Exception]:
    """Every PDF of ``languages`` x ``editions`` into <site>/pdf/, several at a time. Each
    (language, edition) gets its file or the error that stopped it: one missing translation
    does not hide the problems of the other languages."""
    jobs = [(lang, edition) for lang in languages for edition in editions or list(EDITIONS)]
    folder = Path(site) / PDF_FOLDER
    # WeasyPrint lays out one document per process: the processors share the work.
    with ProcessPoolExecutor(processes or min(len(jobs), os.cpu_count() or 1)) as pool:
        futures = {job: pool.submit(render, site, *job, folder / pdf_name(*job, press), press) for job in jobs}
        return {job: future.exception() or future.result() for job, future in futures.items()}
