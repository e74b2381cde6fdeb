"""The guidebook's rules (guidebook/rules.py) and the ``guidebook`` command.

The cases are people and days chosen to hit each rule and its edges; each expected answer is
worked out by hand from the rule as the guidebook states it (data/card.yml: 10th birthday,
5th under 18, 5th for cards issued before 2022-04-01 to people then under 20, certificates
5th birthday, renewal from the day after the date 3 months before)."""

import datetime as dt
import json
import subprocess
import sys

import pytest
from conftest import ROOT

from guidebook import rules

D = dt.date.fromisoformat

# (birth, issued, stay until, card expires, card renewal from, certificate expires, signature certificate)
VALIDITY = {
    "adult": ("1990-05-10", "2026-04-13", None, "2035-05-10", "2035-02-11", "2030-05-10", True),
    "issued on the birthday: that birthday does not count": ("1990-04-13", "2026-04-13", None, "2036-04-13", "2036-01-14", "2031-04-13", True),
    "under 18: 5th birthday": ("2010-06-01", "2026-04-13", None, "2030-06-01", "2030-03-02", "2030-06-01", True),
    "turns 18 the day after issuance: still a minor card": ("2008-04-14", "2026-04-13", None, "2030-04-14", "2030-01-15", "2030-04-14", True),
    "under 15: no signature certificate": ("2012-07-07", "2026-04-13", None, "2030-07-07", "2030-04-08", "2030-07-07", False),
    "15 on the day: signature certificate": ("2011-04-13", "2026-04-13", None, "2031-04-13", "2031-01-14", "2031-04-13", True),
    "leap-day birthday: 29 February in a leap year": ("2000-02-29", "2026-04-13", None, "2036-02-29", "2035-11-30", "2031-02-28", True),
    "leap-day birthday: 28 February in a common year": ("2000-02-29", "2027-04-13", None, "2037-02-28", "2036-11-29", "2032-02-29", True),
    "19 before 2022-04-01: 5th birthday": ("2002-09-01", "2022-03-31", None, "2026-09-01", "2026-06-02", "2026-09-01", True),
    "19 from 2022-04-01: adult card": ("2002-09-01", "2022-04-01", None, "2031-09-01", "2031-06-02", "2026-09-01", True),
    "stay ends first": ("1985-01-20", "2026-04-13", "2027-05-31", "2027-05-31", "2027-03-01", "2027-05-31", True),
    "stay ends after the 10th birthday": ("1985-01-20", "2026-04-13", "2040-01-01", "2036-01-20", "2035-10-21", "2031-01-20", True),
}


@pytest.mark.parametrize("case", VALIDITY, ids=str)
def test_validity(book, case):
    birth, issued, stay, card, card_from, certificate, signature = VALIDITY[case]
    result = rules.validity(book, D(birth), D(issued), D(stay) if stay else None)
    assert (result.card_expires, result.card_renewal_from, result.certificate_expires, result.signature_certificate) == \
        (D(card), D(card_from), D(certificate), signature)
    assert result.certificate_renewal_from == rules.renewal_from(result.certificate_expires, 3)


def test_the_printed_renewal_examples(book):
    rule = book.card.validity
    for example in rule.renewal_examples:
        assert rules.renewal_from(example.valid_until, rule.renewal_months_before) == example.renewable_from


# Month ends: (valid until, renewable from), 3 months before.
RENEWAL = {
    "31 May: 31 February does not exist": ("2027-05-31", "2027-03-01"),
    "29 May in a leap year: 29 February exists": ("2028-05-29", "2028-03-01"),
    "30 November: 30 August exists": ("2027-11-30", "2027-08-31"),
    "31 March: across the year": ("2027-03-31", "2027-01-01"),
    "15 January: into the previous year": ("2027-01-15", "2026-10-16"),
}


@pytest.mark.parametrize("case", RENEWAL, ids=str)
def test_renewal_window_at_month_ends(case):
    until, start = RENEWAL[case]
    assert rules.renewal_from(D(until), 3) == D(start)


# (office, day, open, reason closed); days checked on a calendar of 2026-2027.
DAYS = {
    "Center, a weekday": ("center", "2026-04-13", True, None),
    "Center, 1st Saturday": ("center", "2026-05-02", True, None),
    "Center, 3rd Saturday": ("center", "2026-05-16", False, "saturday"),
    "Center, 5th Saturday": ("center", "2026-05-30", False, "saturday"),
    "Center, Sunday": ("center", "2026-05-17", False, "sunday"),
    "Center, a holiday on a weekday (Constitution Day)": ("center", "2026-05-04", False, "national_holiday"),
    "Center, a substitute holiday": ("center", "2026-05-06", False, "national_holiday"),
    "Center, 29 December": ("center", "2026-12-29", False, "new_year"),
    "Center, 3 January": ("center", "2027-01-03", False, "new_year"),
    "Center, 4 January": ("center", "2027-01-04", True, None),
    "Branch, a weekday": ("akasaka", "2026-04-14", True, None),
    "Branch, 1st Saturday": ("akasaka", "2026-05-02", False, "saturday"),
}


@pytest.mark.parametrize("case", DAYS, ids=str)
def test_opening_days(book, case):
    office, day, is_open, reason = DAYS[case]
    result = rules.opening_day(book, office, D(day))
    assert (result.open, result.reason_closed) == (is_open, reason)
    hours = book.offices[office].hours
    if is_open:
        expected = hours.saturdays if D(day).weekday() == 5 else hours.weekdays
        assert (result.opens, result.closes, result.last_entry) == (expected.opens, expected.closes, expected.last_entry)


def guidebook(*args):
    return subprocess.run([sys.executable, "-m", "guidebook.cli", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_validity():
    birth, issued, stay, card, card_from, certificate, signature = VALIDITY["stay ends first"]
    result = guidebook("validity", "--birth", birth, "--issued", issued, "--stay-until", stay)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"card_expires": card, "card_renewal_from": card_from,
                                         "certificate_expires": certificate, "certificate_renewal_from": card_from,
                                         "signature_certificate": signature}


def test_cli_open_days(book):
    result = guidebook("open-days", "--office", "center", "--from", "2026-05-15", "--to", "2026-05-18")
    assert result.returncode == 0, result.stderr
    days = json.loads(result.stdout)
    assert [d["date"] for d in days] == ["2026-05-15", "2026-05-16", "2026-05-17", "2026-05-18"]
    assert [d["open"] for d in days] == [True, False, False, True]
    friday = book.offices["center"].hours.weekdays
    assert days[0]["opens"] == f"{friday.opens:%H:%M}" and days[0]["last_entry"] == f"{friday.last_entry:%H:%M}"
    assert set(days[1]) == {"date", "open", "opens", "closes", "last_entry", "reason_closed"}


@pytest.mark.parametrize("args,words", [
    (("validity", "--birth", "1990-02-30", "--issued", "2026-04-13"), "expected a date YYYY-MM-DD"),
    (("validity", "--issued", "2026-04-13"), "the following arguments are required: --birth"),
    (("validity", "--birth", "2026-05-01", "--issued", "2026-04-13"), "cannot be issued before the date of birth"),
    (("open-days", "--office", "minato", "--from", "2026-01-01", "--to", "2026-01-02"), "no office 'minato'"),
    (("open-days", "--office", "center", "--from", "2026-02-01", "--to", "2026-01-01"), "is before --from"),
    # Bounds: no run that takes gigabytes, no traceback, no file written outside content/.
    (("validity", "--birth", "0001-01-01", "--issued", "2026-04-13"), "0001-01-01 is outside 1900-01-01 to 2099-12-31"),
    (("validity", "--birth", "1990-01-01", "--issued", "9999-12-31"), "9999-12-31 is outside 2000-01-01 to 2099-12-31"),
    (("open-days", "--office", "center", "--from", "2000-01-01", "--to", "2099-12-31"), "at most 731 days at once"),
    (("freshness", "--stamp", "en", "../../../x"), "no page '../../../x'"),
    (("pdf", "--jobs", "-1"), "expected a number of PDFs at a time from 1 to 64"),
])
def test_cli_bad_arguments(args, words):
    result = guidebook(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr and result.stdout == ""
