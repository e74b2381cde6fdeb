"""How plain the Easy Japanese edition reads (guidebook/readability.py), page by page: the limits
below come from the national guidelines for Easy Japanese (short sentences, no honorific or
humble forms, no double negatives, active verbs), with the measures of the Japanese pages
beside them to show the difference."""

import pytest

from guidebook import readability
from guidebook.languages import EASY

# Per page of the Easy Japanese edition.
LIMITS = {
    "mean_length": 30,       # characters per sentence, on average (the Japanese pages: 14 to 32)
    "long_share": 0.20,      # sentences over 40 characters (the Japanese pages: up to 28 %)
    "honorifics": 0,         # ご〜ください, いただく, おります, 〜られた方 …
    "double_negatives": 0,   # 〜なければなりません …
    "passives": 2,           # れる / られる (the Japanese card page: 16)
    "kango_share": 0.50,     # Sino-Japanese words among the content words (the Japanese pages: up to 55 %)
}


@pytest.fixture(scope="module")
def measured(site):
    return {lang: {m.page: m for m in readability.report(site, lang)} for lang in ("ja", EASY)}


def test_every_page_of_the_easy_japanese_edition_is_within_the_limits(measured):
    problems = []
    for page, m in measured[EASY].items():
        shown = {"mean_length": m.mean_length, "long_share": m.long_sentences / max(m.sentences, 1),
                 "honorifics": m.honorifics, "double_negatives": m.double_negatives, "passives": m.passives,
                 "kango_share": m.kango_share}
        problems += [f"easy/{page}: {name} is {value:.2f}, more than {LIMITS[name]}" for name, value in shown.items()
                     if value > LIMITS[name]]
    assert len(measured[EASY]) == len(measured["ja"]) >= 10
    assert not problems, "\n".join(problems)


def test_each_easy_page_is_plainer_than_its_japanese_page(measured):
    problems = []
    for page, easy in measured[EASY].items():
        ja = measured["ja"][page]
        if easy.kango_share >= ja.kango_share:
            problems.append(f"{page}: {easy.kango_share:.1%} kango, the Japanese page {ja.kango_share:.1%}")
        if easy.honorifics + easy.passives > ja.honorifics + ja.passives:
            problems.append(f"{page}: more honorific and passive forms than the Japanese page")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("sentence,measure", [
    ("窓口をご利用ください。", "honorifics"),
    ("書類を確認させていただきます。", "honorifics"),
    ("亡くなられた方の証明書です。", "honorifics"),
    ("届出を出さなければなりません。", "double_negatives"),
    ("カードは区から交付されます。", "passives"),
])
def test_each_measure_counts_what_the_guidelines_say_to_avoid(sentence, measure):
    plain = readability.measure("example", "<article><p>カードを受け取ってください。</p></article>")
    found = readability.measure("example", f"<article><p>{sentence}</p></article>")
    assert getattr(plain, measure) == 0 and getattr(found, measure) == 1, (sentence, found)


def test_sentence_length_counts_what_a_reader_sees_without_the_readings():
    html = "<article><p><ruby>港区<rt>みなとく</rt></ruby>に<ruby>住<rt>す</rt></ruby>んでいます。はい。</p></article>"
    assert readability.sentences_of(html) == ["港区に住んでいます。", "はい。"]
