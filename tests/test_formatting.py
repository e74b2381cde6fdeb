"""The formatter's output, pinned per language as code points (CLDR changes spaces between
releases; a changed string must be a decision, not an accident)."""

import datetime as dt

import pytest

from macros.formatting import Formatter, formatter
from macros.values import MonthDay, YearMonth

# Inputs are illustrations of each kind of value, not facts of the guidebook.
CASES = {
    "ja": {
        ("money", 1000): "1,000円",
        ("money", 0): "0円",
        ("date", dt.date(2026, 4, 13)): "2026年4月13日",
        ("year_month", YearMonth(2026, 6)): "2026年6月",
        ("month_day", MonthDay(12, 29)): "12月29日",
        ("time", dt.time(9, 0)): "9時",
        ("time", dt.time(18, 45)): "18時45分",
        ("weeks", (1, 2, 4)): "1・2・4",
        ("number", 12): "12",
    },
    "en": {
        ("money", 1000): "¥1,000",
        ("money", 0): "¥0",
        ("date", dt.date(2026, 4, 13)): "April 13, 2026",
        ("year_month", YearMonth(2026, 6)): "June 2026",
        ("month_day", MonthDay(12, 29)): "December 29",
        ("time", dt.time(9, 0)): "9:00\u202fAM",
        ("time", dt.time(18, 45)): "6:45\u202fPM",
        ("weeks", (1, 2, 4)): "1st, 2nd, and 4th",
        ("weeks", (3, 5)): "3rd and 5th",
        ("number", 12): "12",
    },
}

RANGES = {
    "ja": {(dt.time(9, 0), dt.time(19, 0)): "9時～19時", (dt.time(9, 30), dt.time(17, 30)): "9時30分～17時30分"},
    "en": {(dt.time(9, 0), dt.time(19, 0)): "9:00\u202fAM\u2009\u2013\u20097:00\u202fPM"},
}


@pytest.mark.parametrize("lang,method,value,expected",
                         [(lang, m, v, e) for lang, cases in CASES.items() for (m, v), e in cases.items()])
def test_formats(lang, method, value, expected):
    assert getattr(formatter(lang), method)(value) == expected


@pytest.mark.parametrize("lang,start,end,expected",
                         [(lang, s, e, x) for lang, cases in RANGES.items() for (s, e), x in cases.items()])
def test_time_ranges(lang, start, end, expected):
    assert formatter(lang).time_range(start, end) == expected


def test_japanese_money_is_never_full_width():
    assert "￥" not in formatter("ja").money(1000)


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no formatting policy for language 'xx'"):
        Formatter("xx")
