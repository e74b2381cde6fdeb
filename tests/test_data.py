"""data/ is validated on load: every broken input is refused with its file, line and field."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import ROOT, build, copy_project

from guidebook.data import load
from guidebook.errors import DataError

DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path):
    return shutil.copytree(DATA, tmp_path / "data")


def edit(path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path`` by ``new``; return the line where it stands."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def problems_of(data_dir):
    with pytest.raises(DataError) as caught:
        load(data_dir)
    return caught.value.problems


def test_the_real_data_loads():
    book = load(DATA)
    assert book.fact("offices.center.hours.weekdays").opens < book.fact("offices.center.hours.weekdays").closes


# (file, text to replace, replacement, expected field, words of the message[, text on the line
# the problem must name, when that is not the edited line: a missing key is reported at its mapping])
BROKEN = {
    "wrong type": ("fees.yml", "counter: 300, konbini: 10}", 'counter: "300円", konbini: 10}',
                   "certificates.juminhyo.counter", "valid integer"),
    "negative fee": ("fees.yml", "card: 800", "card: -800", "reissue.card", "greater than or equal to 0"),
    "unknown key": ("fees.yml", "  certificate: 200", "  certificate: 200\n  certifcate: 200",
                    "reissue.certifcate", "unknown key", "certifcate"),
    "missing key": ("pins.yml", "  attempts: 3\n", "", "user.attempts", "required key missing (add it)", "user:"),
    "duplicate key": ("offices.yml", "azabu:", "shiba:", "shiba", "duplicate key (first on line"),
    "duplicate id": ("konbini.yml", "  - id: card\n", "  - id: menu\n", "steps.1.id", "duplicate id 'menu'"),
    "inverted time range": ("offices.yml", 'opens: "9:00", closes: "19:00"', 'opens: "19:00", closes: "9:00"',
                            "center.hours.weekdays", "opens (19:00) must be before closes (09:00)"),
    "last entry after closing": ("offices.yml", 'last_entry: "18:45"', 'last_entry: "19:15"',
                                 "center.hours.weekdays", "last_entry (19:15) must lie between"),
    "invalid time": ("konbini.yml", 'opens: "6:30"', 'opens: "6時30分"', "service_hours.opens", 'a time "H:MM"'),
    "invalid phone number": ("hotlines.yml", 'phone: "0120-0178-27"', 'phone: "0120 0178 27"',
                             "foreign.phone", "a phone number like"),
    "invalid date": ("publication.yml", "issued: 2026-04-01", "issued: 2026-04-31", "issued", "date"),
    "saturdays that do not add up": ("offices.yml", "closed_weeks: [3, 5]", "closed_weeks: [3]",
                                     "center.hours.saturdays", "must together list each Saturday"),
    "html in a value": ("fees.yml", "name_ja: 印鑑登録証明書", "name_ja: <script>alert(1)</script>",
                        "certificates.inkan.name_ja", "HTML is not allowed"),
    "link without https": ("links.yml", "url: https://myna.go.jp/", "url: http://myna.go.jp/",
                           "mynaportal.url", "links must use https"),
    "link to a site not on the list": ("links.yml", "url: https://myna.go.jp/", "url: https://myna.go.jp.example.org/",
                                       "mynaportal.url", "myna.go.jp.example.org is not a site of data/hosts.yml"),
    "address in wording to a site not on the list": (
        "procedures.yml", "text_ja: ", "text_ja: https://example.org/ で", "lost_card_steps.0.text_ja",
        "example.org is not a site of data/hosts.yml"),
    "a script address in wording": ("fees.yml", "name_ja: 印鑑登録証明書", "name_ja: javascript:alert(1)",
                                    "certificates.inkan.name_ja", "links must use https"),
    "a host that is not a host name": ("hosts.yml", "myna.go.jp:", "myna.go.jp/evil:", "myna.go.jp/evil",
                                       "should match pattern"),
    "menu out of order": ("hotlines.yml", "- {option: 3,", "- {option: 4,", "jlis.menu", "numbered 1, 2, 3", "menu:"),
    "undefined reference": ("konbini.yml", "certificates: [juminhyo,", "certificates: [jumin,",
                            "certificates.0", "'jumin' is not a defined certificate"),
    "a document to bring that documents.yml has not": ("procedures.yml", "stay_extension: [my_number_card, residence_card]",
                                                         "stay_extension: [my_number_card, zairyu_card]", "bring.stay_extension.1",
                                                         "'zairyu_card' is not a defined document"),
    "what to bring for a procedure that is not one": ("procedures.yml", "  pin_change: [my_number_card]\n",
                                                      "  pin_chnage: [my_number_card]\n", "bring.pin_chnage",
                                                      "'pin_chnage' is not a defined procedure"),
    "undefined fact in a sentence": ("konbini.yml", "params: {digits: pins.user.digits}",
                                     "params: {digits: pins.user.digit}", "steps.2.params.digits",
                                     "no fact 'pins.user.digit'"),
    "placeholder without value": ("fees.yml", "text_ja: 国外転出による", "text_ja: 国外転出による{n}",
                                  "free_reissue_cases.1.params", "placeholders in text_ja", "id: after_emigration"),
    "undefined suspension option": ("hotlines.yml", "suspension: {option: 2,", "suspension: {option: 9,",
                                    "jlis", "suspension.option 9 is not an option", "jlis:"),
    # A detail the printed guidebook does not give says where it comes from.
    "new year days without their source": ("offices.yml", "      source: 港区の休日", "      sourced: 港区の休日",
                                           "center.closed.new_year.source", "required key missing (add it)", "new_year:"),
    "the age change's date without its source": ("card.yml", "    source: 民法", "    note: 民法",
                                                 "validity.legacy_minor.source", "required key missing (add it)",
                                                 "legacy_minor:"),
    # Strict input: decimal integers, 0-9 only, plausible ranges, no yes/no for a number.
    "octal fee": ("fees.yml", "card: 800", "card: 0300", "reissue.card", "not a decimal number"),
    "hexadecimal fee": ("fees.yml", "card: 800", "card: 0x320", "reissue.card", "not a decimal number"),
    "fee with underscores": ("fees.yml", "card: 800", "card: 8_00", "reissue.card", "not a decimal number"),
    "implausible fee": ("fees.yml", "card: 800", "card: 800000", "reissue.card", "less than or equal to 100000"),
    "full-width digits in a phone number": ("offices.yml", 'phone: "03-4241-4932"', 'phone: "03-4241-４９３２"',
                                            "center.phone", "digits other than 0-9"),
    "arabic-indic digits in an address": ("offices.yml", 'block: "1-27-13"', 'block: "1-27-١٣"',
                                          "center.address.block", "digits other than 0-9"),
    "date as a number": ("offices.yml", "opened: 2026-04-13", "opened: 0", "center.opened", 'a date "YYYY-MM-DD"'),
    "date outside the edition's range": ("offices.yml", "opened: 2026-04-13", "opened: 1926-04-13",
                                         "center.opened", "outside the dates this guidebook speaks of"),
    "yes/no as a menu option": ("hotlines.yml", "health_insurance_option: 5", "health_insurance_option: true",
                                "jlis.health_insurance_option", "valid integer"),
    "yes/no as a count": ("pins.yml", "digits: 4", "digits: true", "user.digits", "valid integer"),
    "implausible age": ("card.yml", "no_photo_age: 0", "no_photo_age: 150", "children.no_photo_age",
                        "less than or equal to 120"),
    "malformed yaml": ("card.yml", "my_number_digits: 12", "my_number_digits: [12", "", "not valid YAML",
                       "security_code_digits"),
}


@pytest.mark.parametrize("case", BROKEN, ids=str)
def test_broken_data_is_refused_with_file_line_and_field(data_copy, case):
    name, old, new, field, words, *at = BROKEN[case]
    line = edit(data_copy / name, old, new)
    if at:
        text = (data_copy / name).read_text(encoding="utf-8")
        line = text[: text.index(at[0])].count("\n") + 1
    found = problems_of(data_copy)
    matching = [p for p in found if p.path.name == name and p.field == field and words in p.message]
    assert matching, f"expected {name} / {field} / {words!r}; got:\n" + "\n".join(map(str, found))
    assert line in {p.line for p in matching}, f"line {line} expected; got:\n" + "\n".join(map(str, matching))


def test_all_problems_are_reported_at_once(data_copy):
    edit(data_copy / "fees.yml", "card: 800", "card: -800")
    edit(data_copy / "pins.yml", "digits: 4", 'digits: "four"')
    files = {p.path.name for p in problems_of(data_copy)}
    assert {"fees.yml", "pins.yml"} <= files


def test_unknown_and_missing_files(data_copy):
    (data_copy / "extra.yml").write_text("a: 1\n", encoding="utf-8")
    (data_copy / "links.yml").unlink()
    found = {(p.path.name, p.line, p.message.split(";")[0]) for p in problems_of(data_copy)}
    assert ("extra.yml", 1, "unknown data file") in found
    assert ("links.yml", 1, "file missing") in found


def test_times_are_read_as_written(data_copy):
    # YAML 1.1 reads an unquoted 9:30 as the number 570; the loader must not.
    edit(data_copy / "hotlines.yml", 'opens: "9:30"', "opens: 9:30")
    assert load(data_copy).fact("hotlines.jlis.hours.weekdays").opens == dt.time(9, 30)


def test_a_data_error_stops_the_build_with_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    line = edit(project / "data/fees.yml", "express_card: 1800", "express_card: 1800円")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"data/fees.yml:{line}: reissue.express_card: Input should be a valid integer" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_wrong_macro_call_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "content/ja/index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ fact("fees.reissue.cards") }}\n', encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no fact 'fees.reissue.cards'" in result.stderr


def test_a_missing_translation_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    catalog = project / "locales/en.po"
    text = catalog.read_text(encoding="utf-8")
    start = text.index('msgid "平日"')
    end = text.index("\n\n", start)
    catalog.write_text(text[:start] + 'msgid "平日"\nmsgstr ""' + text[end:], encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "locales/en.po: no translation of '平日'" in result.stderr


def test_aliases_that_repeat_aliases_are_refused_quickly(data_copy):
    """A "billion laughs" of YAML aliases is refused before it fills the memory."""
    import time

    levels = ['l0: &l0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    levels += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
    (data_copy / "card.yml").write_text((data_copy / "card.yml").read_text(encoding="utf-8") + "\n".join(levels) + "\n",
                                        encoding="utf-8")
    started = time.monotonic()
    found = problems_of(data_copy)
    assert time.monotonic() - started < 10
    assert any(p.path.name == "card.yml" and "aliases (*name) that repeat other aliases" in p.message for p in found), \
        "\n".join(map(str, found[:5]))
