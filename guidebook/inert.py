"""Text from translators and data editors, made inert: it is inserted into Markdown pages (the
macros' output), so it is escaped for HTML and its Markdown punctuation is written as character
references, which Markdown leaves alone and the browser shows as the characters. A translation
"[x](javascript:…)" or "**x**" is shown as written, never made a link or emphasis."""

from __future__ import annotations

from markupsafe import Markup, escape

# What Python-Markdown's inline patterns and attr_list act on.
_MARKDOWN = str.maketrans({ch: f"&#{ord(ch)};" for ch in "\\`*_[]!{}~^"})


def inert(text) -> Markup:
    """``text`` escaped for HTML and Markdown; Markup (the macros' own HTML) is kept as it is."""
    if isinstance(text, Markup):
        return text
    return Markup(str(escape(text)).translate(_MARKDOWN))
