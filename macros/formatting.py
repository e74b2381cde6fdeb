"""The one formatter: money, dates, times, counts and lists in a page's language, on Babel.

Policy (DESIGN.md): Latin digits in every language, the Gregorian calendar, Japanese as
screen readers read it well (``2026年4月13日``, ``9時～19時``, ``1,000円``), never the
full-width ``￥`` Babel gives for ``ja``. The locale always comes from the page's
language, never from the machine.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

from .values import MonthDay, YearMonth

# Babel's name for each language of the guidebook.
BABEL_LOCALES = {
    "ja": "ja", "en": "en", "zh": "zh_Hans", "ko": "ko", "es": "es", "pt": "pt_BR",
    "th": "th", "ne": "ne", "id": "id", "vi": "vi", "tl": "fil",
}

# English ordinals by CLDR ordinal category (1st, 2nd, 3rd, 4th, 11th, 21st ...).
_ENGLISH_ORDINALS = {"one": "st", "two": "nd", "few": "rd", "other": "th"}

# Japanese counters of durations (CLDR has no long unit names for ja).
_JAPANESE_DURATIONS = {"minute": "{n}分", "hour": "{n}時間", "day": "{n}日", "week": "{n}週間", "month": "{n}か月", "year": "{n}年"}

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

    def duration(self, value: int, unit: str) -> str:
        """A count of a unit of time, with the language's plural: "1 week", "3 months", "3か月"."""
        if unit not in _JAPANESE_DURATIONS:
            raise ValueError(f"no unit of time {unit!r}; expected one of: {', '.join(_JAPANESE_DURATIONS)}")
        if self.lang == "ja":
            return _JAPANESE_DURATIONS[unit].format(n=self.number(value))
        return format_unit(value, f"duration-{unit}", length="long", locale=self.locale, numbering_system="latn")

    def money(self, yen: int) -> str:
        if self.lang == "ja":
            return f"{self.number(yen)}円"
        return format_currency(yen, "JPY", locale=self.locale, numbering_system="latn")

    def date(self, value: dt.date) -> str:
        return format_date(value, "long", locale=self.locale)

    def year_month(self, value: YearMonth) -> str:
        return format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=self.locale)

    def month_day(self, value: MonthDay | dt.date) -> str:
        day = value if isinstance(value, dt.date) else dt.date(_ANY_LEAP_YEAR, value.month, value.day)
        return format_skeleton("MMMMd", day, locale=self.locale)

    def time(self, value: dt.time) -> str:
        if self.lang == "ja":
            return f"{value.hour}時" if value.minute == 0 else f"{value.hour}時{value.minute}分"
        return format_time(value, "short", locale=self.locale)

    def time_range(self, start: dt.time, end: dt.time) -> str:
        if self.lang == "ja":
            return f"{self.time(start)}～{self.time(end)}"
        return format_interval(start, end, "hm", locale=self.locale)

    def ordinal(self, n: int) -> str:
        if self.lang == "en":
            return f"{n}{_ENGLISH_ORDINALS[self.locale.ordinal_form(n)]}"
        return self.number(n)

    def weeks(self, weeks: list[int]) -> str:
        """Weeks of the month of a weekday: ``1・2・4`` in Japanese, ``1st, 2nd and 4th`` in English."""
        if self.lang == "ja":
            return "・".join(self.number(w) for w in weeks)
        return self.list([self.ordinal(w) for w in weeks])

    def list(self, items: list[str], style: str = "standard") -> str:
        return format_list(items, style=style, locale=self.locale)


@cache
def formatter(lang: str) -> Formatter:
    return Formatter(lang)
