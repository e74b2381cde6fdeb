"""The print edition as one HTML document per language and edition, assembled from the BUILT
web pages: each page's article, in the order of the site's navigation, behind a cover and a
table of contents made from data/ with the same components as the pages. The template and
the CSS are in print/; guidebook/print_pdf.py turns the document into a PDF.

No text is written twice: the chapters are the web pages' own HTML; print only adds what
paper needs (page numbers, printed link addresses, QR codes)."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import lxml.html
import segno
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .catalog import N_, ROOT, translate
from . import components, furigana
from .components.calendar import print_calendar
from .context import Context
from .data import Guidebook
from .languages import EASY, LANGUAGES, folder, html_lang
from .languages import root as language_root
from .print_files import EDITIONS
from .print_phrases import (BREAK, NO_LINE_START, READING_BLOCK, keep_phrases_whole, keep_punctuation_with_values,
                            keep_spaces_before_elements_apart)
from .rules import build_date

PRINT_DIR = ROOT / "print"
LABELS = {
    "contents": N_("目次"),
    "number": N_("発行番号"),
    "issued": N_("発行日"),
    "opened": N_("開設日"),
    "address": N_("住所"),
    "phone": N_("電話"),
    "online": N_("オンライン版"),
    "publisher": N_("発行：港区"),
}
# The numbers the back cover gives: (name, phone) facts.
CONTACTS = [("offices.center.name_ja", "offices.center.phone"), ("hotlines.jlis.name_ja", "hotlines.jlis.phone"),
            ("hotlines.foreign.name_ja", "hotlines.foreign.phone"),
            ("hotlines.card_call_center.name_ja", "hotlines.card_call_center.phone")]
# The back cover repeats the contacts page's lost-card heading and its call line.
LOST_CARD = ("contacts", "lost", "call")
# A page number after a link to another part of the guidebook: "(p. 12)".
PAGE = N_("{page}ページ")
# Elements of a web page that only work on a screen (the validity calculator needs JavaScript).
SCREEN_ONLY = ("form", "script", "noscript", "template")
# Attributes that name ids, rewritten with the ids when chapters share one document.
ID_REFERENCES = ("for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
_LOCAL = "file:///site/"  # resolves links between the built files; never opened


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    html: Markup


def online_edition(book: Guidebook, lang: str) -> str:
    """The address of the web edition in ``lang``: Japanese at the root, others in their folder."""
    return urljoin(str(book.publication.online_edition), folder(lang))


def pages_in_nav_order(site: Path, lang: str) -> list[tuple[str, object]]:
    """(path below the language root, parsed page) of each page, following the pages' own
    ``<link rel="next">`` from the home page: the order of the site's navigation."""
    base = language_root(site, lang)
    found, url = [], ""
    while url is not None:
        if url in (u for u, _ in found):
            raise ValueError(f"{lang}: the pages' next links go round in a circle at {url!r}")
        tree = lxml.html.parse(str(base / url / "index.html"))
        found.append((url, tree))
        following = tree.xpath("//head/link[@rel='next']/@href")
        url = urljoin(f"{_LOCAL}{url}", following[0]).removeprefix(_LOCAL) if following else None
    return found


def site_name(site: Path, lang: str) -> str:
    """The site's name in ``lang`` as the built home page shows it in its header."""
    tree = lxml.html.parse(str(language_root(site, lang) / "index.html"))
    names = tree.xpath("//*[contains(@class, 'md-header__topic')]//*[contains(@class, 'md-ellipsis')]")
    if not names:
        raise ValueError(f"{lang}: no site name in the header of the home page")
    return names[0].text_content().strip()


def chapters(site: Path, lang: str, book: Guidebook) -> list[Chapter]:
    """Every page's article, ids made unique in the one document and links made to work on paper."""
    pages = pages_in_nav_order(site, lang)
    # Links are resolved against each page's canonical address, the one the site was built for.
    addresses = {url: _canonical(tree, lang, url) for url, tree in pages}
    built_root = addresses[""].removesuffix(folder(lang))
    slugs = {addresses[url]: url.strip("/").replace("/", "-") or "home" for url, _ in pages}
    ctx = Context(lang=lang, book=book)
    links = Links(slugs, built_root, str(book.publication.online_edition), page_label(lang))
    found = []
    for url, tree in pages:
        article = _article(tree, lang, url)
        for element in article.xpath(" | ".join(f".//{tag}" for tag in SCREEN_ONLY)):
            element.getparent().remove(element)
        for element in article.xpath(".//*[contains(concat(' ', @class, ' '), ' screen-only ')]"):
            element.drop_tree()  # its tail stays
        # The web's calendar shows the months around the build; paper, the year it is used for.
        for calendar in article.xpath(".//div[contains(concat(' ', @class, ' '), ' opening-calendar ')]"):
            printed = lxml.html.fragment_fromstring(str(print_calendar(ctx, calendar.get("data-office"))))
            printed.tail = calendar.tail
            calendar.getparent().replace(calendar, printed)
        slug = slugs[addresses[url]]
        _prefix_ids(article, slug)
        for link in article.xpath(".//a[@href]"):
            links.rewrite(link, addresses[url])
        heading = article.find(".//h1")
        title = _words(heading) if heading is not None else slug
        inner = (article.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in article)
        found.append(Chapter(slug, title, Markup(inner)))
    return found


def _article(tree, lang: str, url: str):
    found = tree.xpath("//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]")
    if not found:
        raise ValueError(f"{lang}/{url}: no article element: is this a page of the guidebook?")
    return found[0]


def _canonical(tree, lang: str, url: str) -> str:
    found = tree.xpath("//head/link[@rel='canonical']/@href")
    if not found:
        raise ValueError(f"{lang}/{url}: no canonical address in the page's head")
    return found[0]


def _words(element) -> str:
    """An element's text without the readings over its kanji."""
    return "".join(element.xpath(".//text()[not(ancestor::rt or ancestor::rp)]")).strip()


def _reading_above(ruby) -> None:
    """<ruby>港区<rt>みなとく</rt></ruby> as two lines of one inline block, the reading first:
    WeasyPrint lays out no ruby (it would print the reading after the word), and pdftotext then
    reads the reading before its word, as the eye does."""
    reading = "".join(rt.text_content() for rt in ruby.findall("rt"))
    for rt in ruby.findall("rt") + ruby.findall("rp"):
        rt.drop_tree()
    base = lxml.html.Element("span", {"class": "rb"})
    base.text, ruby.text = ruby.text, None
    for child in list(ruby):
        base.append(child)
    above = lxml.html.Element("span", {"class": "rt"})
    above.text = reading
    ruby.tag = "span"
    ruby.set("class", READING_BLOCK)
    # Its width given, WeasyPrint need not find it by laying the block out twice (a third of the
    # Easy Japanese PDFs' layout time); print_pdf.overflows finds text wider than it.
    ruby.set("style", f"width: {max(_ems(base.text_content()), _ems(reading) / 2):g}em")
    ruby.extend([above, base])


def _ems(text: str) -> float:
    """The width of ``text`` in BIZ UDGothic, the print edition's Japanese face, which is
    fixed-pitch: 1 em a full-width character (kanji, kana), half an em any other."""
    return sum(1 if unicodedata.east_asian_width(ch) in "WF" else .5 for ch in text)


def _prefix_ids(article, slug: str) -> None:
    for element in article.xpath(".//*[@id]"):
        element.set("id", f"{slug}--{element.get('id')}")
    for name in ID_REFERENCES:
        for element in article.xpath(f".//*[@{name}]"):
            element.set(name, " ".join(f"{slug}--{ref}" for ref in element.get(name).split()))


# An address cut after each "/" of its path, the site's own address whole: on paper a line may
# break there and nowhere else (not at a hyphen, which would read as part of the address).
_ADDRESS_PART = re.compile(r"[a-z]+://[^/]*/?|[^/]+/?")


def breakable_address(address: str) -> Markup:
    """The address as HTML: its parts kept whole, a break opportunity after each."""
    return Markup("<wbr>").join(Markup('<span class="url-part">{}</span>').format(part)
                                for part in _ADDRESS_PART.findall(address))


@dataclass(frozen=True)
class Links:
    """Where the links of the web pages lead on paper."""

    chapters: dict[str, str]  # canonical address of a page -> its chapter's id
    built_root: str  # the site's address in the build (a preview may use another)
    published_root: str  # the address readers type: data/publication.yml
    page_label: tuple[str, str] = ("", "")  # what comes before and after a page number: ("p. ", "")

    def rewrite(self, link, page_address: str) -> None:
        href = link.get("href")
        if href.startswith(("tel:", "mailto:")):
            return
        target, fragment = urldefrag(urljoin(page_address, href))
        if target in self.chapters:
            # Another chapter of the same document.
            slug = self.chapters[target]
            link.set("href", f"#{slug}--{fragment}" if fragment else f"#{slug}")
            # Followed by the page it leads to (print/guidebook.css: target-counter).
            link.set("class", " ".join(filter(None, (link.get("class"), "page-ref"))))
            link.set("data-page-before", self.page_label[0])
            link.set("data-page-after", self.page_label[1])
            return
        # Elsewhere: on paper the reader needs the address, and a QR code to open it.
        if target.startswith(self.built_root):
            target = self.published_root + target.removeprefix(self.built_root)
        address = target + (f"#{fragment}" if fragment else "")
        link.set("href", address)
        printed = lxml.html.fragment_fromstring(f'<span class="link-address">{breakable_address(address)}</span>')
        qr = lxml.html.fragment_fromstring('<img class="qr">')
        qr.set("src", qr_code(address))
        qr.set("alt", address)
        # "<a>name</a><span>address</span>", then the text that followed the link; the QR code
        # in a column beside the block's text (a float beside a list item's text pushed the text
        # below it; one at a line break lost the words next to it).
        tail, link.tail = link.tail, None
        # A line may break after the address where words follow it without a space (Korean
        # "…/)(사이트에서", "…/)에서"), unless they start with what may not start a line.
        if tail and not tail[0].isspace() and tail[0] not in NO_LINE_START:
            tail = BREAK + tail
        link.addnext(printed)
        printed.tail = tail
        block = next((parent for parent in link.iterancestors("p", "li", "dd", "td", "th", "div")
                      if parent.get("class") not in _QR_ROW), None)
        if block is None:
            printed.addnext(qr)
            qr.tail, printed.tail = tail, None
            return
        _codes_beside(block).append(qr)


# The row that puts a block's QR codes beside its text: not a block of its own.
_QR_ROW = ("with-qr", "with-qr-text", "with-qr-codes")


def _codes_beside(block):
    """The column of QR codes beside ``block``'s content, made the first time: the block's
    content moves into the row's text cell (the block itself stays a list item, a cell...)."""
    row = block.find("div[@class='with-qr']")
    if row is None:
        row = lxml.html.fragment_fromstring('<div class="with-qr"><div class="with-qr-text"></div><div class="with-qr-codes"></div></div>')
        text = row[0]
        text.text, block.text = block.text, None
        for child in list(block):
            text.append(child)
        block.append(row)
    return row[1]


def page_label(lang: str) -> tuple[str, str]:
    """The words around a page number in this language ("p. {page}" in English), split at the
    number: plain text for attributes (the print stylesheet shows them with ``attr()``)."""
    before, _, after = translate(lang, PAGE).partition("{page}")
    return before, after


def qr_code(url: str) -> str:
    """A QR code of ``url`` as an SVG data URI (vector, so it prints sharp at any size)."""
    return segno.make(url, micro=False).svg_data_uri(omitsize=True)


def document(site: Path, lang: str, edition: str, book: Guidebook, press: bool = False) -> str:
    """The print document of one language and edition, as HTML for WeasyPrint; ``press``: the
    printer's variant, each page with 3 mm of bleed and crop marks (print/press.css)."""
    if edition not in EDITIONS:
        raise ValueError(f"no edition {edition!r}; expected one of: {', '.join(EDITIONS)}")
    if lang not in LANGUAGES:
        raise ValueError(f"no language {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    if not (language_root(site, lang) / "index.html").exists():
        raise FileNotFoundError(f"{language_root(site, lang) / 'index.html'} missing: build the site with {lang!r} first")
    ctx = Context(lang=lang, book=book)
    env = Environment(loader=FileSystemLoader(PRINT_DIR), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(fact=ctx.fact, words=ctx.words, **{name: partial(f, ctx) for name, f in components.COMPONENTS.items()})
    online = online_edition(book, lang)
    found = chapters(site, lang, book)
    html = env.get_template("guidebook.html").render(
        lang=lang, html_lang=html_lang(lang), readings=lang == EASY, edition=edition, press=press,
        title=site_name(site, lang), chapters=found, lost_card=lost_card(found, lang),
        contacts=CONTACTS, publisher_line=components.publisher(ctx),
        labels={key: ctx._(msgid) for key, msgid in LABELS.items()}, edition_name=ctx._(EDITIONS[edition]),
        online=online, online_address=breakable_address(online), online_qr=qr_code(online),
        publisher=translate(lang, book.offices[book.publication.publisher].name_ja),
        created=book.publication.issued.isoformat(), modified=_modified(book).isoformat(),
    )
    if lang == EASY:  # readings over the covers' kanji (the articles have theirs; the printed calendar has none)
        html = furigana.annotate(html, furigana.reviewed_readings(book))
    tree = lxml.html.document_fromstring(html)
    for heading in tree.xpath("//h1[.//ruby] | //h2[.//ruby]"):
        # Contents, bookmarks and running heads give the words, not their readings.
        heading.set("data-title", _words(heading))
    for ruby in tree.xpath("//ruby"):
        _reading_above(ruby)
    keep_punctuation_with_values(tree)
    keep_phrases_whole(tree)
    keep_spaces_before_elements_apart(tree)
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")


def lost_card(found: list[Chapter], lang: str) -> Markup:
    """The contacts page's lost-card heading and call line, as the chapter prints them (ids
    dropped: they are the chapter's)."""
    slug, section, line = LOST_CARD
    chapter = next((c for c in found if c.slug == slug), None)
    heading = None
    if chapter is not None:
        root = lxml.html.fragment_fromstring(str(chapter.html), create_parent="div")
        heading = next(iter(root.xpath(f".//h2[@id='{slug}--{section}']")), None)
    call = heading.getnext() if heading is not None else None
    while call is not None and call.tag != "h2" and line not in (call.get("class") or "").split():
        call = call.getnext()
    if call is None or call.tag == "h2":
        raise ValueError(f"{lang}: the back cover needs the {slug} page's #{section} section with a "
                         f"{{: .{line} }} paragraph (content/{lang}/{slug}.md)")
    parts = []
    for element in (heading, call):
        copied = deepcopy(element)
        for marked in copied.xpath("descendant-or-self::*[@id]"):
            del marked.attrib["id"]
        copied.tail = None
        parts.append(lxml.html.tostring(copied, encoding="unicode"))
    return Markup("".join(parts))


def _modified(book: Guidebook) -> dt.date:
    # SOURCE_DATE_EPOCH (the day the build stands for) when given; else the issue date: never
    # the clock, so that two builds of the same sources give the same file.
    return build_date() if os.environ.get("SOURCE_DATE_EPOCH") else book.publication.issued
