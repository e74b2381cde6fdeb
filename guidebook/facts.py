"""Turn a fact into the text a reader sees, and mark it so tests can trace it to data/.

Every rendered fact is wrapped in an element with ``data-fact="<path>"`` and
``data-form="<form>"``: the path of the value in data/ and the form it was rendered in (a
method of the Formatter, ``phone``, ``text``, ``words`` or a duration). The consistency
tests read these marks back from the built pages and render the fact again to compare.
An attribute that carries a fact names it too: ``data-fact-value="<path>"`` beside ``value``."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from .formatting import Formatter
from .inert import inert
from .models import TimeRange
from .values import MonthDay, PhoneNumber, WeeksOfMonth, Year, YearMonth, Yen

# The form a value's type implies, most specific type first.
_FORMS = (
    (PhoneNumber, "phone"), (Yen, "money"), (Year, "year"), (int, "number"), (dt.date, "date"),
    (dt.time, "time"), (YearMonth, "year_month"), (MonthDay, "month_day"), (TimeRange, "time_range"),
    (WeeksOfMonth, "weeks_of_month"), (str, "text"),
)


def form_of(value) -> str:
    """The name of the form a fact's type implies."""
    if isinstance(value, bool):
        raise TypeError("a yes/no fact has no text; use it in a condition")
    for kind, form in _FORMS:
        if isinstance(value, kind):
            return form
    raise TypeError(f"a {type(value).__name__} cannot be shown as one value; use a component macro")


def text_of(value, fmt: Formatter, form: str | None = None) -> str:
    """The formatted text of a fact value in ``form`` (by default the one its type implies)."""
    form = form or form_of(value)
    if form in ("phone", "text"):
        return str(value)
    if form == "time_range":
        return fmt.time_range(value.opens, value.closes)
    if form == "weeks_of_month":
        return fmt.weeks(list(value))
    return getattr(fmt, form)(value)


def mark(path: str, text: str, form: str, tag: str = "span", **attrs) -> Markup:
    """``<span class="fact" data-fact="path" data-form="form">text</span>``, text inert (HTML
    and Markdown escaped)."""
    extra = "".join(f' {name.rstrip("_")}="{escape(v)}"' for name, v in attrs.items())
    return Markup(f'<{tag} class="fact" data-fact="{escape(path)}" data-form="{escape(form)}"{extra}>'
                  f'{inert(text)}</{tag}>')


def tel_href(number: PhoneNumber) -> str:
    """A phone number as dialled in Japan, in the international form of a ``tel:`` link."""
    return f"tel:+81{number.replace('-', '')[1:]}"


def render(path: str, value, fmt: Formatter, form: str | None = None) -> Markup:
    form = form or form_of(value)
    if form == "phone":
        return mark(path, value, form, tag="a", href=tel_href(value))
    return mark(path, text_of(value, fmt, form), form)
