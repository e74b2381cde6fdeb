"""Links to the print edition: the PDFs of the page's language, standard and large print."""

from ..context import Context
from ..print_files import EDITIONS, PDF_FOLDER, pdf_name, site_path


def print_editions(ctx: Context) -> str:
    """One link per edition to ``pdf/guidebook-<lang>-<edition>.pdf`` at the site's root
    (``make site`` and ``guidebook pdf`` write them there)."""
    items = [(f"{site_path(ctx.book)}{PDF_FOLDER}/{pdf_name(ctx.lang, edition)}", ctx._(name)) for edition, name in EDITIONS.items()]
    return ctx.render("print_editions.html", items=items)
