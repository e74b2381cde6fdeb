"""The guidebook's languages, each named in its own language (the language switcher and the
foreign-language hotline use these names), in the order of the switcher. The hotline's ten
languages are the guidebook's translations.

Also the one place that knows the site's layout: the source language at the root, every other
language in a folder named by its code (as mkdocs-static-i18n builds it)."""

from pathlib import Path

LANGUAGES = {
    "ja": "日本語",
    "easy": "やさしい にほんご",
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

# Babel's name for each: how its dates, numbers and lists are formatted (guidebook/formatting.py).
BABEL_LOCALES = {
    "ja": "ja", "easy": "ja", "en": "en", "zh": "zh_Hans", "ko": "ko", "es": "es", "pt": "pt_BR",
    "th": "th", "ne": "ne", "id": "id", "vi": "vi", "tl": "fil",
}

SOURCE = "ja"
# The Easy Japanese edition (やさしい日本語): written from the Japanese pages for readers who know
# some Japanese, with readings over the kanji. It is Japanese: lang="ja", Babel's ja, the
# Japanese glossary; its folder is /easy/.
EASY = "easy"
# The translations: the ten languages of the foreign-language hotline.
TRANSLATIONS = tuple(code for code in LANGUAGES if code not in (SOURCE, EASY))


def html_lang(code: str) -> str:
    """The language tag of a language's pages (lang="…", hreflang): Easy Japanese is Japanese."""
    return SOURCE if code == EASY else code


def hreflang(code: str) -> str:
    """The tag that tells search engines which edition a page is (sitemap.xml, the language
    menu): Easy Japanese is a Japanese edition of its own, "ja-x-easy" (a private-use tag)."""
    return "ja-x-easy" if code == EASY else code


def is_japanese(code: str) -> bool:
    """Pages in Japanese, that need no Japanese beside their terms: the source and Easy Japanese."""
    return html_lang(code) == SOURCE


def folder(lang: str) -> str:
    """The language's folder as a relative address: "" for the source language, "en/" for English."""
    return "" if lang == SOURCE else f"{lang}/"


def root(site: Path, lang: str) -> Path:
    """The language's folder in a built site."""
    return site / folder(lang)
