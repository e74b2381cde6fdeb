"""Opening hours and closed days of an office."""

from ..context import Context
from ..errors import MacroError


def _office(ctx: Context, office: str):
    if office not in ctx.book.offices:
        raise MacroError(f"no office {office!r}; expected one of: {', '.join(ctx.book.offices)}")
    return ctx.book.offices[office]


def hours_table(ctx: Context, office: str) -> str:
    """Opening hours by kind of day, with last entry, and the closed days, of one office."""
    return ctx.render("hours_table.html", id=office, office=_office(ctx, office))


def closed_days(ctx: Context, office: str) -> str:
    """The closed days of one office as a phrase (3rd and 5th Saturdays, Sundays, ...)."""
    return ctx.render("closed_days.html", id=office, office=_office(ctx, office))
