"""Offices: addresses, how to get there, and the list of branch offices."""

from ..context import Context
from .hours import _office


def address(ctx: Context, office: str) -> str:
    """Postal address of an office (ward, town, block numbers; building and floor if any)."""
    return ctx.render("address.html", id=office, office=_office(ctx, office))


def access_list(ctx: Context, office: str = "center") -> str:
    """How to reach an office on foot from stations and stops, as a list."""
    return ctx.render("access_list.html", id=office, office=_office(ctx, office))


def office_list(ctx: Context, kind: str = "branch") -> str:
    """A table of the offices of one kind: name and section, address, hours."""
    ids = [key for key, office in ctx.book.offices.items() if office.kind == kind]
    return ctx.render("office_list.html", ids=ids, offices=ctx.book.offices)


def publisher(ctx: Context) -> str:
    """The office that publishes the guidebook: name, section, address and phone."""
    office = ctx.book.publication.publisher
    return ctx.render("publisher.html", id=office, office=_office(ctx, office))
