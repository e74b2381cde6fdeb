"""The formatter's output, pinned per language as code points (CLDR changes spaces between
releases; a changed string must be a decision, not an accident). Inputs are illustrations of
each kind of value, not facts of the guidebook."""

import datetime as dt

import pytest

from guidebook.formatting import Formatter, formatter
from guidebook.languages import BABEL_LOCALES, LANGUAGES
from guidebook.values import MonthDay, YearMonth

PINNED = {
    "ja": {
        ("money", 1000): '1,000円',
        ("date", dt.date(2026, 4, 13)): '2026年4月13日',
        ("time", dt.time(18, 45)): '18時45分',
        ("weeks", (1, 2, 4)): '1・2・4',
        ("year_month", YearMonth(2026, 6)): '2026年6月',
        ("month_day", MonthDay(12, 29)): '12月29日',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '9時～19時',
    },
    "en": {
        ("money", 1000): '¥1,000',
        ("date", dt.date(2026, 4, 13)): 'April 13, 2026',
        ("time", dt.time(18, 45)): '6:45\u00a0PM',
        ("weeks", (1, 2, 4)): '1st, 2nd, and 4th',
        ("year_month", YearMonth(2026, 6)): 'June 2026',
        ("month_day", MonthDay(12, 29)): 'December 29',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '9:00\u202fAM\u2009–\u20097:00\u202fPM',
    },
    "zh": {
        ("money", 1000): '1,000日元',
        ("date", dt.date(2026, 4, 13)): '2026年4月13日',
        ("time", dt.time(18, 45)): '18:45',
        ("weeks", (1, 2, 4)): '1、2和4',
        ("year_month", YearMonth(2026, 6)): '2026年6月',
        ("month_day", MonthDay(12, 29)): '12月29日',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09:00–19:00',
    },
    "ko": {
        ("money", 1000): '1,000엔',
        ("date", dt.date(2026, 4, 13)): '2026년 4월 13일',
        ("time", dt.time(18, 45)): '18:45',
        ("weeks", (1, 2, 4)): '1·2·4',
        ("year_month", YearMonth(2026, 6)): '2026년 6월',
        ("month_day", MonthDay(12, 29)): '12월 29일',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09:00\u00a0~ 19:00',
    },
    "es": {
        ("money", 1000): '1.000 yenes',
        ("date", dt.date(2026, 4, 13)): '13 de abril de 2026',
        ("time", dt.time(18, 45)): '18:45',
        ("weeks", (1, 2, 4)): '1.º, 2.º y 4.º',
        ("year_month", YearMonth(2026, 6)): 'junio de 2026',
        ("month_day", MonthDay(12, 29)): '29 de diciembre',
        ("number", 1000): '1.000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '9:00–19:00',
    },
    "pt": {
        ("money", 1000): '1.000 ienes',
        ("date", dt.date(2026, 4, 13)): '13 de abril de 2026',
        ("time", dt.time(18, 45)): '18:45',
        ("weeks", (1, 2, 4)): '1º, 2º e 4º',
        ("year_month", YearMonth(2026, 6)): 'junho de 2026',
        ("month_day", MonthDay(12, 29)): '29 de dezembro',
        ("number", 1000): '1.000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09:00\u2009–\u200919:00',
    },
    "th": {
        ("money", 1000): '1,000 เยน',
        ("date", dt.date(2026, 4, 13)): '13 เมษายน 2026',
        ("time", dt.time(18, 45)): '18:45\u00a0น.',
        ("weeks", (1, 2, 4)): 'ที่ 1 ที่ 2 และ ที่ 4',
        ("weeks", (3, 5)): 'ที่ 3 และ ที่ 5',
        ("year_month", YearMonth(2026, 6)): 'มิถุนายน 2026',
        ("month_day", MonthDay(12, 29)): '29 ธันวาคม',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09:00\u00a0น.\u00a0– 19:00\u00a0น.',
    },
    "ne": {
        ("money", 1000): '1,000 येन',
        ("date", dt.date(2026, 4, 13)): '2026 अप्रिल 13',
        ("time", dt.time(18, 45)): '18:45',
        ("weeks", (1, 2, 4)): 'पहिलो, दोस्रो र चौथो',
        ("year_month", YearMonth(2026, 6)): '2026 जुन',
        ("month_day", MonthDay(12, 29)): 'डिसेम्बर 29',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09:00–19:00',
    },
    "id": {
        ("money", 1000): '1.000 yen',
        ("date", dt.date(2026, 4, 13)): '13 April 2026',
        ("time", dt.time(18, 45)): '18.45',
        ("weeks", (1, 2, 4)): 'ke-1, ke-2, dan ke-4',
        ("year_month", YearMonth(2026, 6)): 'Juni 2026',
        ("month_day", MonthDay(12, 29)): '29 Desember',
        ("number", 1000): '1.000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09.00–19.00',
    },
    "vi": {
        ("money", 1000): '1.000 yên',
        ("date", dt.date(2026, 4, 13)): 'ngày 13 tháng 4 năm 2026',
        ("time", dt.time(18, 45)): '18:45',
        ("weeks", (1, 2, 4)): 'thứ 1, thứ 2 và thứ 4',
        ("year_month", YearMonth(2026, 6)): 'tháng 6 năm 2026',
        ("month_day", MonthDay(12, 29)): '29 tháng 12',
        ("number", 1000): '1.000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '09:00–19:00',
    },
    "tl": {
        ("money", 1000): '¥1,000',
        ("date", dt.date(2026, 4, 13)): 'Abril 13, 2026',
        ("time", dt.time(18, 45)): '6:45\u202fPM',
        ("weeks", (1, 2, 4)): 'ika-1, ika-2, at ika-4',
        ("year_month", YearMonth(2026, 6)): 'Hunyo 2026',
        ("month_day", MonthDay(12, 29)): 'Disyembre 29',
        ("number", 1000): '1,000',
        ("time_range", (dt.time(9, 0), dt.time(19, 0))): '9:00\u202fAM\u2009–\u20097:00\u202fPM',
    },
}


# Easy Japanese writes every value as Japanese does (the readings over them are the page's).
PINNED["easy"] = PINNED["ja"]


def _call(fmt, method, argument):
    return fmt.time_range(*argument) if method == "time_range" else getattr(fmt, method)(argument)


@pytest.mark.parametrize("lang,method,argument,expected",
                         [(lang, m, a, e) for lang, cases in PINNED.items() for (m, a), e in cases.items()])
def test_formats(lang, method, argument, expected):
    assert _call(formatter(lang), method, argument) == expected


def test_every_language_is_pinned():
    assert set(PINNED) == set(BABEL_LOCALES) >= set(LANGUAGES)


@pytest.mark.parametrize("lang", BABEL_LOCALES)
def test_latin_digits_and_gregorian_years(lang):
    fmt = formatter(lang)
    text = fmt.date(dt.date(2026, 4, 13)) + fmt.money(1234567) + fmt.time(dt.time(23, 59)) + fmt.year(2026)
    assert all(ch in "0123456789" for ch in text if ch.isdigit()), text
    assert "2026" in text and "2569" not in text  # not the Buddhist era


def test_japanese_follows_the_screen_reader_policy():
    fmt = formatter("ja")
    assert fmt.time(dt.time(9, 0)) == "9時" and fmt.money(0) == "0円" and "￥" not in fmt.money(1000)
    assert fmt.time_range(dt.time(9, 30), dt.time(17, 30)) == "9時30分～17時30分"


def test_years_have_no_thousands_separator():
    assert formatter("en").year(2024) == "2024" and formatter("es").year(2024) == "2024"


def test_ordinals_follow_the_plural_rules():
    assert [formatter("en").ordinal(n) for n in (1, 2, 3, 4, 11, 21)] == ["1st", "2nd", "3rd", "4th", "11th", "21st"]


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no formatting policy for language 'xx'"):
        Formatter("xx")


def test_nepali_ordinals_are_words_up_to_the_fifth():
    assert [formatter("ne").ordinal(n) for n in (1, 2, 3, 4, 5, 10)] == ["पहिलो", "दोस्रो", "तेस्रो", "चौथो", "पाँचौँ", "10औँ"]


def test_a_thai_list_of_names_of_several_words_has_commas():
    names = ["English", "Bahasa Indonesia", "Tiếng Việt", "Tagalog"]
    assert formatter("th").list(names) == "English, Bahasa Indonesia, Tiếng Việt และ Tagalog"
    assert formatter("th").list(["ไทย", "ญี่ปุ่น", "จีน"]) == "ไทย ญี่ปุ่น และ จีน"
