"""The validity calculator: the browser answers exactly as macros/rules.py does, on the
table of cases of test_rules.py; the form is labelled and announces its answer."""

import datetime as dt

import pytest
from test_rules import VALIDITY

from macros import rules

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
