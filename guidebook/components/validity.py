"""The renewal window, shown by the printed edition's examples."""

from ..context import Context


def renewal_examples(ctx: Context) -> str:
    """Each example as "valid until -> renewable from", days of the year only."""
    return ctx.render("renewal_examples.html", examples=ctx.book.card.validity.renewal_examples)
