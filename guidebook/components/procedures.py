"""Where a procedure can be done: the counter marks of the printed edition, in words."""

from ..catalog import N_
from ..context import Context
from ..errors import MacroError

# The printed edition showed these as pictograms; here each is a label.
CHANNEL_LABELS = {
    "smartphone": N_("スマホ"),
    "center": N_("マイナンバーカードセンター"),
    "branch": N_("各総合支所区民課の窓口"),
    "konbini": N_("コンビニのマルチコピー機"),
    "phone": N_("電話"),
}


def where(ctx: Context, procedure: str) -> str:
    """A line naming every place where ``procedure`` can be done, and one naming what to bring
    to the counter where the guidebook says it."""
    channels = ctx.book.procedures.procedures.get(procedure)
    if channels is None:
        raise MacroError(f"no procedure {procedure!r}; expected one of: {', '.join(ctx.book.procedures.procedures)}")
    # Any one of the places will do: "A, B, or C"; every document to bring: "A and B".
    bring = [ctx.words(f"documents.documents.{doc}.name_ja") for doc in ctx.book.procedures.bring.get(procedure, [])]
    return ctx.render("where.html", procedure=procedure, places=ctx.join([ctx._(CHANNEL_LABELS[c]) for c in channels], style="or"),
                      bring=ctx.join(bring, style="standard") if bring else None)
