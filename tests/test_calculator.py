"""The validity calculator: the browser answers exactly as guidebook/rules.py does, on the
table of cases of test_rules.py; the form is labelled and announces its answer."""

import datetime as dt
import re

import pytest
from browser import contrast
from conftest import ROOT
from test_rules import VALIDITY

from guidebook import catalog, rules
from guidebook.formatting import formatter
from guidebook.languages import LANGUAGES, folder

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


PARTS = ("day", "month", "year")
# The order each language writes a date in, as its dates are shown (CLDR through Babel): year
# first in Japanese, Chinese, Korean and Nepali; month first in American English and Filipino.
ORDER = {"ja": "ymd", "easy": "ymd", "zh": "ymd", "ko": "ymd", "ne": "ymd", "en": "mdy", "tl": "mdy",
         "es": "dmy", "pt": "dmy", "th": "dmy", "id": "dmy", "vi": "dmy"}
# Each date's group: its id and the label of its legend.
DATES = {"birth": "生年月日", "issued": "カードの発行日", "stay": "在留期間の満了日（在留期間の定めがある方）"}


def _fill(page, name: str, day: str, month: str, year: str) -> None:
    for part, value in zip(PARTS, (day, month, year)):
        page.fill(f"#vc-{name}-{part}", value)


def _fill_iso(page, name: str, iso: str | None) -> None:
    """A date typed as a reader types it: numbers without leading zeros."""
    day = D(iso) if iso else None
    _fill(page, name, *((str(day.day), str(day.month), str(day.year)) if day else ("", "", "")))


def _submit(page, birth: str | None, issued: str | None, stay: str | None = None) -> None:
    _fill_iso(page, "birth", birth)
    _fill_iso(page, "issued", issued)
    _fill_iso(page, "stay", stay)
    page.click("form.validity-calculator button[type=submit]")


def test_the_form_answers_through_a_live_region(page, book):
    birth, issued, stay, *_rest = VALIDITY["stay ends first"]
    # The fields found as a reader finds them: the group by its legend, the field by its label.
    group = page.get_by_role("group", name=catalog.translate("en", "生年月日"), exact=True)
    for part, label, value in zip(PARTS, ("日", "月", "年"), (D(birth).day, D(birth).month, D(birth).year)):
        group.get_by_label(catalog.translate("en", label), exact=True).fill(str(value))
    _fill_iso(page, "issued", issued)
    _fill_iso(page, "stay", stay)
    page.click("form.validity-calculator button[type=submit]")
    result = page.locator(".vc-result")
    assert result.get_attribute("aria-live") == "polite" and result.get_attribute("role") == "status"
    expected = rules.validity(book, D(birth), D(issued), D(stay)).as_json()
    shown = {dd.get_attribute("data-answer"): dd.get_attribute("data-value") for dd in result.locator("dd").all()}
    assert shown == {key: str(value).lower() if isinstance(value, bool) else value for key, value in expected.items()}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_date_is_a_group_of_day_month_and_year_in_the_order_of_the_language(browser, base_url, lang):
    """GOV.UK's date input: a fieldset per date, named by its legend and described by its hint;
    day, month and year labelled in the page's language, in the order it writes dates, each
    field as wide as its digits; the hint's example in the same order."""
    page = browser.new_page()
    page.goto(base_url + folder(lang) + "what-to-do/")
    try:
        labels = {"day": catalog.translate(lang, "日"), "month": catalog.translate(lang, "月"),
                  "year": catalog.translate(lang, "年")}
        expected = [{"d": "day", "m": "month", "y": "year"}[letter] for letter in ORDER[lang]]
        for name in DATES:
            group = page.locator(f"fieldset#vc-{name}")
            assert group.evaluate("g => g.firstElementChild.tagName") == "LEGEND", f"{lang} {name}: no legend"
            assert group.get_attribute("aria-describedby") == f"vc-{name}-hint", f"{lang} {name}: the hint is not tied"
            fields = group.locator("input").all()
            parts = [field.get_attribute("data-part") for field in fields]
            assert parts == expected, f"{lang} {name}: fields in the order {parts}, the language writes {expected}"
            for field in fields:
                part = field.get_attribute("data-part")
                assert field.get_attribute("id") == f"vc-{name}-{part}"
                # By its accessible name, as a screen reader announces it (readings over kanji are hidden).
                assert group.get_by_role("textbox", name=labels[part], exact=True).get_attribute("id") == field.get_attribute("id"), \
                    f"{lang} {name}: the {part} field is not labelled {labels[part]!r}"
                assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "numeric"
                assert field.get_attribute("autocomplete") == (f"bday-{part}" if name == "birth" else None)
            widths = {field.get_attribute("data-part"): field.bounding_box()["width"] for field in fields}
            assert widths["day"] == widths["month"] < widths["year"], f"{lang} {name}: widths {widths}"
            example = group.locator(".vc-hint [data-date]")
            day, fmt = D(example.get_attribute("data-date")), formatter(lang)
            numbers = {"day": fmt.number(day.day), "month": fmt.number(day.month), "year": fmt.year(day.year)}
            assert example.inner_text() == " ".join(numbers[part] for part in expected), \
                f"{lang} {name}: the example {example.inner_text()!r} is not in the fields' order"
    finally:
        page.close()


def _state(page) -> dict:
    """Each field's (aria-invalid, aria-describedby), and each date's message."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll("form.validity-calculator input[data-part]")]
      .map(f => [f.id, [f.getAttribute("aria-invalid"), f.getAttribute("aria-describedby")]])
      .concat([...document.querySelectorAll("fieldset.vc-date")].map(g => [g.id, [...g.querySelectorAll(".vc-error")]
      .map(p => [p.id, p.textContent])])))""")


# (birth, issued, stay as typed: day, month, year), the fields to correct.
WRONG = {
    "missing date": (("", "", ""), ("13", "4", "2026"), ("", "", ""), ["vc-birth-day", "vc-birth-month", "vc-birth-year"]),
    "no such day": (("5", "5", "1990"), ("30", "2", "2026"), ("", "", ""), ["vc-issued-day"]),
    "issued before birth": (("1", "1", "2000"), ("31", "12", "1999"), ("", "", ""),
                            ["vc-issued-day", "vc-issued-month", "vc-issued-year"]),
    "stay ending before issue": (("5", "5", "1990"), ("13", "4", "2026"), ("12", "4", "2026"),
                                 ["vc-stay-day", "vc-stay-month", "vc-stay-year"]),
    # The year typed first, as in Japanese: neither 1990 as a day nor 5 as a year is read.
    "a year in the day field": (("1990", "5", "5"), ("13", "4", "2026"), ("", "", ""), ["vc-birth-day", "vc-birth-year"]),
    "a year of two digits": (("5", "5", "90"), ("13", "4", "2026"), ("", "", ""), ["vc-birth-year"]),
    "no month 13": (("5", "13", "1990"), ("13", "4", "2026"), ("", "", ""), ["vc-birth-month"]),
    "a month left out": (("5", "", "1990"), ("13", "4", "2026"), ("", "", ""), ["vc-birth-month"]),
    "words for numbers": (("5", "May", "1990"), ("13", "4", "2026"), ("", "", ""), ["vc-birth-month"]),
    "two dates, a part of each": (("", "5", "1990"), ("13", "4", "26"), ("", "", ""), ["vc-birth-day", "vc-issued-year"]),
    "the optional date begun": (("5", "5", "1990"), ("13", "4", "2026"), ("", "", "2027"),
                                ["vc-stay-day", "vc-stay-month"]),
}


@pytest.mark.parametrize("case", WRONG, ids=str)
def test_a_wrong_date_is_summarised_and_tied_to_its_fields(page, case):
    """GOV.UK's error summary at the top of the form: a heading, the message, a link to the
    first wrong field of each date to correct (named by the date's legend); focused, an alert.
    In each date's group the message, and its wrong fields invalid and described by it. No
    answer: a year typed into the day field is never read as a day."""
    birth, issued, stay, wrong = WRONG[case]
    _fill(page, "birth", *birth)
    _fill(page, "issued", *issued)
    _fill(page, "stay", *stay)
    page.click("form.validity-calculator button[type=submit]")
    message = catalog.translate("en", "生年月日とカードの発行日を正しく入力してください。")
    dates = list(dict.fromkeys(field.split("-")[1] for field in wrong))
    state = _state(page)
    expected = {}
    for name in DATES:
        fields = [key for key in state if key.startswith(f"vc-{name}-")]
        expected.update({field: ["true", f"vc-{name}-error"] if field in wrong else [None, None] for field in fields})
        expected[f"vc-{name}"] = [[f"vc-{name}-error", message]] if name in dates else []
    differing = {key: f"is {state.get(key)}, should be {expected[key]}" for key in expected if state.get(key) != expected[key]}
    assert not differing, f"{case}: {differing}"
    summary = page.locator("form.validity-calculator > .vc-summary")
    assert summary.evaluate("s => s === s.parentElement.firstElementChild"), "the summary is not at the top of the form"
    assert summary.is_visible() and summary.get_attribute("role") == "alert"
    assert page.evaluate("() => document.activeElement.classList.contains('vc-summary')"), "the summary has not the focus"
    assert summary.locator("h3").inner_text() == catalog.translate("en", "入力内容に問題があります")
    assert summary.get_attribute("aria-labelledby") == summary.locator("h3").get_attribute("id")
    assert summary.locator("p").inner_text() == message
    order = page.evaluate("() => [...document.querySelectorAll('form.validity-calculator input[data-part]')].map(f => f.id)")
    first = [min((field for field in wrong if field.startswith(f"vc-{name}-")), key=order.index) for name in dates]
    links = summary.locator("li a").all()
    assert [link.get_attribute("href") for link in links] == ["#" + field for field in first]
    assert [link.inner_text() for link in links] == [page.locator(f"#vc-{name} > legend").inner_text() for name in dates]
    assert page.locator(".vc-result").inner_text().strip() == "" and page.locator(".vc-result dd").count() == 0
    for link, field in zip(links, first):
        link.click()
        assert page.evaluate("() => document.activeElement.id") == field, f"the link to {field} does not move to it"


def test_a_corrected_form_clears_the_errors(page, book):
    _submit(page, None, "2026-04-13")
    assert page.locator(".vc-summary").is_visible()
    _submit(page, "1990-05-05", "2026-04-13")
    assert page.locator(".vc-summary").is_hidden() and page.locator(".vc-summary").inner_text() == ""
    assert page.locator(".vc-error, fieldset.vc-date--error").count() == 0
    assert _state(page) == {key: [] if key.count("-") == 1 else [None, None] for key in _state(page)}


@pytest.mark.parametrize("typed", [("５", "５", "１９９０"), ("५", "५", "१९९०"), ("๕", "๕", "๑๙๙๐"), (" 05", "05 ", "1990")],
                         ids=["full-width", "Devanagari", "Thai", "leading zeros and spaces"])
def test_digits_of_the_readers_scripts_are_read(page, book, typed):
    """A Japanese keyboard types full-width digits; Nepali and Thai keyboards their own."""
    _fill(page, "birth", *typed)
    _fill_iso(page, "issued", "2026-04-13")
    _fill_iso(page, "stay", None)
    page.click("form.validity-calculator button[type=submit]")
    expected = rules.validity(book, D("1990-05-05"), D("2026-04-13")).as_json()["card_expires"]
    shown = page.evaluate("() => document.querySelector('.vc-result dd[data-answer=card_expires]')?.dataset.value")
    wrong = page.evaluate("() => [...document.querySelectorAll('[aria-invalid=true]')].map(field => field.id)")
    assert shown == expected, f"{typed} read as {shown}, not {expected}; fields in error: {wrong}"


def test_an_expiry_already_past_is_said_in_words_and_the_answer_takes_the_focus(page):
    result = page.locator(".vc-result")
    _submit(page, "1980-05-05", "2005-06-01")  # card and certificates expired years ago
    assert [note.get_attribute("data-past") for note in result.locator("[data-past]").all()] == [
        "card_expires", "certificate_expires"]
    assert page.evaluate("() => document.activeElement.classList.contains('vc-result')")
    assert all(value in ([None, None], []) for value in _state(page).values())
    _submit(page, "1980-05-05", dt.date.today().isoformat())  # issued today: nothing has passed
    assert result.locator("dd").count() == 5 and result.locator("[data-past]").count() == 0


# Each text of the error state with its colour, and each wrong field's border, on the page's background.
ERROR_COLOURS = """() => {
  const page = getComputedStyle(document.body).backgroundColor;
  const texts = [...document.querySelectorAll(".vc-summary h3, .vc-summary p, .vc-summary a, .vc-error, .vc-hint, .vc-part label")]
    .map(el => [`text ${el.tagName.toLowerCase()}.${el.className} "${el.textContent.slice(0, 20)}"`, getComputedStyle(el).color]);
  const borders = [...document.querySelectorAll("input[aria-invalid=true], .vc-summary")]
    .map(el => ["border " + el.id + el.className, getComputedStyle(el).borderTopColor])
    .concat([...document.querySelectorAll("fieldset.vc-date--error")].map(el => ["bar " + el.id, getComputedStyle(el).borderLeftColor]));
  return {page, texts, borders};
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_error_state_keeps_7_to_1_for_text_and_3_to_1_for_borders(browser, base_url, scheme):
    page = browser.new_page(color_scheme=scheme)
    page.goto(base_url + "en/what-to-do/")
    _fill(page, "issued", "30", "2", "2026")
    page.click("form.validity-calculator button[type=submit]")
    colours = page.evaluate(ERROR_COLOURS)
    page.close()
    background = colours["page"]
    assert len(colours["texts"]) > 10 and len(colours["borders"]) >= 5, colours
    problems = [f"{what}: {colour} on {background}, {contrast(colour, background):.2f}:1"
                for what, colour in colours["texts"] if contrast(colour, background) < 7]
    problems += [f"{what}: {colour} on {background}, {contrast(colour, background):.2f}:1"
                 for what, colour in colours["borders"] if contrast(colour, background) < 3]
    assert not problems, f"{scheme} scheme: " + "; ".join(problems)


# An element's words without the readings over its kanji (Easy Japanese): as the formatter wrote them.
_WORDS = "e => { const c = e.cloneNode(true); c.querySelectorAll('rt, rp').forEach(r => r.remove()); return c.textContent.trim(); }"


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
            _submit(page, birth, issued, stay)
            shown = {dd.get_attribute("data-answer"): dd.evaluate(_WORDS) for dd in page.locator(".vc-result dd").all()}
            expected = _expected_answer(book, lang, rules.validity(book, D(birth), D(issued), D(stay) if stay else None).as_json())
            assert shown == expected, f"{lang}, {case}"
    finally:
        page.close()


def test_the_calculator_formats_nothing_itself():
    """No second formatter in the browser: no Intl, no toLocale…String."""
    script = re.sub(r"//.*", "", (ROOT / "overrides/assets/javascripts/calculator.js").read_text(encoding="utf-8"))
    assert not re.search(r"\bIntl\b|toLocale\w*String", script), "calculator.js formats dates or numbers itself"
