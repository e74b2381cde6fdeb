"""Where the guidebook may send a reader: an https address on a host listed in data/hosts.yml,
or a page of the site. One rule for links in pages (Markdown, raw HTML, references,
autolinks), addresses in data and addresses in translations."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# An address written anywhere in text: scheme://…, or a scheme that runs or embeds something.
ADDRESS = re.compile(r"(?<![\w.+-])(?:[a-z][a-z0-9+.-]*://|(?:javascript|vbscript|data|file):)[^\s<>\"'`)\]]*", re.I)
HOST = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"


def problem(address: str, hosts) -> str | None:
    """What is wrong with an absolute address, or None when a reader may be sent there (any
    https host when ``hosts`` is None: data/ could not be read)."""
    parts = urlsplit(address)
    if parts.scheme.lower() != "https":
        return f"{address[:80]}: links must use https"
    if parts.username or parts.password or parts.port:
        return f"{address[:80]}: no user, password or port in an address"
    if hosts is not None and (parts.hostname or "") not in hosts:
        return f"{address[:80]}: {parts.hostname} is not a site of data/hosts.yml (add it there, with whose site it is)"
    return None


def problems_in(text: str, hosts) -> list[str]:
    """One problem per address in a text that does not pass ``problem``."""
    return [p for p in (problem(m.group(0), hosts) for m in ADDRESS.finditer(text)) if p]
