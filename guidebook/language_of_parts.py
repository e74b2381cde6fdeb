"""Language of parts (WCAG 3.1.2): Japanese quoted on a page of another language (a kiosk
button, the name of a form) is marked ``lang="ja"``, so that a screen reader reads it with a
Japanese voice instead of spelling it out or reading it as Chinese. Text an element already
marks with a language (the hotline's language names) is left as it is."""

from __future__ import annotations

import re

from .html_text import rewrite_text
from .japanese_script import KANA, KANJI, MIDDLE_DOT
from .languages import is_japanese

_PUNCTUATION = f"\u3000-\u3004\u3006-\u303f{MIDDLE_DOT}\uff01-\uff5e"
# On a page of a language not written in Chinese characters, any run of Japanese script.
_ANY_JAPANESE = re.compile(f"[{KANA}{KANJI}{_PUNCTUATION}]*[{KANA}{KANJI}][{KANA}{KANJI}{_PUNCTUATION}]*")
# On a Chinese page, characters alone do not tell Japanese from Chinese: a run with kana in it.
_WITH_KANA = re.compile(f"[{KANJI}{MIDDLE_DOT}]*[{KANA}][{KANA}{KANJI}{MIDDLE_DOT}]*")


def mark(html: str, page_lang: str) -> str:
    """The page's HTML with each Japanese run outside a language-marked element in a span."""
    if is_japanese(page_lang):
        return html
    runs = _WITH_KANA if page_lang == "zh" else _ANY_JAPANESE
    return rewrite_text(html, lambda name, attributes: " lang=" in attributes,
                        lambda text: runs.sub(lambda m: f'<span lang="ja">{m.group(0)}</span>', text))
