"""A form that answers "when does my card expire, and from when can I renew it?" in the
browser, with the rules of macros/rules.py (their numbers passed as data)."""

import json

from ..context import Context
from ..rules import parameters


def validity_calculator(ctx: Context) -> str:
    """Labelled date fields, a button, and results announced to screen readers (aria-live)."""
    # Dates are shown in the Formatter's words: the browser fills in day and year, nothing more.
    return ctx.render("validity_calculator.html", rules=json.dumps(parameters(ctx.book), sort_keys=True),
                      dates=json.dumps(ctx.fmt.date_templates(), ensure_ascii=False))
