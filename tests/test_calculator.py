"""The validity calculator: the browser answers exactly as macros/rules.py does, on the
table of cases of test_rules.py; the form is labelled and announces its answer."""

import datetime as dt
import re

import pytest
from conftest import ROOT
from test_rules import VALIDITY

from macros import catalog, rules
from macros.formatting import formatter
from macros.languages import LANGUAGES

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
    page.goto(base_url + ("" if lang == "ja" else f"{lang}/") + "what-to-do/")
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
