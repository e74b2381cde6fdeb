"""The language alternates of every page live in sitemap.xml (static-i18n writes them there;
pages carry none, see plugin._without_alternates). This adds x-default, the Japanese page, the
edition for a reader whose language the guidebook does not have, and gives Easy Japanese a
valid language tag."""

from __future__ import annotations

import re
from pathlib import Path

from .languages import EASY, SOURCE, hreflang

_SOURCE_LINK = re.compile(rf'(\s*)<xhtml:link rel="alternate" hreflang="{SOURCE}" href="([^"]*)"/>')


def add_x_default(site: Path) -> None:
    path = site / "sitemap.xml"
    text = path.read_text(encoding="utf-8")
    text = _SOURCE_LINK.sub(lambda m: f'{m.group(0)}{m.group(1)}<xhtml:link rel="alternate" hreflang="x-default" '
                                      f'href="{m.group(2)}"/>', text)
    text = text.replace(f'hreflang="{EASY}"', f'hreflang="{hreflang(EASY)}"')  # static-i18n writes the folder's name
    path.write_text(text, encoding="utf-8")
