"""The validity calculator: the browser answers exactly as macros/rules.py does, on the
table of cases of test_rules.py; the form is labelled and announces its answer."""

import datetime as dt
import re

import pytest
from conftest import ROOT
from test_rules import VALIDITY

from macros import catalog, rules
from macros.formatting import formatter
from macros.languages import LANGUAGES, folder

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def page(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + "en/what-to-do/")
    yield page
    page.close()


def test_browser_and_python_give_identical_answers(page, book):
    for case, (birth, issued, stay, *_rest) in VALIDITY.items():
        python = rules.validity(book, D(birth), D(issued), D(stay) if stay else None).as_json()
        browser = page.evaluate(
            "([b, i, s]) => guidebookValidity(JSON.parse(document.querySelector('form.validity-calculator').dataset.rules), b, i, s)",
            [birth, issued, stay])
        assert browser == python, case


def test_the_form_answers_through_a_live_region(page, book):
    birth, issued, stay, *_rest = VALIDITY["stay ends first"]
    page.get_by_label(page.locator("label[for=vc-birth]").inner_text()).fill(birth)
    page.fill("#vc-issued", issued)
    page.fill("#vc-stay", stay)
    page.click("form.validity-calculator button[type=submit]")
    result = page.locator(".vc-result")
    assert result.get_attribute("aria-live") == "polite" and result.get_attribute("role") == "status"
    expected = rules.validity(book, D(birth), D(issued), D(stay)).as_json()
    shown = {dd.get_attribute("data-answer"): dd.get_attribute("data-value") for dd in result.locator("dd").all()}
    assert shown == {key: str(value).lower() if isinstance(value, bool) else value for key, value in expected.items()}


def test_a_wrong_date_is_explained(page):
    page.fill("#vc-birth", "")
    page.click("form.validity-calculator button[type=submit]")
    assert page.locator(".vc-result").inner_text().strip() == page.locator(".vc-result").get_attribute("data-label-invalid")


def _submit(page, birth: str, issued: str, stay: str = "") -> None:
    page.fill("#vc-birth", birth)
    page.fill("#vc-issued", issued)
    page.fill("#vc-stay", stay)
    page.click("form.validity-calculator button[type=submit]")


FIELD_STATE = """() => Object.fromEntries(["vc-birth", "vc-issued", "vc-stay"].map(id => [id,
  [document.getElementById(id).getAttribute("aria-invalid"), document.getElementById(id).getAttribute("aria-describedby")]]))"""


@pytest.mark.parametrize("birth,issued,stay,wrong", [
    ("", "2026-04-13", "", ["vc-birth"]),                  # missing
    ("1990-05-05", "2026-02-30", "", ["vc-issued"]),        # no such day
    ("2000-01-01", "1999-12-31", "", ["vc-issued"]),        # issued before birth
    ("1990-05-05", "2026-04-13", "2026-04-12", ["vc-stay"]),  # stay ending before issue
])
def test_a_wrong_date_is_tied_to_its_field_which_takes_the_focus(page, birth, issued, stay, wrong):
    _submit(page, birth, issued, stay)
    message = page.locator(".vc-result #vc-error")
    assert message.count() == 1, "the error message has no id for the fields to point to"
    assert message.inner_text() == page.locator(".vc-result").get_attribute("data-label-invalid")
    state = page.evaluate(FIELD_STATE)
    assert state == {field: (["true", "vc-error"] if field in wrong else [None, None]) for field in state}
    assert page.evaluate("() => document.activeElement.id") == wrong[0]


def test_an_expiry_already_past_is_said_in_words_and_the_answer_takes_the_focus(page):
    result = page.locator(".vc-result")
    _submit(page, "1980-05-05", "2005-06-01")  # card and certificates expired years ago
    assert [note.get_attribute("data-past") for note in result.locator("[data-past]").all()] == [
        "card_expires", "certificate_expires"]
    assert page.evaluate("() => document.activeElement.classList.contains('vc-result')")
    assert page.evaluate(FIELD_STATE) == {field: [None, None] for field in ("vc-birth", "vc-issued", "vc-stay")}
    _submit(page, "1980-05-05", dt.date.today().isoformat())  # issued today: nothing has passed
    assert result.locator("dd").count() == 5 and result.locator("[data-past]").count() == 0


def _expected_answer(book, lang: str, answer: dict) -> dict:
    """What the page must display: dates and words from the formatter and the catalog."""
    fmt = formatter(lang)
    shown = {}
    for key, value in answer.items():
        if isinstance(value, bool):
            age = fmt.number(book.fact("card.children.signature_certificate_min_age"))
            shown[key] = (catalog.translate(lang, "発行されます") if value else
                          catalog.translate(lang, "発行されません（{age}歳未満）").replace("{age}", age))
        else:
            shown[key] = fmt.date(D(value))
    return shown


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_page_displays_every_answer_as_the_formatter_writes_it(browser, base_url, book, lang):
    """The shared table of cases through the form of each language: the text on screen is the
    Formatter's (Gregorian years in Thai, Nepali month names, "ngày … tháng … năm …")."""
    page = browser.new_page()
    page.goto(base_url + folder(lang) + "what-to-do/")
    try:
        for case, (birth, issued, stay, *_rest) in VALIDITY.items():
            page.fill("#vc-birth", birth)
            page.fill("#vc-issued", issued)
            page.fill("#vc-stay", stay or "")
            page.click("form.validity-calculator button[type=submit]")
            shown = {dd.get_attribute("data-answer"): dd.inner_text().strip()
                     for dd in page.locator(".vc-result dd").all()}
            expected = _expected_answer(book, lang, rules.validity(book, D(birth), D(issued), D(stay) if stay else None).as_json())
            assert shown == expected, f"{lang}, {case}"
    finally:
        page.close()


def test_the_calculator_formats_nothing_itself():
    """No second formatter in the browser: no Intl, no toLocale…String."""
    script = re.sub(r"//.*", "", (ROOT / "overrides/assets/javascripts/calculator.js").read_text(encoding="utf-8"))
    assert not re.search(r"\bIntl\b|toLocale\w*String", script), "calculator.js formats dates or numbers itself"
