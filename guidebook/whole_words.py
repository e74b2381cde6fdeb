"""Words a browser breaks inside because its dictionary does not know them: the guidebook's Thai
transliterations. Chromium cuts Thai with ICU's dictionary, which has no มินาโตะ (Minato) and
breaks it as มินา|โตะ, in headings, the navigation and the text alike. Each of them is kept
whole, wherever a page shows it (article, navigation, contents, header), in a no-wrap span
(overrides/assets/guidebook.css). The search index is made from the article before this pass,
and a span changes no text: searching and copying are as before. The print edition gives the
same words to its Thai segmenter (print_phrases)."""

from __future__ import annotations

import re
from functools import cache

from .html_text import rewrite_text

TRANSLITERATIONS = {"th": ("มายนัมเบอร์", "มายนาพอร์ทัล", "มินาโตะ")}
WHOLE = "whole-word"
_LEFT_ALONE = {"head", "svg"}


@cache
def _pattern(lang: str) -> re.Pattern | None:
    words = TRANSLITERATIONS.get(lang)
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None


def keep_whole(html: str, lang: str) -> str:
    """The page ``html`` with each of its language's transliterations in a no-wrap span."""
    pattern = _pattern(lang)
    if pattern is None:
        return html
    return rewrite_text(html, lambda name, attributes: name in _LEFT_ALONE,
                        lambda text: pattern.sub(lambda found: f'<span class="{WHOLE}">{found.group(0)}</span>', text))
