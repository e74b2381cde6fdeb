"""Telephone hotlines: the voice menu, the hours, the languages of the foreign-language line."""

from markupsafe import Markup

from ..context import Context
from ..errors import MacroError
from ..languages import LANGUAGES


def _line(ctx: Context, hotline: str):
    if hotline not in ctx.book.hotlines:
        raise MacroError(f"no hotline {hotline!r}; expected one of: {', '.join(ctx.book.hotlines)}")
    return ctx.book.hotlines[hotline]


def hotline_menu(ctx: Context, hotline: str = "jlis") -> str:
    """The voice-menu options as an ordered list whose numbers are the keys to press."""
    return ctx.render("hotline_menu.html", id=hotline, line=_line(ctx, hotline))


def hotline_hours(ctx: Context, hotline: str = "jlis") -> str:
    """Hours of a line by kind of day; a line may borrow another's hours (``hours_as``)."""
    line = _line(ctx, hotline)
    source = line.hours_as or hotline
    return ctx.render("hotline_hours.html", id=source, line=_line(ctx, source))


def hotline_languages(ctx: Context, hotline: str = "foreign") -> str:
    """The languages of a line, each named in its own language and marked with ``lang``."""
    names = []
    for code in _line(ctx, hotline).languages:
        names.append(Markup('<span lang="{}">{}</span>').format(code, LANGUAGES[code]))
    return ctx.join(names)
