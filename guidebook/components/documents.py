"""Documents to bring when giving one's My Number: A (the number), B (identity), examples."""

from ..context import Context
from ..errors import MacroError

PARTS = ("number", "identity", "examples")


def documents(ctx: Context, part: str) -> str:
    """One part of the list: ``number`` (A, with the count), ``identity`` (B), or ``examples`` (a table)."""
    if part not in PARTS:
        raise MacroError(f"documents(): part must be one of {', '.join(PARTS)}, found {part!r}")
    return ctx.render("documents.html", part=part, docs=ctx.book.documents)
