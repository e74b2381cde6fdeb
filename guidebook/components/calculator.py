"""A form that answers "when does my card expire, and from when can I renew it?" in the
browser, with the rules of guidebook/rules.py (their numbers passed as data)."""

from __future__ import annotations

import datetime as dt
import json

from markupsafe import Markup

from ..context import Context
from ..formatting import Formatter
from ..rules import parameters

# A date whose day, month and year are told apart in any formatted date: the day and year occur
# once, the month (November) is a name or "11".
_SAMPLE = dt.date(2345, 11, 28)

# The example under each date, GOV.UK's "For example, 27 3 2007": a day above 12, so that day
# and month cannot be taken for each other, and a month of one digit, so that nobody thinks a
# leading zero is needed. Shown through the formatter, marked as a date of the calendar.
EXAMPLES = {"birth": dt.date(1990, 3, 27), "issued": dt.date(2024, 8, 17), "stay": dt.date(2029, 5, 31)}


def date_order(fmt: Formatter) -> tuple[str, ...]:
    """"day", "month" and "year" in the order the page's language writes a date, read from the
    Formatter's own date, the one the answers are shown in: a reader types a date in the order
    they read it back. CLDR's (Babel's) order: year first in ja, zh, ko and ne ("2345年11月28日",
    "2345 नोभेम्बर 28"); month first in en and tl ("November 28, 2345": CLDR's English is
    American, and Filipino writes dates so); day first in es, pt, th, id and vi. Not the browser's
    order: a date field follows the machine's settings, not the page's language."""
    text = fmt.date(_SAMPLE)
    found = {"day": text.find(fmt.number(_SAMPLE.day)), "year": text.find(fmt.year(_SAMPLE.year))}
    rest = text.replace(fmt.year(_SAMPLE.year), " " * len(fmt.year(_SAMPLE.year)))
    months = [fmt.locale.months[context][width][_SAMPLE.month]
              for context in ("format", "stand-alone") for width in ("wide", "abbreviated")]
    found["month"] = next((rest.find(name) for name in [*months, fmt.number(_SAMPLE.month)] if name in rest), -1)
    if -1 in found.values() or len(set(found.values())) != 3:
        raise ValueError(f"{fmt.lang}: cannot find the day, month and year in the date {text!r}")
    return tuple(sorted(found, key=found.get))


def example(ctx: Context, day: dt.date) -> Markup:
    """A date as a reader types it into the fields: their numbers, in their order ("3 27 1990")."""
    numbers = {"day": ctx.fmt.number(day.day), "month": ctx.fmt.number(day.month), "year": ctx.fmt.year(day.year)}
    return ctx.date_mark(day, " ".join(numbers[part] for part in date_order(ctx.fmt)))


def validity_calculator(ctx: Context) -> str:
    """Three dates, each a group of day, month and year fields in the language's order with a
    hint; a button; an error summary; results announced to screen readers (aria-live)."""
    # Dates are shown in the Formatter's words: the browser fills in day and year, nothing more.
    return ctx.render("validity_calculator.html", rules=json.dumps(parameters(ctx.book), sort_keys=True),
                      dates=json.dumps(ctx.fmt.date_templates(), ensure_ascii=False),
                      order=date_order(ctx.fmt), examples={name: example(ctx, day) for name, day in EXAMPLES.items()})
