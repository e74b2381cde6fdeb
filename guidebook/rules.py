"""The guidebook's rules as functions of a date, written once for the web, print and the
``guidebook`` command: card and certificate expiry, the renewal window, and opening days.

Every number comes from data/ (card.yml, offices.yml); national holidays come from the
maintained ``holidays`` library (Japan's calendar, substitute holidays included)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass
from functools import cache

import holidays

from .data import Guidebook


def _birthday_in(birth: dt.date, year: int) -> dt.date:
    """The birthday in ``year``; 29 February falls on 28 February in common years, the day a
    person born on 29 February turns a year older under Japanese law."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def nth_birthday_after(birth: dt.date, day: dt.date, n: int) -> dt.date:
    """The ``n``-th birthday after ``day``; a birthday on ``day`` itself does not count."""
    first = _birthday_in(birth, day.year)
    if first <= day:
        first = _birthday_in(birth, day.year + 1)
    return _birthday_in(birth, first.year + n - 1)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - (_birthday_in(birth, day.year) > day)


def renewal_from(expiry: dt.date, months_before: int) -> dt.date:
    """From the day after the date ``months_before`` months before expiry; where that date does
    not exist in its month (30 February), from the day after it would have been (1 March)."""
    month_index = expiry.year * 12 + expiry.month - 1 - months_before
    year, month = divmod(month_index, 12)
    try:
        return dt.date(year, month + 1, expiry.day) + dt.timedelta(days=1)
    except ValueError:
        return dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)


@dataclass(frozen=True)
class Validity:
    card_expires: dt.date
    card_renewal_from: dt.date
    certificate_expires: dt.date
    certificate_renewal_from: dt.date
    signature_certificate: bool

    def as_json(self) -> dict:
        return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in asdict(self).items()}


def validity(book: Guidebook, birth: dt.date, issued: dt.date, stay_until: dt.date | None = None) -> Validity:
    """Expiry and renewal of a card issued on ``issued`` to a person born on ``birth``; a
    foreign resident's card never outlasts the period of stay (``stay_until``)."""
    if issued < birth:
        raise ValueError("the card cannot be issued before the date of birth")
    rules = book.card.validity
    age = age_on(birth, issued)
    if issued < rules.legacy_minor.issued_before and age < rules.legacy_minor.under_age:
        card = nth_birthday_after(birth, issued, rules.legacy_minor.card_years)
    elif age < rules.minor.under_age:
        card = nth_birthday_after(birth, issued, rules.minor.card_birthdays)
    else:
        card = nth_birthday_after(birth, issued, rules.card_birthdays)
    if stay_until is not None:
        if stay_until < issued:
            raise ValueError("the period of stay ends before the card is issued")
        card = min(card, stay_until)
    # The certificates are on the card: they end with it at the latest.
    certificate = min(nth_birthday_after(birth, issued, rules.certificate_birthdays), card)
    months = rules.renewal_months_before
    return Validity(card, renewal_from(card, months), certificate, renewal_from(certificate, months),
                    age >= book.card.children.signature_certificate_min_age)


def parameters(book: Guidebook) -> dict:
    """The numbers the validity rules use, for the page's JavaScript (the same rules in the browser)."""
    rules = book.card.validity
    return {
        "cardBirthdays": rules.card_birthdays,
        "minorUnderAge": rules.minor.under_age,
        "minorCardBirthdays": rules.minor.card_birthdays,
        "legacyIssuedBefore": rules.legacy_minor.issued_before.isoformat(),
        "legacyUnderAge": rules.legacy_minor.under_age,
        "legacyCardBirthdays": rules.legacy_minor.card_years,
        "certificateBirthdays": rules.certificate_birthdays,
        "renewalMonthsBefore": rules.renewal_months_before,
        "signatureMinAge": book.card.children.signature_certificate_min_age,
    }


@cache
def _holidays(year: int) -> holidays.HolidayBase:
    return holidays.Japan(years=year)


@dataclass(frozen=True)
class Day:
    date: dt.date
    open: bool
    opens: dt.time | None = None
    closes: dt.time | None = None
    last_entry: dt.time | None = None
    reason_closed: str | None = None

    def as_json(self) -> dict:
        def text(value):
            return value.isoformat() if isinstance(value, dt.date) else value.strftime("%H:%M") if value else None

        return {"date": self.date.isoformat(), "open": self.open, "opens": text(self.opens), "closes": text(self.closes),
                "last_entry": text(self.last_entry), "reason_closed": self.reason_closed}


# Why a day is closed, in the order they are checked. The words are ids: pages and the
# calendar translate them through the catalogs.
CLOSED_REASONS = ("new_year", "national_holiday", "sunday", "saturday")


def week_of_month(day: dt.date) -> int:
    return (day.day - 1) // 7 + 1


def opening_day(book: Guidebook, office: str, day: dt.date) -> Day:
    rules = book.offices[office]
    first, last = rules.closed.new_year.first, rules.closed.new_year.last
    in_break = (day.month, day.day) >= (first.month, first.day) or (day.month, day.day) <= (last.month, last.day)
    if in_break:
        return Day(day, False, reason_closed="new_year")
    if rules.closed.national_holidays and day in _holidays(day.year):
        return Day(day, False, reason_closed="national_holiday")
    weekday = day.weekday()
    if weekday == 6:
        return Day(day, False, reason_closed="sunday")
    hours = rules.hours.weekdays
    if weekday == 5:
        saturdays = rules.hours.saturdays
        if saturdays is None or week_of_month(day) not in saturdays.open_weeks:
            return Day(day, False, reason_closed="saturday")
        hours = saturdays
    return Day(day, True, hours.opens, hours.closes, hours.last_entry)


def opening_days(book: Guidebook, office: str, start: dt.date, end: dt.date) -> list[Day]:
    if office not in book.offices:
        raise ValueError(f"no office {office!r}; expected one of: {', '.join(book.offices)}")
    if end < start:
        raise ValueError(f"--to ({end}) is before --from ({start})")
    return [opening_day(book, office, start + dt.timedelta(days=n)) for n in range((end - start).days + 1)]


def build_date() -> dt.date:
    """The day the site is built: SOURCE_DATE_EPOCH when set, so that two builds of the same
    sources give the same calendar."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def calendar_window(book: Guidebook, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of the months the web calendar shows, from the month of ``today``."""
    return months_from(today or build_date(), book.publication.calendar_months)


def print_calendar_window(book: Guidebook) -> tuple[dt.date, dt.date]:
    """First and last day of the months the printed calendar shows: the year the print edition
    is used for, from the month of its issue."""
    return months_from(book.publication.issued, book.publication.print_calendar_months)


def months_from(day: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """First day of ``day``'s month and last day of the ``months``-th month from it."""
    start = day.replace(day=1)
    end_index = start.year * 12 + start.month - 1 + months
    year, month = divmod(end_index, 12)
    return start, dt.date(year, month + 1, 1) - dt.timedelta(days=1)
