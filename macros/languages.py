"""The guidebook's languages, each named in its own language (the language switcher and the
foreign-language hotline use these names), in the order of the switcher."""

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

# Names of every language the guidebook or its hotlines speak, in that language.
AUTONYMS = {
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
