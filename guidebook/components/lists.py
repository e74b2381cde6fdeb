"""Numbered steps and lists of cases whose sentences live in data/."""

from ..context import Context
from ..errors import MacroError

# Lists of sentences in data/ that content may show, and whether their order matters.
SENTENCE_LISTS = {
    "konbini.steps": True,
    "konbini.exclusions": True,
    "fees.free_reissue_cases": True,
    "procedures.lost_card_steps": True,
}


def sentences(ctx: Context, path: str) -> str:
    """A list of data sentences (``konbini.steps``, ...) as an ordered list."""
    if path not in SENTENCE_LISTS:
        raise MacroError(f"no list of sentences {path!r}; expected one of: {', '.join(SENTENCE_LISTS)}")
    return ctx.render("sentences.html", path=path, items=ctx.value(path))
