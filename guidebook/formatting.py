"""The one formatter: money, dates, times, counts and lists in a page's language, on Babel.

Policy (README, Formatting): Latin digits in every language (Babel's ``numbering_system="latn"``,
which Nepali needs), the Gregorian calendar, Japanese as
screen readers read it well (``2026年4月13日``, ``9時～19時``, ``1,000円``), never the
full-width ``￥`` Babel gives for ``ja``. The locale always comes from the page's
language, never from the machine.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

from .languages import BABEL_LOCALES, html_lang
from .values import MonthDay, YearMonth


# Money as residents of each language expect it; {n} is the amount with the locale's grouping.
# Babel's own pattern where it fits (en, tl: ¥1,000); never the full-width ￥ it gives for ja.
_MONEY = {
    "ja": "{n}円", "zh": "{n}日元", "ko": "{n}엔", "es": "{n} yenes", "pt": "{n} ienes",
    "th": "{n} เยน", "ne": "{n} येन", "id": "{n} yen", "vi": "{n} yên",
}

# Ordinals of the week of a month ("the 1st and 3rd Saturday"); {n} is the number. Languages
# not listed (ja, zh, ko) say the ordinal in the label around the numbers (第1・2・4土曜日).
_ORDINALS = {
    "es": "{n}.º", "pt": "{n}º", "th": "ที่ {n}", "ne": "{n}औँ", "id": "ke-{n}", "vi": "thứ {n}", "tl": "ika-{n}",
}
# Nepali says the first ordinals as words ("1औं" would stand for a word that does not exist),
# up to the fifth, the last week of a month.
_NEPALI_ORDINAL_WORDS = {1: "पहिलो", 2: "दोस्रो", 3: "तेस्रो", 4: "चौथो", 5: "पाँचौँ"}
_ENGLISH_ORDINAL_SUFFIXES = {"one": "st", "two": "nd", "few": "rd", "other": "th"}

# Clock times: 12-hour where readers expect it, 24-hour elsewhere (Japanese has its own form).
_TWELVE_HOUR = {"en", "tl"}

# List separators where CLDR's pattern reads wrongly: Nepali's has no space after the comma,
# Thai's no spaces around และ ("ที่ 3และที่ 5"). Thai separates items by a space, or by a comma
# when an item holds spaces itself ("Bahasa Indonesia, Tiếng Việt และ Tagalog").
_LISTS = {"ne": (", ", " र "), "th": (" ", " และ ")}
_WORDS = re.compile(r"[^\W\d_] [^\W\d_]")  # an item of several words

# Numbered weeks written as one group, the label around them saying "Saturday of the month".
_WEEK_SEPARATORS = {"ja": "・", "ko": "·"}

# A date whose day and year occur nowhere else in a formatted date (date_templates).
_SAMPLE_YEAR, _SAMPLE_DAY = 2345, 28

# A leap year, so that 29 February can be formatted as a day of the year.
_ANY_LEAP_YEAR = 2024


class Formatter:
    """Formats values for one language."""

    def __init__(self, lang: str):
        if lang not in BABEL_LOCALES:
            raise ValueError(f"no formatting policy for language {lang!r}; known: {', '.join(BABEL_LOCALES)}")
        self.lang = lang
        self.locale = Locale.parse(BABEL_LOCALES[lang])

    def number(self, value: int) -> str:
        return format_decimal(value, locale=self.locale, numbering_system="latn")

    def year(self, value: int) -> str:
        return format_decimal(value, "0", locale=self.locale, numbering_system="latn")

    def money(self, yen: int) -> str:
        if self.lang in _MONEY:
            return _MONEY[self.lang].format(n=self.number(yen))
        return format_currency(yen, "JPY", locale=self.locale, numbering_system="latn")

    def date(self, value: dt.date) -> str:
        if self.lang == "th":  # Thai's long pattern adds the era (ค.ศ.); the skeleton does not
            return format_skeleton("yMMMMd", value, locale=self.locale)
        if self.lang == "vi":  # CLDR's "13 tháng 4, 2026"; readers write the year with "năm"
            return format_date(value, "'ngày' d 'tháng' M 'năm' y", locale=self.locale)
        return format_date(value, "long", locale=self.locale)

    def date_templates(self) -> list[str]:
        """``date()`` of each month with ``{d}`` for the day and ``{y}`` for the year: what the
        browser fills in for dates it computes, so that it never formats a date itself."""
        templates = []
        for month in range(1, 13):
            text = self.date(dt.date(_SAMPLE_YEAR, month, _SAMPLE_DAY))
            if text.count(str(_SAMPLE_YEAR)) != 1 or text.count(str(_SAMPLE_DAY)) != 1:
                raise ValueError(f"{self.lang}: cannot find the day and year in the date {text!r}")
            templates.append(text.replace(str(_SAMPLE_YEAR), "{y}").replace(str(_SAMPLE_DAY), "{d}"))
        return templates

    def year_month(self, value: YearMonth) -> str:
        return format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=self.locale)

    def month_day(self, value: MonthDay | dt.date) -> str:
        day = value if isinstance(value, dt.date) else dt.date(_ANY_LEAP_YEAR, value.month, value.day)
        return format_skeleton("MMMMd", day, locale=self.locale)

    def time(self, value: dt.time) -> str:
        if self.lang == "ja":
            return f"{value.hour}時" if value.minute == 0 else f"{value.hour}時{value.minute}分"
        return _unbroken(format_skeleton("hm" if self.lang in _TWELVE_HOUR else "Hm", value, locale=self.locale))

    def time_range(self, start: dt.time, end: dt.time) -> str:
        if self.lang == "ja":
            return f"{self.time(start)}～{self.time(end)}"
        return _unbroken(format_interval(start, end, "hm" if self.lang in _TWELVE_HOUR else "Hm", locale=self.locale))

    def ordinal(self, n: int) -> str:
        if self.lang == "en":
            return f"{self.number(n)}{_ENGLISH_ORDINAL_SUFFIXES[self.locale.ordinal_form(n)]}"
        if self.lang == "ne" and n in _NEPALI_ORDINAL_WORDS:
            return _NEPALI_ORDINAL_WORDS[n]
        if self.lang in _ORDINALS:
            return _ORDINALS[self.lang].format(n=self.number(n))
        return self.number(n)

    def weeks(self, weeks: list[int]) -> str:
        """Weeks of the month of a weekday: ``1・2・4`` in Japanese, ``1·2·4`` in Korean (제1·2·4
        토요일: the ordinal is the label's, for the whole list), ``1st, 2nd, and 4th`` in English."""
        if self.lang in _WEEK_SEPARATORS:
            return _WEEK_SEPARATORS[self.lang].join(self.number(w) for w in weeks)
        return self.list([self.ordinal(w) for w in weeks])

    def list(self, items: list[str], style: str = "standard") -> str:
        if self.lang in _LISTS and style == "standard" and len(items) > 1:
            middle, last = _LISTS[self.lang]
            if middle == " " and any(_WORDS.search(item) for item in items):
                middle = ", "
            return middle.join(items[:-1]) + last + items[-1]
        return format_list(items, style=style, locale=self.locale)


# Where a line must not break: a space between a time's digits and its word ("09:00 น."), and
# before a range's dash (a line may end with the dash, never start with it).
_INSIDE_A_TIME = re.compile(r"(?<=[0-9]) (?=[^\s0-9–~-])|(?<=\S) (?=[–~] )")


def _unbroken(time_text: str) -> str:
    return _INSIDE_A_TIME.sub("\u00a0", time_text)


@cache
def formatter(lang: str) -> Formatter:
    """The formatter of a language's pages: Easy Japanese writes values as Japanese does."""
    return Formatter(html_lang(lang))
