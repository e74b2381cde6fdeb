"""Turn a fact into the text a reader sees, and mark it so tests can trace it to data/.

Every rendered fact is wrapped in an element with ``data-fact="<path>"``; the consistency
tests read these marks back from the built pages."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from .formatting import Formatter
from .models import TimeRange
from .values import MonthDay, PhoneNumber, WeeksOfMonth, Year, YearMonth, Yen


def text_of(value, fmt: Formatter) -> str:
    """The formatted text of a fact value, chosen by its type."""
    if isinstance(value, bool):
        raise TypeError("a yes/no fact has no text; use it in a condition")
    if isinstance(value, Yen):
        return fmt.money(value)
    if isinstance(value, Year):
        return fmt.year(value)
    if isinstance(value, int):
        return fmt.number(value)
    if isinstance(value, dt.date):
        return fmt.date(value)
    if isinstance(value, dt.time):
        return fmt.time(value)
    if isinstance(value, YearMonth):
        return fmt.year_month(value)
    if isinstance(value, MonthDay):
        return fmt.month_day(value)
    if isinstance(value, TimeRange):
        return fmt.time_range(value.opens, value.closes)
    if isinstance(value, WeeksOfMonth):
        return fmt.weeks(list(value))
    if isinstance(value, str):
        return value
    raise TypeError(f"a {type(value).__name__} cannot be shown as one value; use a component macro")


def mark(path: str, text: str, tag: str = "span", **attrs) -> Markup:
    """``<span class="fact" data-fact="path">text</span>``, text escaped."""
    extra = "".join(f' {name.rstrip("_")}="{escape(v)}"' for name, v in attrs.items())
    return Markup(f'<{tag} class="fact" data-fact="{escape(path)}"{extra}>{escape(text)}</{tag}>')


def phone_link(path: str, number: PhoneNumber) -> Markup:
    """A phone number as dialled in Japan, as a ``tel:`` link in international form."""
    digits = number.replace("-", "")
    return mark(path, number, tag="a", href=f"tel:+81{digits[1:]}")


def render(path: str, value, fmt: Formatter) -> Markup:
    if isinstance(value, PhoneNumber):
        return phone_link(path, value)
    return mark(path, text_of(value, fmt))
