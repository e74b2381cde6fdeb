"""The opening calendar of an office for the months around the build, made at build time
from the rules module so that it works without JavaScript."""

from ..catalog import N_
from ..context import Context
from ..rules import calendar_window, opening_days
from .hours import _office

# Why a day is closed, as the calendar says it (rules.CLOSED_REASONS): each says "closed".
REASONS = {
    "new_year": N_("年末年始のため休館"),
    "national_holiday": N_("祝日のため休館"),
    "sunday": N_("休館日"),
    "saturday": N_("休館日"),
}


def opening_calendar(ctx: Context, office: str = "center") -> str:
    """One table per month: each day open with its hours, or closed with the reason."""
    _office(ctx, office)
    start, end = calendar_window(ctx.book)
    days = opening_days(ctx.book, office, start, end)
    first_weekday = ctx.fmt.locale.first_week_day  # 0 = Monday
    months = []
    for day in days:
        if day.date.day == 1:
            months.append([])
        months[-1].append(day)
    tables = []
    for month in months:
        lead = (month[0].date.weekday() - first_weekday) % 7
        cells = [None] * lead + month
        cells += [None] * (-len(cells) % 7)
        tables.append({"first": month[0].date, "weeks": [cells[i:i + 7] for i in range(0, len(cells), 7)]})
    weekdays = [(first_weekday + i) % 7 for i in range(7)]
    names = ctx.fmt.locale.days["format"]
    # Vietnamese abbreviates weekdays with numbers ("Th 2" for Monday): a number a reader could
    # take for a date; the full name ("Thứ Hai") has none.
    headers = [(names["wide"][d], names["abbreviated"][d] if not any(ch.isdigit() for ch in names["abbreviated"][d])
                else names["wide"][d]) for d in weekdays]
    # Each day's weekday in full, which a phone shows beside the day when the weeks become a list.
    weekday_names = [names["wide"][d] for d in range(7)]
    return ctx.render("opening_calendar.html", id=office, tables=tables, reasons=REASONS, weekdays=headers,
                      weekday_names=weekday_names,
                      saturday_path=f"offices.{office}.hours.saturdays", weekday_path=f"offices.{office}.hours.weekdays")
