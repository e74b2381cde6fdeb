"""The print edition (README, Print edition): a PDF per language and edition, made from the built web
pages, that prints the web articles block by block (tests/print_contract.py), is tagged and searchable, has a working
table of contents, stays within its page and size budgets, and comes out the same twice."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import pikepdf
import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import Markup
from pypdf import PdfReader
import contract
import print_contract
from contract import KANA, KANJI
from print_contract import squeezed
from conftest import ROOT
from tracing import main_content, pages

from guidebook import print_edition, print_files, print_pdf, print_phrases
from guidebook.languages import EASY, LANGUAGES, html_lang
from guidebook.languages import root as language_root

EDITIONS = list(print_files.EDITIONS)
JOBS = [(lang, edition) for lang in LANGUAGES for edition in EDITIONS]
IDS = [f"{lang}-{edition}" for lang, edition in JOBS]

A4 = (595.28, 841.89)  # points
# Budgets: a PDF that grows past them has lost its layout (or gained a chapter: raise them then).
MAX_PAGES = {"standard": 50, "large": 96}  # large: 89 pages in Tagalog with the twelve-month calendar
# The Easy Japanese edition says more (short sentences, words explained) with a line of readings
# over each line of text, and each reading is a text run of its own: 62 and 115 pages, 2.0 MB.
MAX_PAGES_EASY = {"standard": 66, "large": 126}
MAX_BYTES_EASY = 2_500_000
MAX_BYTES = 2_000_000
# Smallest text outside the running header and footer, in points.
MIN_BODY_SIZE = {"standard": 12, "large": 18}


def _pdf(pdfs, lang: str, edition: str) -> Path:
    return _printed(pdfs, lang, edition).path


def _printed(pdfs, lang: str, edition: str) -> print_pdf.Printed:
    result = pdfs[(lang, edition)]
    if isinstance(result, Exception):
        pytest.fail(f"no PDF for {lang} {edition}: {type(result).__name__}: {result}")
    return result


@cache
def reader(path: Path) -> PdfReader:
    """The PDF parsed by pypdf, for the text as drawn (its extraction does not apply /ActualText).
    pypdf reads a PDF's object streams in Python: seconds for each file. Everything else is read
    with pikepdf (qpdf, in C++)."""
    return PdfReader(path)


@cache
def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


@cache
def outline(path: Path) -> tuple[tuple[str, int], ...]:
    """Top-level bookmarks: (title, page number)."""
    with pikepdf.open(path) as pdf, pdf.open_outline() as tree:
        numbers = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
        return tuple((str(item.title), numbers[item.destination[0].objgen]) for item in tree.root)


@cache
def pdf_pages(path: Path) -> list[str]:
    """The text of each page, as pdftotext extracts it (-raw: in the order it is drawn, which
    extracts Thai exactly)."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[: page_count(path)]


def _chapter_titles(site: Path, lang: str) -> list[str]:
    return [main_content(path).h1.get_text().strip() for path in _in_nav_order(site, lang)]


def _in_nav_order(site: Path, lang: str) -> list[Path]:
    root = language_root(site, lang)
    return [root / url / "index.html" for url, _ in print_edition.pages_in_nav_order(site, lang)]


@cache
def running_heads(path: Path) -> list[str]:
    """What the margins of each page should say: nothing on the cover, the page after it (large
    print) and the back cover; then the title of the chapter (or the contents) in effect, and the
    page number."""
    heads = [""]
    for number in range(2, len(pdf_pages(path))):
        titles = [title for title, first in outline(path) if first <= number]
        heads.append(f"{titles[-1]}{number}" if titles else "")
    return heads + [""]


@cache
def page_bodies(path: Path) -> tuple[str, ...]:
    """Each page's text without its running header and page number (which pdftotext gives last)
    and list markers, white space removed; fails where the margins do not say what they should."""
    bodies = []
    for number, (text, head) in enumerate(zip(pdf_pages(path), running_heads(path)), 1):
        text = squeezed(print_contract.without_markers(text))
        assert text.endswith(squeezed(head)), f"page {number}: running header and page number should read {head!r}"
        bodies.append(text.removesuffix(squeezed(head)))
    return tuple(bodies)


def print_problems(site, book, lang: str, edition: str, bodies: list[str], outline) -> list[str]:
    """Cover, contents, chapters and back cover of one PDF (``bodies``: its pages without running
    heads) against the print document's covers and the web articles, block by block."""
    contents, first_chapter = outline[0][1], outline[1][1]
    numbered = list(enumerate(bodies, 1))
    soup = _read_print_document(site, lang, edition)  # its own copy: the chapters are taken out below
    blocks = print_contract.printed_calendars(_web_blocks(site, lang), soup)
    cover = print_contract.cover_blocks(soup)
    inside = print_contract.cover_blocks(soup, "inside-cover") if soup.select_one(".inside-cover") else []
    back = print_contract.cover_blocks(soup, "back-cover")
    # Print's own: the calendar (inside a chapter) and the back cover's numbers, each beside the
    # name of its own line.
    problems = contract.print_calendar_problems(soup, lang, f"print document {edition}", book)
    for printed in soup.select(".print-calendar"):
        problems += (contract.marks_in(printed, lang, f"print document {edition} calendar", book)
                     + contract.digits_in(printed, lang, f"print document {edition} calendar"))
    for entry in soup.select(".back-contacts > div"):
        name, phone = (entry.select_one(f"{tag} [data-fact]")["data-fact"] for tag in ("dt", "dd"))
        if name.rsplit(".", 1)[0] != phone.rsplit(".", 1)[0]:
            problems.append(f"back cover: {phone} given as the number of {name}")
    for chapter in soup.select("section.chapter"):  # the web's articles, checked as web pages
        chapter.decompose()
    return (problems + contract.marks_in(soup, lang, f"print document {edition}", book)
            + contract.digits_in(soup, lang, f"print document {edition}")
            + print_contract.match_blocks(cover, numbered[:1])
            + print_contract.match_blocks(inside, numbered[1:contents - 1])
            + print_contract.contents_problems(numbered[contents - 1:first_chapter - 1], outline[1:], outline[0][0])
            + print_contract.match_blocks(blocks, numbered[first_chapter - 1:-1])
            + print_contract.match_blocks(back, numbered[-1:]))


@cache
def _web_blocks(site: Path, lang: str) -> list:
    """The web articles' blocks of one language, as both editions must print them."""
    pages = print_edition.pages_in_nav_order(site, lang)
    addresses = {url: print_edition._canonical(tree, lang, url) for url, tree in pages}
    return print_contract.web_blocks(site, lang, [url for url, _ in pages], addresses.__getitem__,
                                     print_edition.page_label(lang))


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_print_equals_the_web_block_by_block(site, pdfs, book, lang, edition):
    """Every block of the web articles is printed, in order, with exactly its text and facts;
    the cover shows its facts; nothing else printed holds a digit."""
    path = _pdf(pdfs, lang, edition)
    problems = print_problems(site, book, lang, edition, page_bodies(path), list(outline(path)))
    assert not problems, f"{path.name}: {len(problems)} problem(s):\n" + "\n".join(problems[:20])


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_chapters_follow_the_web_and_the_contents_give_their_pages(site, pdfs, lang, edition):
    path = _pdf(pdfs, lang, edition)
    bookmarks = outline(path)
    titles = _chapter_titles(site, lang)
    # Reading order as on the web: the contents, then one bookmark per page of the site, in nav order.
    assert [title for title, _ in bookmarks[1:]] == titles
    texts = pdf_pages(path)
    chapter_pages = [page for _, page in bookmarks[1:]]
    assert all(squeezed(title) in squeezed(texts[page - 1]) for title, page in zip(titles, chapter_pages))
    # The contents list each chapter with the page its bookmark leads to (target-counter).
    contents = "\n".join(text.rstrip().rsplit("\n", 1)[0] for text in texts[bookmarks[0][1] - 1: chapter_pages[0] - 1])
    listed = [int(n) for n in re.findall(r"(\d+)\s*$", contents, re.M)]
    assert listed == chapter_pages, f"contents say {listed}, chapters start on {chapter_pages}"


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_pdf_is_tagged_with_language_title_fonts_and_bookmarks(site, pdfs, lang, edition):
    path = _pdf(pdfs, lang, edition)
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert "/StructTreeRoot" in root and root.MarkInfo.Marked, "not a tagged PDF"
        assert str(root.Lang) == html_lang(lang)
        assert root.ViewerPreferences.DisplayDocTitle
        assert str(pdf.docinfo.Title) == print_edition.site_name(site, lang)
        assert b'pdfuaid:part="1"' in root.Metadata.read_bytes()
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "no font in the PDF"
    for line in fonts:
        embedded, _, unicode = line.split()[-5:-2]
        assert embedded == "yes" and unicode == "yes", f"font not embedded with a Unicode map: {line}"
    assert len(outline(path)) == 1 + len(_chapter_titles(site, lang))


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_running_header_and_page_number_are_artifacts(pdfs, lang, edition):
    path = _pdf(pdfs, lang, edition)
    contents = outline(path)[0][1]
    with pikepdf.open(path) as pdf:  # each page's content stream, as written
        drawn = [page.obj.Contents.read_bytes() for page in pdf.pages]
    for number, data in enumerate(drawn[contents - 1:-1], contents):  # not the covers
        assert re.search(rb"/Artifact\s*<<\s*/Type\s*/Pagination", data), (
            f"page {number}: header and page number are not marked as artifacts")


def test_the_pdf_post_processing_is_written_for_the_installed_versions():
    """guidebook/pdf_accessibility.py wraps a method of WeasyPrint's and reads the structure tree
    it writes: after an upgrade, read it again (and its tests above), then record the versions."""
    from guidebook.pdf_accessibility import VERSIONS

    installed = {name: importlib.metadata.version(name) for name in VERSIONS}
    assert installed == VERSIONS, (f"installed {installed}, guidebook/pdf_accessibility.py was written for "
                                   f"{VERSIONS}: check Stream.marked and the structure tree, then update VERSIONS")


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_the_text_holds_nothing_added_for_layout(pdfs, lang, edition):
    """The zero-width spaces that mark where Thai and Japanese may break, and the word joiners
    that hold a page number to its words, are layout: what is copied, searched or read aloud
    from a PDF is the text as the web gives it (the block-by-block test reads white space and
    zero-width spaces as nothing, so it would not see them)."""
    found = [(number, text.count("\u200b"), text.count("\u2060"))
             for number, text in enumerate(pdf_pages(_pdf(pdfs, lang, edition)), 1) if "\u200b" in text or "\u2060" in text]
    assert not found, "pages with zero-width spaces or word joiners in their text (page, spaces, joiners): " + str(found[:10])


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_pages_are_a4_within_budget_and_text_is_large_enough(pdfs, lang, edition):
    path = _pdf(pdfs, lang, edition)
    assert page_count(path) <= (MAX_PAGES_EASY if lang == EASY else MAX_PAGES)[edition]
    assert path.stat().st_size <= (MAX_BYTES_EASY if lang == EASY else MAX_BYTES)
    sizes = Counter()
    with pikepdf.open(path) as pdf:  # qpdf parses content streams in C++: pypdf took 3 s a PDF
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(value) for value in page.mediabox)
            assert (round(x1 - x0, 2), round(y1 - y0, 2)) == A4
            sizes.update(body_text_sizes(page))
    # The readings over kanji (Easy Japanese) are half the size of their word, as furigana are.
    smallest = MIN_BODY_SIZE[edition] * (0.5 if lang == EASY else 1)
    assert min(sizes) >= smallest - 0.01, f"text of {min(sizes)}pt in the {edition} edition"


# What a printer may cut: nothing printed within 10 mm of the page's edge (running heads and page
# numbers included), so that a trim a few millimetres off loses no word.
SAFE_MM = 10
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_every_word_is_inside_the_10mm_safe_area(pdfs, lang, edition):
    boxes = subprocess.run(["pdftotext", "-bbox", str(_pdf(pdfs, lang, edition)), "-"], capture_output=True,
                           text=True, check=True).stdout
    outside = []
    for number, page in enumerate(boxes.split("<page ")[1:], 1):
        width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', page).groups())
        for x0, y0, x1, y1, word in _WORD.findall(page):
            edges = (float(x0), float(y0), width - float(x1), height - float(y1))  # left, top, right, bottom
            if (closest := min(edges) * 25.4 / 72) < SAFE_MM - 0.05:
                outside.append(f"page {number}: {word!r} {closest:.1f} mm from the "
                               f"{('left', 'top', 'right', 'bottom')[edges.index(min(edges))]} edge")
    assert not outside, f"{len(outside)} word(s) outside the safe area:\n" + "\n".join(outside[:15])


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_the_cover_fills_its_page_with_the_issue_at_its_foot(pdfs, book, lang, edition):
    """A cover designed for the page, not a web page's top half: the title in the band at the top,
    the issue (publication number) and the web edition at the foot of the sheet."""
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(_pdf(pdfs, lang, edition)), "-"],
                           capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'height="([\d.]+)"', boxes).group(1))
    words = [(float(y0) / height, float(y1) / height, word) for _, y0, _, y1, word in _WORD.findall(boxes)]
    number = [y1 for _, y1, word in words if word == book.publication.number]
    assert number and number[0] > 0.75, f"the publication number is printed {number} of the way down the cover, not at its foot"
    assert any(word.startswith("https://") for _, _, word in words), \
        "the web edition's address is not on the cover's page (pushed below its edge?)"
    assert max(y1 for _, y1, _ in words) > 0.9, "the cover's last line is not at the foot of the page"
    assert min(y0 for y0, _, _ in words) < 0.1, "the cover does not start at the top of the page"


# Scripts whose line breaks are checked against the printed text's words; Japanese and Thai
# against the phrases and words the print document keeps whole. Chinese breaks between any two
# characters, as Chinese print does.
SPACED = ("en", "es", "id", "ko", "ne", "pt", "tl", "vi")


@cache
def _document_html(site: Path, lang: str, edition: str) -> str:
    """The print document of a PDF, made once per session (about a second each)."""
    from guidebook.data import load_cached

    return print_edition.document(site, lang, edition, load_cached())


def _read_print_document(site: Path, lang: str, edition: str) -> BeautifulSoup:
    """The print document as read: the readings over kanji (Easy Japanese) left out, as the PDF
    gives them no text."""
    soup = BeautifulSoup(_document_html(site, lang, edition), "lxml")
    for reading in soup.select("span.ruby > span.rt"):
        reading.decompose()
    return soup


@cache
def _print_document(site: Path, lang: str, edition: str) -> BeautifulSoup:
    """The print document as read, parsed once per session. Read only."""
    return _read_print_document(site, lang, edition)


@pytest.mark.parametrize("lang,edition", [(lang, edition) for lang, edition in JOBS if lang in (*SPACED, "ja", "th")],
                         ids=[i for (lang, _), i in zip(JOBS, IDS) if lang in (*SPACED, "ja", "th")])
def test_no_word_is_split_across_lines(site, pdfs, lang, edition):
    """A line ends between words (or hyphenated): never "Counte|r", "nationa|l", Korean "갱|신에";
    in Japanese between phrases (BudouX's), in Thai between words (PyThaiNLP's), as kept whole
    by guidebook/print_phrases.py (in a table cell they may break anywhere)."""
    from guidebook.print_phrases import LONGEST_KEPT, PHRASE

    pages = pdf_pages(_pdf(pdfs, lang, edition))
    document = _print_document(site, lang, edition)
    assert document.select(f".{PHRASE}"), "the print document keeps no phrase whole"
    split = print_contract.split_phrases(pages, document, PHRASE)
    if lang not in ("ja", "th"):
        vocabulary = set(print_contract.WORD.findall(document.body.get_text(" ")))
        split += print_contract.split_words(pages, vocabulary, LONGEST_KEPT if lang == "ko" else None)
    assert not split, f"{len(split)} word(s) split across lines:\n" + "\n".join(split[:15])


def body_text_sizes(page) -> Counter:
    """Size in points of every piece of text shown outside artifacts (the running header and the
    page number, which may be smaller), from the page's content stream."""
    sizes = Counter()
    scale, saved, artifact, size, text_scale = 1.0, [], [False], 0.0, 1.0
    for operands, operator in pikepdf.parse_content_stream(page):
        operator = str(operator)
        if operator == "q":
            saved.append(scale)
        elif operator == "Q":
            scale = saved.pop()
        elif operator == "cm":
            scale *= abs(float(operands[0]))
        elif operator in ("BDC", "BMC"):
            artifact.append(operands[0] == pikepdf.Name.Artifact or artifact[-1])
        elif operator == "EMC":
            artifact.pop()
        elif operator == "Tf":
            size = float(operands[1])
        elif operator == "Tm":
            text_scale = abs(float(operands[0]))
        elif operator in ("TJ", "Tj") and not artifact[-1]:
            sizes[round(size * text_scale * scale, 2)] += 1
    return sizes


def test_external_links_get_their_address_and_a_qr_code_in_print(site, book):
    lang = "en"
    document = print_edition.document(site, lang, "standard", book)
    soup = BeautifulSoup(document, "lxml")
    codes = soup.select("img.qr")
    # An office's map link is for screens only (print_edition drops it): paper has the address.
    web_links = {a["href"] for path in _in_nav_order(site, lang)
                 for a in main_content(path).select("a.external:not(.screen-only)")}
    assert web_links, "no external link on the web pages: the test looked in the wrong place"
    printed = {span.get_text() for span in soup.select(".link-address")}
    assert web_links <= printed
    assert {img["alt"] for img in codes} == printed | {print_edition.online_edition(book, lang)}
    for img in codes:
        assert img["src"] == print_edition.qr_code(img["alt"]), f"QR code of {img['alt']} encodes something else"
    assert soup.select_one(".cover img.qr")["alt"] == str(book.publication.online_edition) + "en/"


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_a_printed_address_breaks_only_after_a_slash(site, pdfs, book, lang, edition):
    """Not at a hyphen or in the middle of a name, where the reader could not tell the line's
    end from the address's."""
    addresses = {a["href"] for path in _in_nav_order(site, lang)
                 for a in main_content(path).select("a.external:not(.screen-only)")}
    addresses.add(print_edition.online_edition(book, lang))
    text = "\n".join(pdf_pages(_pdf(pdfs, lang, edition)))
    wrong = []
    for address in sorted(addresses):
        found = list(re.finditer("\n?".join(map(re.escape, address)), text))
        assert found, f"{address} not printed"
        wrong += [m.group(0) for m in found if re.search(r"[^/]\n", m.group(0))]
    assert not wrong, f"addresses broken elsewhere than after a slash: {wrong}"


def test_two_builds_give_the_same_pdf(site, pdfs, tmp_path):
    lang, edition = "ja", "large"  # QR codes, CJK fonts, every kind of page
    again = print_pdf.build(site, [lang], [edition], processes=1)[(lang, edition)]
    assert not isinstance(again, Exception), again
    assert again.path.read_bytes() == _pdf(pdfs, lang, edition).read_bytes()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_language_links_to_its_pdfs(site, pdfs, book, lang):
    site_path = print_files.site_path(book)
    wanted = {f"{site_path}pdf/{print_files.pdf_name(lang, edition)}" for edition in EDITIONS}
    linked = {a["href"] for path in pages(site, lang, LANGUAGES).values() for a in main_content(path).select("a[href]")}
    assert wanted <= linked, (f"{lang}: no link to {sorted(wanted - linked)}: add {{{{ print_editions() }}}} to "
                              f"content/{lang}/index.md")
    for href in wanted:
        assert (site / urlsplit(href).path.removeprefix(site_path)).is_file(), f"{href} leads to no file"


def test_overflow_is_found_before_it_is_printed():
    from weasyprint import HTML

    html = ("<html lang=en><style>@page { size: A4; margin: 20mm } table { table-layout: fixed; width: 100% }</style>"
            "<p>" + "x" * 200 + "</p><table><tr><td>Supercalifragilisticexpialidocious</td>" + "<td>b</td>" * 6
            + "</tr></table><p>Words that fit.</p>")
    found = print_pdf.overflows(HTML(string=html).render())
    assert len(found) == 2 and "out of its page" in found[0] and "out of its table cell" in found[1]


def test_an_image_from_another_site_stops_that_pdf_with_its_reason(site, tmp_path):
    """WeasyPrint's refusal to fetch it is not an Exception: it must still be reported as this
    PDF's error (and make site then keeps the previous site), never as a file made."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=lambda folder, names: [n for n in names if n in ("pdf", "search")
                                                               or (Path(folder) == site and n in LANGUAGES and n != "en")])
    page = copy / "en" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("</h1>", '</h1><p><img src="https://example.org/logo.png" alt="logo"></p>', 1),
                    encoding="utf-8")
    result = print_pdf.build(copy, ["en"], ["standard"], processes=1)[("en", "standard")]
    assert isinstance(result, Exception), f"a PDF was reported as made: {result}"
    assert "example.org" in str(result) and "guidebook-en-standard.pdf" in str(result)


def test_the_back_cover_needs_the_lost_card_line_of_the_contacts_page():
    """The back cover repeats the contacts page's lost-card heading and call line: a page
    without them stops the PDF with the file to mend, instead of a back cover without them."""
    chapter = print_edition.Chapter("contacts", "Contacts", Markup('<h1>Contacts</h1><h2 id="contacts--lost">Lost</h2><p>Call.</p>'))
    with pytest.raises(ValueError, match=r"content/en/contacts\.md"):
        print_edition.lost_card([chapter], "en")
    chapter = print_edition.Chapter("contacts", "Contacts", Markup(
        '<h2 id="contacts--lost">Lost</h2><p>Steps.</p><p class="call" id="contacts--x">Call <a href="tel:+81">0</a></p>'))
    assert str(print_edition.lost_card([chapter], "en")) == '<h2>Lost</h2><p class="call">Call <a href="tel:+81">0</a></p>'


def test_the_press_variant_has_3mm_bleed_crop_marks_and_the_same_pages(site, pdfs, tmp_path):
    """guidebook pdf --press: each page an A4 trim box with 3 mm of bleed around it (where
    WeasyPrint draws the crop marks), and page for page the text of the screen PDF."""
    screen = _pdf(pdfs, "en", "standard")
    press = print_pdf.render(site, "en", "standard", tmp_path / print_files.pdf_name("en", "standard", True), press=True).path
    assert press.name == "guidebook-en-standard-press.pdf"
    bleed = 3 * 72 / 25.4
    for number, page in enumerate(PdfReader(press).pages, 1):
        trim = [round(float(v), 2) for v in page.trimbox]
        assert trim == [0, 0, *A4], f"page {number}: trim box {trim}"
        bled = [round(float(v), 2) for v in page.bleedbox]
        assert bled == [round(-bleed, 2), round(-bleed, 2), round(A4[0] + bleed, 2), round(A4[1] + bleed, 2)], \
            f"page {number}: bleed box {bled}"
        assert [round(float(v), 2) for v in page.mediabox] == bled, f"page {number}: no room for the bleed"
    texts = [subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
             for path in (screen, press)]
    assert texts[0] == texts[1], "the press variant's pages differ from the screen PDF's"


def test_a_block_with_two_links_gets_one_column_of_both_qr_codes():
    block = lxml.html.fragment_fromstring('<p>See <a href="https://a.example/x">A</a> and <a href="https://b.example/y">B</a>.</p>')
    links = print_edition.Links({}, "https://built.example/", "https://published.example/")
    for link in block.xpath(".//a"):
        links.rewrite(link, "https://built.example/page/")
    assert len(block.xpath(".//div[@class='with-qr']")) == 1
    assert block.xpath(".//div[@class='with-qr-codes']/img/@alt") == ["https://a.example/x", "https://b.example/y"]
    assert block.text_content().replace(" ", "") == "SeeAhttps://a.example/xandBhttps://b.example/y."  # brackets: CSS


def test_page_numbers_are_read_back_after_layout_and_can_be_written_in():
    """The check behind every PDF's page numbers (guidebook/print_pdf.py): what a contents entry
    prints is read from the laid-out boxes and compared with the page its target is on; a
    number written in (data-page) is printed instead of WeasyPrint's counter."""
    from weasyprint import HTML

    from guidebook.print_edition import PRINT_DIR

    html = ('<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="guidebook.css"></head><body>'
            '<nav class="toc"><h1>Contents</h1><ol><li><a href="#far">Far</a></li></ol></nav>'
            '<section class="chapter" id="far"><h1>Far</h1><p>Text.</p></section></body></html>')

    def laid_out(document):
        return HTML(string=document, base_url=PRINT_DIR.as_uri() + "/").render()

    first = laid_out(html)
    assert print_pdf.anchor_pages(first)["far"] == 2
    assert print_pdf.printed_page_numbers(first) == {"far": [2]}
    written = laid_out(print_pdf.with_page_numbers(html, {"far": 7}))
    assert print_pdf.printed_page_numbers(written) == {"far": [7]}


@pytest.mark.parametrize("lang,edition", JOBS, ids=IDS)
def test_no_line_ends_early(pdfs, lang, edition):
    """No line ends well before its edge while the next line's first word would fit there
    (print_pdf.early_breaks, on each PDF's layout as it was written)."""
    early = _printed(pdfs, lang, edition).early_lines
    assert not early, f"{len(early)} line(s) end early:\n" + "\n".join(early[:20])


def test_a_line_is_not_broken_early_after_a_value_that_punctuation_follows():
    """WeasyPrint 70 broke "… line (0120-95-0178;" | "after the voice guidance, press 2)…" with a
    third of the line empty (a value followed by ";" without a space, and a later value that did
    not fit). The print edition puts such a value and its punctuation in one box; the check that
    every PDF passes after layout (print_pdf.early_breaks, test_no_line_ends_early) finds the early
    line without it."""
    from weasyprint import HTML

    from guidebook.print_edition import PRINT_DIR
    from guidebook.print_phrases import keep_punctuation_with_values

    paragraph = ('<p>Call the <span class="fact" data-form="words">My Number general toll-free line</span> '
                 '(<a class="fact" data-form="phone" href="tel:+81120950178">0120-95-0178</a>; after the voice '
                 'guidance, press <span class="fact" data-form="number">2</span>). You can suspend your card\'s '
                 'functions around the clock.</p>')
    html = ('<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="guidebook.css"></head><body>'
            f'<section class="chapter">{paragraph}</section></body></html>')

    broken, before = _laid_out_lines(html)
    assert before[0][-1] == "(0120-95-0178;", before  # the layout this guards against
    assert print_pdf.early_breaks(broken), "the check does not see the early line"
    tree = lxml.html.document_fromstring(html)
    keep_punctuation_with_values(tree)
    fixed, after = _laid_out_lines(lxml.html.tostring(tree, encoding="unicode"))
    assert after[0][-1] != "(0120-95-0178;" and "after" in after[0], f"the first line still ends early: {after}"
    assert [word for line in after for word in line] == [word for line in before for word in line]
    assert print_pdf.early_breaks(fixed) == []


def test_a_line_is_not_broken_after_its_first_word_where_a_text_meets_a_value():
    """WeasyPrint 70 broke the Vietnamese large print "Giấy" | "tờ có ảnh khuôn mặt … (chỉ cần 1" |
    "giấy tờ)": a line of one word, where the line had to break at the space before the value
    "1". The print edition gives such a space a box of its own (print_phrases); the check of
    every PDF's lines (print_pdf.early_breaks) finds the one-word line without it."""
    from guidebook.print_phrases import keep_spaces_before_elements_apart

    html = ('<!DOCTYPE html><html lang="vi"><head><link rel="stylesheet" href="guidebook.css">'
            '<link rel="stylesheet" href="large-print.css"></head><body class="edition-large"><section class="chapter">'
            '<p>Giấy tờ có ảnh khuôn mặt do cơ quan nhà nước cấp (chỉ cần <span class="fact" data-form="number">1</span>'
            ' giấy tờ)</p></section></body></html>')
    broken, before = _laid_out_lines(html)
    assert before[0] == ["Giấy"], before  # the layout this guards against
    assert print_pdf.early_breaks(broken), "the check does not see the one-word line"
    tree = lxml.html.document_fromstring(html)
    keep_spaces_before_elements_apart(tree)
    fixed, after = _laid_out_lines(lxml.html.tostring(tree, encoding="unicode"))
    assert len(after[0]) > 5, f"the first line still ends early: {after}"
    assert [word for line in after for word in line] == [word for line in before for word in line]
    assert print_pdf.early_breaks(fixed) == []


def _laid_out_lines(document: str):
    """A print document laid out with the print stylesheets: (the layout, the words of each
    line of its first page's body)."""
    from weasyprint import HTML

    laid_out = HTML(string=document, base_url=print_edition.PRINT_DIR.as_uri() + "/").render()
    return laid_out, ["".join(box.text for box in print_pdf._leaves(line) if hasattr(box, "text")).split()
                      for line in _line_boxes(laid_out.pages[0]._page_box)]


def _line_boxes(box):
    from weasyprint.formatting_structure.boxes import LineBox, ParentBox

    if isinstance(box, LineBox):
        yield box
    elif isinstance(box, ParentBox):
        for child in box.children:
            yield from _line_boxes(child)


@pytest.mark.parametrize("edition", EDITIONS)
def test_easy_japanese_readings_are_printed_over_their_words_and_read_once(site, pdfs, edition):
    """The readings are drawn but are no text: each is an empty /ActualText, so that pdftotext,
    copying and screen readers get the word once. Every page: no reading in pdftotext's text.
    What is drawn (pypdf extracts the glyphs as drawn, /ActualText not applied; about 0.15 s a
    page): on the first pages that have reviewed words, each of them with its reading."""
    path = _pdf(pdfs, EASY, edition)
    reviewed = yaml.safe_load((ROOT / "data/furigana.yml").read_text(encoding="utf-8"))
    # Words of two kanji or more (a reading over the whole word), read with three kana or more:
    # no reading is then a word of the text itself.
    reviewed = {word: reading for word, reading in reviewed.items()
                if len(reading) >= 3 and len(word) >= 2 and all(KANJI.match(ch) for ch in word)}
    problems, printed, drawn_pages = [], 0, 0
    # The printed calendar has no readings (its months would not fit their pages): its lines are
    # left out of the text looked at.
    calendar = {squeezed(line.get_text()) for line in _print_document(site, EASY, edition).select(
        ".print-calendar h4, .print-calendar p, .print-calendar li")}
    # The text read: each page's body (the running head gives the chapter's title without readings).
    for number, read in enumerate(page_bodies(path), 1):
        for line in calendar:
            read = read.replace(line, "")
        found = {word: reading for word, reading in reviewed.items() if word in read}
        printed += len(found)
        problems += [f"page {number}: the reading {reading} is in the text, read with {word}"
                     for word, reading in found.items() if reading in read]
        if found and drawn_pages < DRAWN_PAGES:
            drawn_pages += 1
            drawn = squeezed(reader(path).pages[number - 1].extract_text())
            problems += [f"page {number}: {word} without its reading {reading} printed over it"
                         for word, reading in found.items() if reading not in drawn]
    assert printed > 20 and drawn_pages == DRAWN_PAGES, f"only {printed} reviewed words found in the PDF's text"
    assert not problems, "\n".join(problems[:20])


# Pages whose drawn readings are read back: the covers, the contents and the first chapters.
DRAWN_PAGES = 12


def test_every_kanji_of_the_easy_japanese_print_document_has_a_reading(site):
    """Articles and covers: each run of kanji is the base of a reading (print_edition._reading_above:
    span.ruby > span.rt + span.rb), the reading in kana. Not the printed calendar
    (data-readings="none": a month would not fit its page)."""
    tree = lxml.html.document_fromstring(_document_html(site, EASY, "large"))  # the session's document
    problems, readings = [], 0
    exempt = tree.xpath("//*[@data-readings='none']")
    assert exempt and {e.get("class") for e in exempt} == {"print-calendar"}, \
        f"left without readings: {sorted({e.get('class') for e in exempt}, key=str)}"
    for text in tree.xpath("//body//text()[not(ancestor::*[@lang and not(starts-with(@lang, 'ja'))])]"
                           "[not(ancestor::*[@data-readings='none'])]"):
        parent = text.getparent()
        ruby = next((e for e in [parent, *parent.iterancestors()] if e.get("class") == "ruby"), None)
        if ruby is None:
            if KANJI.search(text):
                problems.append(f"no reading over {str(text).strip()[:30]!r} (in <{parent.tag} class={parent.get('class')!r}>)")
            continue
        rt = ruby.find("span[@class='rt']")
        readings += parent is rt
        if rt is None or not KANA.fullmatch(rt.text_content().replace(print_phrases.BREAK, "")):
            problems.append(f"{ruby.text_content()!r}: no reading in kana")
    assert readings > 3000, f"only {readings} readings in the print document"
    assert not problems, "\n".join(sorted(set(problems))[:30])


def test_each_reading_block_is_as_wide_as_the_layout_makes_it(site):
    """print_edition gives each word-with-reading block its width (from BIZ UDGothic's fixed
    pitch) so that WeasyPrint need not find it. WeasyPrint's own width, the block laid out
    without one, is the measure: every distinct word and reading of the Easy Japanese document,
    in both editions' body sizes. And text wider than its block is an overflow."""
    from weasyprint import CSS, HTML
    from weasyprint.formatting_structure.boxes import InlineBlockBox, ParentBox

    tree = lxml.html.document_fromstring(_document_html(site, EASY, "large"))
    rubies = sorted({lxml.html.tostring(ruby, encoding="unicode", with_tail=False)
                     for ruby in tree.xpath("//span[@class='ruby']")})
    assert len(rubies) > 300, f"only {len(rubies)} distinct readings in the print document"
    stylesheet = CSS(filename=str(print_edition.PRINT_DIR / "guidebook.css"))

    def blocks(body: str, size: str) -> tuple[list, object]:
        html = f"<html lang=ja class=with-readings><body style='font-size: {size}'><p>{body}</p></body></html>"
        found = []

        def walk(box):
            if isinstance(box, InlineBlockBox):
                found.append(box)
            elif isinstance(box, ParentBox):
                for child in box.children:
                    walk(child)
        laid_out = HTML(string=html).render(stylesheets=[stylesheet])
        for page in laid_out.pages:
            walk(page._page_box)  # the laid-out boxes: no public name for them
        return found, laid_out

    problems = []
    for size in ("12pt", "18pt"):
        given, _ = blocks(" ".join(rubies), size)
        own, _ = blocks(" ".join(re.sub(r' style="[^"]*"', "", ruby) for ruby in rubies), size)
        assert len(given) == len(own) == len(rubies)
        problems += [f"{size}: {_text_of(block)!r} given {block.width:.2f} px, laid out {alone.width:.2f} px"
                     for block, alone in zip(given, own) if abs(block.width - alone.width) > print_pdf.TOLERANCE]
    assert not problems, f"{len(problems)} reading block(s) of the wrong width:\n" + "\n".join(problems[:20])
    # Too narrow: the word reaches out of its block, and the PDF is not made.
    narrow = '<span class="ruby" style="width: 1em"><span class="rt">みなとく</span><span class="rb">港区</span></span>'
    _, laid_out = blocks(narrow, "18pt")
    found = print_pdf.overflows(laid_out)
    assert found and "out of its table cell or word with its reading" in found[0], \
        f"港区 in a block 1 em wide is not found reaching out of it: {found}"


def _text_of(box) -> str:
    return "".join(box.element.itertext())  # WeasyPrint's tree is ElementTree's
