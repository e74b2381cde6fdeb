"""Links to official sites named in data/links.yml."""

from ..context import Context
from ..errors import MacroError


def link(ctx: Context, site: str, find: str | None = None) -> str:
    """A link to an official site, named in the page's language; ``find``: what to search for
    on it (data/links.yml look_for), in Japanese, as the site is."""
    if site not in ctx.book.links:
        raise MacroError(f"no link {site!r}; expected one of: {', '.join(ctx.book.links)}")
    known = ctx.book.links[site].look_for
    if find is not None and find not in known:
        raise MacroError(f"nothing {find!r} to look for on {site}; expected one of: {', '.join(known) or 'none'}")
    return ctx.render("link.html", id=site, url=str(ctx.book.links[site].url), find=find)
