"""The mutation catalogue of the consistency contract: each mutation breaks one promise in a
copy (of the built pages, of one language's build, of the print document or of a PDF's text)
and the check that guards it must fail with a message that names the page (or PDF page), the
block and the fact. A check that no mutation can fail would prove nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import build, copy_project
from conftest import replace_once as _replace

import contract
from guidebook import print_edition
from guidebook.catalog import translate

# --- mutations of the built pages ------------------------------------------------------------


def _caught(problems: list[str], words: str, check: str) -> None:
    """The mutation is caught: some problem the check reports says ``words``."""
    assert any(words in problem for problem in problems), f"{check} did not say {words!r}; it said:\n" + "\n".join(problems[:10])


def _edit_soup(path: Path, change) -> None:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    change(soup)
    path.write_text(str(soup), encoding="utf-8")


def _move_fact_to_next_block(soup):
    """Take a fact out of its list item and put it at the end of the next one."""
    mark = soup.select_one('article [data-fact="card.validity.renewal_months_before"]')
    target = mark.find_parent("li").find_next_sibling("li")
    target.append(mark.extract())


def _swap_marks(soup):
    first = soup.select_one('article [data-fact="card.validity.card_birthdays"]')
    second = soup.select_one('article [data-fact="card.validity.minor.card_birthdays"]')
    placeholder = soup.new_tag("span")
    first.replace_with(placeholder)
    second.replace_with(first)
    placeholder.replace_with(second)


def _drop_paragraph(soup):
    soup.select_one("article p").decompose()


def _note_with_fact(soup):
    paragraph = soup.select_one('article [data-fact="fees.reissue.card"]').find_parent(["p", "li", "td"])
    paragraph["class"] = paragraph.get("class", []) + [contract.NOTE]


def _closed_day_as_open(soup):
    cell = soup.select_one(".opening-calendar td.closed")
    reason = cell.select_one(".closed-reason")
    reason.string = translate("en", "平日")


# name: (file of the site, mutation: (old, new) or a function of the page's soup, check, words)
PAGE_MUTATIONS = {
    "a tel: link dials another number": (
        "en/contacts/index.html", ('href="tel:+81120950178"', 'href="tel:+81120950179"'), "marks",
        "links to 'tel:+81120950179', not 'tel:+81120950178'"),
    "a menu option's <li value> differs from data": (
        "en/contacts/index.html", ('<li value="2" data-fact-value="hotlines.jlis.menu.1.option">',
                                   '<li value="3" data-fact-value="hotlines.jlis.menu.1.option">'), "marks",
        "value='3' should be hotlines.jlis.menu.1.option = '2'"),
    "a fee shown with another amount": (
        "en/what-to-do/index.html", ('data-form="money">¥800<', 'data-form="money">¥900<'), "marks",
        "fees.reissue.card as money should read '¥800', shows '¥900'"),
    "a mark without its form": (
        "en/what-to-do/index.html", ('data-fact="fees.reissue.card" data-form="money"', 'data-fact="fees.reissue.card"'),
        "marks", "fees.reissue.card has no data-form"),
    "a mark naming no fact": (
        "en/what-to-do/index.html", ('data-fact="fees.reissue.card"', 'data-fact="fees.reissue.cards"'), "marks",
        "marked with 'fees.reissue.cards', which is not a fact of data/"),
    "a date shown as a day of the year in one language": (
        "en/card/index.html", ('data-form="date">April 1, 2022<', 'data-form="month_day">April 1<'), "blocks",
        "card.validity.legacy_minor.issued_before shown as month_day, the Japanese page shows it as date"),
    "a fact moved to another block in one language": (
        "en/card/index.html", _move_fact_to_next_block, "blocks", "missing {'card.validity.renewal_months_before': 1}"),
    "two facts of one form exchanged within a block": (
        "en/card/index.html", _swap_marks, "blocks",
        "the ordinal facts come as ['card.validity.minor.card_birthdays', 'card.validity.card_birthdays']"),
    "a paragraph left out in one language": ("en/faq/index.html", _drop_paragraph, "blocks", "content/en/faq.md: block"),
    "a translation note that carries a fact": (
        "en/what-to-do/index.html", _note_with_fact, "blocks", "a translation note carries a fact"),
    "a digit in the site name": (
        "en/card/index.html", ("Minato City My Number Card Guidebook", "Minato City My Number Card Guidebook 2026"),
        "digits", "digit outside a fact: 'What is the My Number Card? - Minato City My Number Card Guidebook 2026'"),
    "a digit in an aria-label": (
        "en/card/index.html", ('aria-label="Navigation"', 'aria-label="Navigation 2"'), "digits",
        "digit in aria-label='Navigation 2' outside a fact"),
    "a digit in a title attribute": (
        "en/offices/index.html", ('<abbr title="Monday">', '<abbr title="Monday 1">'), "digits",
        "digit in title='Monday 1' outside a fact"),
    "a digit on a 404 page": (
        "en/404.html", ("<h1>Page not found</h1>", "<h1>Error 404: page not found</h1>"), "digits",
        "en/404.html [Error 404: page not found › h1 'Error 404: page not found'"),
    "a digit in text a script shows": (
        "en/what-to-do/index.html", ("data-message=\"invalid\">Enter your date of birth", "data-message=\"invalid\">Enter 2 dates"),
        "digits", "digit outside a fact: 'Enter 2 dates"),
    "a closed day of the calendar shown with another reason": (
        "en/offices/index.html", _closed_day_as_open, "calendar", ": closed ("),
}

CHECKS = {
    "marks": lambda site, book: contract.mark_problems(site, book),
    "digits": lambda site, book: contract.stray_digits(site),
    "blocks": lambda site, book: contract.block_problems(site),
    "calendar": lambda site, book: contract.calendar_problems(site, book),
}


# The copies hold the Japanese and the English pages: the mutations are English, and the
# block check compares them with the Japanese.
KEPT = ("en",)


@pytest.fixture(scope="module")
def pages_only(site, tmp_path_factory) -> Path:
    """The built HTML pages of Japanese and English, without assets, PDFs and open data."""
    from guidebook.languages import LANGUAGES

    out = tmp_path_factory.mktemp("pages") / "site"
    left_out = {"assets", "pdf", "data", "search"} | (set(LANGUAGES) - set(KEPT))
    shutil.copytree(site, out, ignore=lambda folder, names: [n for n in names if n in left_out
                                                             or n.endswith((".xml", ".gz", ".json"))])
    return out


@pytest.fixture
def page_copy(pages_only, tmp_path) -> Path:
    return Path(shutil.copytree(pages_only, tmp_path / "site"))


def test_the_unmutated_pages_pass_every_check(pages_only, book):
    for name, check in CHECKS.items():
        assert check(pages_only, book) == [], name


@pytest.mark.parametrize("case", PAGE_MUTATIONS, ids=str)
def test_page_mutation_is_caught(page_copy, book, case):
    page, mutation, check, words = PAGE_MUTATIONS[case]
    if callable(mutation):
        _edit_soup(page_copy / page, mutation)
    else:
        _replace(page_copy / page, *mutation)
    _caught(CHECKS[check](page_copy, book), words, check)


# --- mutations of the sources, seen in a build of one language -------------------------------


def _swap_in_card_page(project):
    page = project / "content/en/card.md"
    text = page.read_text(encoding="utf-8")
    adult, minor = 'fact("card.validity.card_birthdays", "ordinal")', 'fact("card.validity.minor.card_birthdays", "ordinal")'
    assert adult in text and minor in text
    page.write_text(text.replace(adult, "@@").replace(minor, adult).replace("@@", minor), encoding="utf-8")


SOURCE_MUTATIONS = {
    "the adult's and the minor's birthdays exchanged in content/en/card.md": (
        _swap_in_card_page, "blocks", "content/en/card.md: block"),
    "the calendar shifted by one column": (
        lambda p: _replace(p / "guidebook/components/calendar.py", "lead = (month[0].date.weekday() - first_weekday) % 7",
                           "lead = (month[0].date.weekday() - first_weekday + 1) % 7"),
        "calendar", "in the column of"),
    "a time typed into a component template": (
        lambda p: _replace(p / "guidebook/templates/hours_table.html", '<th scope="row">{{ _("平日") }}</th>',
                           '<th scope="row">{{ _("平日") }} 8:30</th>'),
        "digits", "digit outside a fact: 'Weekdays 8:30'"),
    "a digit in the site name's translation": (
        lambda p: _replace(p / "locales/en.po", 'msgstr "Minato City My Number Card Guidebook"',
                           'msgstr "Minato City My Number Card Guidebook 2026"'),
        "digits", "Guidebook 2026"),
}


@pytest.mark.parametrize("case", SOURCE_MUTATIONS, ids=str)
def test_source_mutation_is_caught(pages_only, book, tmp_path, monkeypatch, case):
    mutate, check, words = SOURCE_MUTATIONS[case]
    project = copy_project(tmp_path / "project")
    mutate(project)
    monkeypatch.setenv("GUIDEBOOK_LANGUAGE", "en")  # one language is enough: it replaces en/ of a copy
    built = tmp_path / "en-only"
    result = build(project, built)
    assert result.returncode == 0, result.stderr[-2000:]
    site = Path(shutil.copytree(pages_only, tmp_path / "site"))
    shutil.rmtree(site / "en")
    shutil.copytree(built, site / "en", ignore=shutil.ignore_patterns("assets", "search", "en", "*.xml", "*.gz"))
    _caught(CHECKS[check](site, book), words, check)


# --- mutations of print ------------------------------------------------------------------------


def test_a_number_typed_into_the_print_template_is_caught(site, book, tmp_path, monkeypatch):
    printing = Path(shutil.copytree(print_edition.PRINT_DIR, tmp_path / "print"))
    _replace(printing / "guidebook.html", '<section class="cover-center">',
             '<p>Open 8:30 – 17:15, fee ¥300 at a convenience store</p>\n<section class="cover-center">')
    monkeypatch.setattr(print_edition, "PRINT_DIR", printing)
    soup = BeautifulSoup(print_edition.document(site, "en", "standard", book), "lxml")
    _caught(contract.digits_in(soup, "en", "print document"), "Open 8:30 – 17:15, fee ¥300", "digits")


@pytest.fixture(scope="module")
def printed_en(site, tmp_path_factory):
    """The English standard PDF of the session's site, made here (ten seconds) rather than
    taken from the fixture of all 22, which another worker may be making."""
    from test_print import outline, page_bodies

    from guidebook import print_pdf

    path = print_pdf.render(site, "en", "standard", tmp_path_factory.mktemp("printed") / "guidebook-en-standard.pdf").path
    return page_bodies(path), list(outline(path))


def _first_page_with(bodies, text):
    return next(i for i, body in enumerate(bodies) if text in body and i > 0)


def _phone_without_hyphen(bodies, book):
    phone = str(book.fact("offices.shiba.phone"))
    i = _first_page_with(bodies, phone)
    bodies[i] = bodies[i].replace(phone, phone.replace("-", "", 1), 1)


def _fee_dropped(bodies, book):
    i = _first_page_with(bodies, "¥800")
    bodies[i] = bodies[i].replace("¥800", "", 1)


def _page_number_in_text(bodies, book):
    bodies[-1] = bodies[-1] + "12"


def _contents_wrong_page(bodies, book):
    bodies[1] = bodies[1].replace("Contents", "Contents7", 1)


PRINT_MUTATIONS = {
    "a hyphen dropped from a phone number in print only": (_phone_without_hyphen, "not printed (or not in this order)"),
    "a fee left out of the PDF": (_fee_dropped, "not printed (or not in this order)"),
    "a digit printed between blocks": (_page_number_in_text, "printed digits that no block of the web shows"),
    "a number in the contents that is no page": (_contents_wrong_page, "contents (pages"),
}


@pytest.mark.parametrize("case", PRINT_MUTATIONS, ids=str)
def test_print_mutation_is_caught(site, book, printed_en, case):
    from test_print import print_problems

    bodies, outline = printed_en
    assert print_problems(site, book, "en", "standard", list(bodies), outline) == []
    mutate, words = PRINT_MUTATIONS[case]
    changed = list(bodies)
    mutate(changed, book)
    _caught(print_problems(site, book, "en", "standard", changed, outline), words, "the print check")
