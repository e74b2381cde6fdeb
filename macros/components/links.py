"""Links to official sites named in data/links.yml."""

from ..context import Context
from ..errors import MacroError


def link(ctx: Context, site: str) -> str:
    """A link to an official site, named in the page's language."""
    if site not in ctx.book.links:
        raise MacroError(f"no link {site!r}; expected one of: {', '.join(ctx.book.links)}")
    return ctx.render("link.html", id=site, url=str(ctx.book.links[site].url))
