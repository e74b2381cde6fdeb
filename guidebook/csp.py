"""The Content-Security-Policy of each page, from the source: only the inline scripts that the
theme and overrides/ ship may run. Their text is read from the template files; a Jinja
expression in one (the site's base address) may stand only for a path. Any other inline script
in a built page (written into a page, a translation or data) stops the build."""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from .errors import MacroError

# Only the site's own origin: no fonts, CDNs or analytics from elsewhere.
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")

_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# What a {{ … }} of a shipped script may become: a path, which cannot end a JavaScript string.
_PATH = r"[A-Za-z0-9._/~-]*"
# Every script element of a built page. JSON data blocks do not run (open_data.script escapes
# their < and >); the theme's own external scripts come from the site ('self').
_PAGE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_DATA_BLOCK = re.compile(r'^(?:\s*id="[\w-]+")?\s*type="application/(?:ld\+)?json"\s*$')
_EXTERNAL = re.compile(r'^\s*src="[^"]*"\s*$')


@lru_cache(maxsize=None)
def shipped_scripts(template_dirs: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    """One pattern per inline script in the theme's template files (overrides/ included)."""
    patterns = []
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            for body in _TEMPLATE_SCRIPT.findall(path.read_text(encoding="utf-8")):
                if "{%" in body:  # logic inside a script: never shipped by this project
                    continue
                parts = _JINJA.split(body)
                patterns.append(re.compile(_PATH.join(re.escape(part) for part in parts), re.S))
    return tuple(patterns)


def with_policy(html: str, where: str, template_dirs: tuple[str, ...]) -> str:
    """The page with a CSP meta element first in its head, allowing by hash exactly the inline
    scripts that match a shipped one; any other inline script raises MacroError."""
    allowed = shipped_scripts(template_dirs)
    hashes = []
    for attributes, code in _PAGE_SCRIPT.findall(html):
        if _DATA_BLOCK.match(attributes) or (_EXTERNAL.match(attributes) and not code.strip()):
            continue
        if attributes.strip() or not any(p.fullmatch(code) for p in allowed):
            raise MacroError(f"{where}: an inline script that the theme does not ship: "
                             f"<script{attributes}>{code[:60]}…: pages, data and translations cannot add scripts")
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY.format(hashes=" ".join(hashes))}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n    {meta}', 1)
