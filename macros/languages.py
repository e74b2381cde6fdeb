"""The guidebook's languages, each named in its own language (the language switcher and the
foreign-language hotline use these names), in the order of the switcher. The hotline's ten
languages are the guidebook's translations."""

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
