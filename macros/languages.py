"""The guidebook's languages, each named in its own language (the language switcher and the
foreign-language hotline use these names), in the order of the switcher. The hotline's ten
languages are the guidebook's translations.

Also the one place that knows the site's layout: the source language at the root, every other
language in a folder named by its code (as mkdocs-static-i18n builds it)."""

from pathlib import Path

LANGUAGES = {
    "ja": "日本語",
    "en": "English",
    "zh": "简体中文",
    "ko": "한국어",
    "es": "Español",
    "pt": "Português",
    "th": "ไทย",
    "ne": "नेपाली",
    "id": "Bahasa Indonesia",
    "vi": "Tiếng Việt",
    "tl": "Tagalog",
}

SOURCE = "ja"


def folder(lang: str) -> str:
    """The language's folder as a relative address: "" for the source language, "en/" for English."""
    return "" if lang == SOURCE else f"{lang}/"


def root(site: Path, lang: str) -> Path:
    """The language's folder in a built site."""
    return site / folder(lang)
