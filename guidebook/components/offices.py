"""Offices: addresses, how to get there, and the list of branch offices."""

from urllib.parse import urlencode

from markupsafe import Markup

from ..context import Context
from ..languages import SOURCE, is_japanese
from .hours import _office


def address(ctx: Context, office: str, in_japanese: bool = True) -> str:
    """Postal address of an office (ward, town, block numbers; building and floor if any), a
    link to find it on a map and, on a page of another language, the office's name and address
    in Japanese; neither where ``in_japanese`` is false (where space is short: the printed cover)."""
    shown = ctx.render("address.html", id=office, office=_office(ctx, office))
    return shown + map_search(ctx, office) + _in_japanese(ctx, office) if in_japanese else shown


def map_search(ctx: Context, office: str) -> Markup:
    """A link that searches a map for the office by its Japanese name and address, as a
    taxi driver or a map app in Japan would find it (data/links.yml map_search)."""
    found = _office(ctx, office)
    where = found.address
    publication = ctx.book.publication
    query = f"{found.name_ja} {publication.prefecture_name}{publication.municipality_name}{where.town_ja}{where.block}"
    url = f"{ctx.book.links['map_search'].url}&{urlencode({'query': query})}"
    return ctx.render("map_search.html", url=url)


def _in_japanese(ctx: Context, office: str) -> Markup:
    """The office's name and address as the Japanese pages write them (a reader shows them at a
    counter or to a taxi driver), marked lang="ja"; nothing on a Japanese page."""
    if is_japanese(ctx.lang):
        return Markup()
    japanese = Context(lang=SOURCE, book=ctx.book, locales_dir=ctx.locales_dir)
    name = japanese.words(f"offices.{office}.name_ja")
    where = japanese.render("address.html", id=office, office=_office(ctx, office))
    return ctx.render("in_japanese.html", name=name, address=where)


def access_list(ctx: Context, office: str = "center") -> str:
    """How to reach an office on foot from stations and stops, as a list."""
    return ctx.render("access_list.html", id=office, office=_office(ctx, office))


def office_list(ctx: Context, kind: str = "branch") -> str:
    """A table of the offices of one kind: name and section, address, hours."""
    ids = [key for key, office in ctx.book.offices.items() if office.kind == kind]
    return ctx.render("office_list.html", ids=ids, offices=ctx.book.offices,
                      maps={key: map_search(ctx, key) for key in ids},
                      in_japanese={key: _in_japanese(ctx, key) for key in ids})


def publisher(ctx: Context) -> str:
    """The office that publishes the guidebook: name, section, address and phone."""
    office = ctx.book.publication.publisher
    return ctx.render("publisher.html", id=office, office=_office(ctx, office))
