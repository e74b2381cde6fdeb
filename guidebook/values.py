"""Value types of facts. The formatter picks the rendering from the type, so a fee is
always shown as money and a phone number always as a ``tel:`` link."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, PlainValidator

from .addresses import HOST


class Yen(int):
    """An amount of money in yen."""


class Year(int):
    """A calendar or fiscal year: printed without a thousands separator."""


@dataclass(frozen=True)
class YearMonth:
    year: int
    month: int


@dataclass(frozen=True)
class MonthDay:
    month: int
    day: int


class WeeksOfMonth(tuple):
    """Which weeks of the month a weekday falls in (1-5): the 1st, 2nd and 4th Saturday."""


class PhoneNumber(str):
    """A Japanese phone number as dialled, digits and hyphens (``0120-95-0178``)."""


_PHONE = re.compile(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{2,4}")
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
_YEAR_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")
_MONTH_DAY = re.compile(r"(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ID = r"^[a-z][a-z0-9_]*$"


def _string(pattern: re.Pattern, expected: str):
    def check(value):
        if not isinstance(value, str) or not pattern.fullmatch(value):
            raise ValueError(f"expected {expected}, found {value!r}")
        return pattern.fullmatch(value)

    return check


def _phone(value):
    return PhoneNumber(_string(_PHONE, 'a phone number like "0120-95-0178"')(value).group(0))


def _clock(value):
    match = _string(_CLOCK, 'a time "H:MM" in 24-hour form, in quotes')(value)
    return dt.time(int(match.group(1)), int(match.group(2)))


def _year_month(value):
    match = _string(_YEAR_MONTH, 'a month "YYYY-MM"')(value)
    return YearMonth(int(match.group(1)), int(match.group(2)))


def _month_day(value):
    match = _string(_MONTH_DAY, 'a day of the year "MM-DD"')(value)
    month, day = int(match.group(1)), int(match.group(2))
    dt.date(2024, month, day)  # raises for 02-30 and the like (2024 has a 29 February)
    return MonthDay(month, day)


def _iso_date(value):
    """A date written YYYY-MM-DD (the loader leaves it as text): never a number of seconds."""
    match = _string(_DATE, 'a date "YYYY-MM-DD"')(value)
    try:
        day = dt.date.fromisoformat(match.group(0))
    except ValueError as exc:
        raise ValueError(f"{value!r} is no date: {exc}") from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValueError(f"{value} lies outside the dates this guidebook speaks of ({FIRST_DATE} to {LAST_DATE})")
    return day


# Plausible ranges: a value outside them is a typing error, not a new fact.
FIRST_DATE, LAST_DATE = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
MAX_YEN = 100_000
MAX_COUNT = 1_000
MAX_AGE = 120

Money = Annotated[int, Field(ge=0, le=MAX_YEN, strict=True), AfterValidator(Yen)]
Date = Annotated[dt.date, BeforeValidator(_iso_date)]
MenuKey = Annotated[int, Field(ge=0, le=9, strict=True)]
Percent = Annotated[int, Field(ge=0, le=100, strict=True)]
Phone = Annotated[PhoneNumber, PlainValidator(_phone)]
Clock = Annotated[dt.time, BeforeValidator(_clock)]
YearMonthValue = Annotated[YearMonth, PlainValidator(_year_month)]
MonthDayValue = Annotated[MonthDay, PlainValidator(_month_day)]
Id = Annotated[str, Field(pattern=_ID)]
Host = Annotated[str, Field(pattern=HOST, max_length=253)]  # a lower-case DNS name, no scheme or port
# A reading: hiragana and the prolonged sound mark; Hepburn romaji in lower case, long vowels
# with a macron, words apart by a space or a hyphen. A term that names a pair ("遺失届・盗難届")
# has both readings: kana apart by "・", romaji by " / ".
Kana = Annotated[str, Field(pattern="^[\u3041-\u3096\u30fc]+(\u30fb[\u3041-\u3096\u30fc]+)*$", max_length=60)]
Romaji = Annotated[str, Field(pattern="^[a-zāēīōū]+(( |-| / )[a-zāēīōū]+)*$", max_length=80)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT, strict=True)]
Age = Annotated[int, Field(ge=0, le=MAX_AGE, strict=True)]
YearValue = Annotated[int, Field(ge=FIRST_DATE.year, le=LAST_DATE.year, strict=True), AfterValidator(Year)]
Week = Annotated[int, Field(ge=1, le=5, strict=True)]
Weeks = Annotated[list[Week], AfterValidator(lambda weeks: WeeksOfMonth(sorted(weeks)))]


def _plain_text(value: str) -> str:
    if "<" in value or ">" in value:
        raise ValueError("expected plain text; HTML is not allowed in data (write the words only)")
    return value


Text = Annotated[str, Field(min_length=1, strict=True), AfterValidator(_plain_text)]
