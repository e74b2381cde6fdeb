"""The text of a page's HTML, rewritten run by run outside the elements a pass leaves alone: the
build's passes over a page's content (the Japanese of glossary terms, the language of parts)
share this walk, which knows only tags and text: the content is the Markdown's own output."""

from __future__ import annotations

import re
from typing import Callable

_TOKEN = re.compile(r"(<[^>]*>)|([^<]+)")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose content is not markup (HTML's raw text and escapable raw text elements): every
# pass leaves them as they are.
_RAW_TEXT = {"script", "style", "textarea", "title"}


def rewrite_text(html: str, left_alone: Callable[[str, str], bool], rewrite: Callable[[str], str]) -> str:
    """``html`` with each run of text passed through ``rewrite``, except inside an element for
    which ``left_alone(name, attributes)`` is true or whose content is not markup (script,
    style, textarea, title), and inside its descendants."""
    out, open_elements = [], []  # (name, whether its text is left alone)
    for tag, text in _TOKEN.findall(html):
        if tag:
            out.append(tag)
            found = _TAG.match(tag)
            if not found or found.group(2).lower() in _VOID or tag.endswith("/>"):
                continue
            name = found.group(2).lower()
            if found.group(1):  # a closing tag: close up to its element
                while open_elements and open_elements.pop()[0] != name:
                    pass
            else:
                open_elements.append((name, name in _RAW_TEXT or left_alone(name, found.group(3))))
        elif any(kept for _, kept in open_elements):
            out.append(text)
        else:
            out.append(rewrite(text))
    return "".join(out)
