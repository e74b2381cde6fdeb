"""The print edition's files: its editions, the site's folder of PDFs and each PDF's name, and
the site's path on its server (the web edition links to the PDFs, the PDFs to the web edition)."""

from __future__ import annotations

from urllib.parse import urlsplit

from .catalog import N_
from .data import Guidebook, site_url

PDF_FOLDER = "pdf"
EDITIONS = {"standard": N_("標準版"), "large": N_("大活字版")}


def pdf_name(lang: str, edition: str, press: bool = False) -> str:
    """``guidebook-<lang>-<edition>.pdf``; the press variant (3 mm bleed, crop marks) ends in ``-press``."""
    return f"guidebook-{lang}-{edition}{'-press' if press else ''}.pdf"


def site_path(book: Guidebook) -> str:
    """The path of the site's root on its server (``/mynumber-guidebook/``): of the address
    the guidebook plugin gives MkDocs (GUIDEBOOK_SITE_URL, else data/publication.yml)."""
    return urlsplit(site_url(book)).path or "/"
