"""Fee tables: certificates at the counter and at a convenience store; card reissue."""

from ..context import Context


def fee_table(ctx: Context) -> str:
    """Every certificate a convenience store issues, its counter fee beside its store fee."""
    return ctx.render("fee_table.html", certificates=ctx.book.konbini.certificates)


def reissue_fees(ctx: Context) -> str:
    """What a reissued card costs: card, certificate, total; and the express card."""
    return ctx.render("reissue_fees.html")
