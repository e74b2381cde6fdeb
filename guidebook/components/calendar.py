"""The opening calendar of an office, made at build time from the rules module so that it
works without JavaScript: on the web the months around the build, in print the year the
printed copy is used for."""

from ..catalog import N_
from ..context import Context
from ..rules import Day, calendar_window, opening_days, print_calendar_window
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
    first_weekday = ctx.fmt.locale.first_week_day  # 0 = Monday
    tables = []
    start, last_day = calendar_window(ctx.book)
    for month in _months(ctx, office, start, last_day):
        lead = (month[0].date.weekday() - first_weekday) % 7
        cells = [None] * lead + month
        cells += [None] * (-len(cells) % 7)
        tables.append({"first": month[0].date, "weeks": [cells[i:i + 7] for i in range(0, len(cells), 7)]})
    wide, short = _weekday_names(ctx), _short_weekday_names(ctx)
    headers = [(wide[d], short[d]) for d in ((first_weekday + i) % 7 for i in range(7))]
    return ctx.render("opening_calendar.html", id=office, tables=tables, reasons=REASONS, weekdays=headers,
                      weekday_names=wide, last_day=last_day, **_hours_paths(office))


def print_calendar(ctx: Context, office: str = "center") -> str:
    """The print edition's calendar: a month to a printed page, each day a line with its weekday
    and its hours or why it is closed, the last entry once per month. (Seven columns of words do
    not fit large print: "Cerrado" alone is 24 mm at 18 pt, a column 25 mm.)"""
    office_data = _office(ctx, office)
    last_day_of_week = (ctx.fmt.locale.first_week_day - 1) % 7
    return ctx.render("print_calendar.html", id=office, office=office_data,
                      months=_months(ctx, office, *print_calendar_window(ctx.book)), reasons=REASONS,
                      weekday_names=_short_weekday_names(ctx), last_day_of_week=last_day_of_week,
                      **_hours_paths(office))


def _months(ctx: Context, office: str, start, end) -> list[list[Day]]:
    months = []
    for day in opening_days(ctx.book, office, start, end):
        if day.date.day == 1 or not months:
            months.append([])
        months[-1].append(day)
    return months


def _weekday_names(ctx: Context) -> list[str]:
    """Each weekday's full name, Monday first."""
    return [ctx.fmt.locale.days["format"]["wide"][d] for d in range(7)]


def _short_weekday_names(ctx: Context) -> list[str]:
    """Each weekday's short name, Monday first. Vietnamese abbreviates weekdays with numbers
    ("Th 2" for Monday): a number a reader could take for a date; the full name ("Thứ Hai") has none."""
    names = ctx.fmt.locale.days["format"]
    return [names["abbreviated"][d] if not any(ch.isdigit() for ch in names["abbreviated"][d]) else names["wide"][d]
            for d in range(7)]


def _hours_paths(office: str) -> dict:
    return {"saturday_path": f"offices.{office}.hours.saturdays", "weekday_path": f"offices.{office}.hours.weekdays"}
