"""The Easy Japanese edition's readings (guidebook/furigana.py): every kanji of its text has one,
the reviewed words are read as data/ says, and a screen reader reads each word once."""

import re

import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString

from conftest import ROOT
from contract import KANA, KANJI
from guidebook import furigana
from guidebook.data import load
from guidebook.languages import EASY, LANGUAGES
from tracing import pages


def _articles(site):
    """The raw article of each Easy Japanese page, readings included (contract.read drops them)."""
    for page, path in pages(site, EASY, LANGUAGES).items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        yield page, soup.select_one("article.md-content__inner")


def test_every_kanji_in_the_easy_japanese_text_has_a_reading(site):
    problems, readings = [], 0
    for page, article in _articles(site):
        for text in article.find_all(string=True):
            inside = {parent.name for parent in text.parents}
            if inside & {"ruby", "script", "style", "code"} or any(
                    parent.get("lang", "ja") != "ja" for parent in text.parents if parent.name):
                continue
            if KANJI.search(text):
                problems.append(f"easy/{page}: no reading over the kanji of {str(text).strip()[:40]!r}")
        for ruby in article.select("ruby"):
            readings += 1
            rt = ruby.find("rt")
            if rt is None or not KANA.match(rt.get_text()) or rt.get("aria-hidden") != "true":
                problems.append(f"easy/{page}: {ruby} has no reading in kana hidden from screen readers")
    assert readings > 1000, f"only {readings} readings in the whole edition"
    assert not problems, "\n".join(problems[:30])


def _hiragana(text):
    return "".join(chr(ord(ch) - 0x60) if "\u30a1" <= ch <= "\u30f6" else ch for ch in text)


def test_the_reviewed_words_are_read_as_data_says(site):
    """Each word of data/furigana.yml and each glossary term with kanji (their readings in
    data/readings.yml), read here with yaml: wherever the edition shows it, the readings over
    its kanji, with its kana between them, spell its reviewed reading."""
    reviewed = yaml.safe_load((ROOT / "data/furigana.yml").read_text(encoding="utf-8"))
    terms = yaml.safe_load((ROOT / "data/glossary/ja.yml").read_text(encoding="utf-8"))
    kana = yaml.safe_load((ROOT / "data/readings.yml").read_text(encoding="utf-8"))
    for concept, term in terms.items():
        if KANJI.search(term) and "・" not in kana[concept]["kana"]:
            reviewed.setdefault(term, kana[concept]["kana"])
    words = sorted(reviewed, key=len, reverse=True)
    problems, seen = [], set()
    for page, article in _articles(site):
        for block in article.find_all(["p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "caption"]):
            # The block as seen (bases) and as read (readings over kanji, the kana as written),
            # character by character, so that a word found in one is found in the other.
            seen_text, read_at = "", []
            for node in block.descendants:
                if isinstance(node, NavigableString) and not {p.name for p in node.parents} & {"rt", "rp"}:
                    ruby = node.find_parent("ruby")
                    if ruby is not None and ruby in block.descendants:
                        reading = ruby.rt.get_text() if ruby.rt else ""
                        read_at += [reading if i == 0 else "" for i in range(len(node))]
                    else:
                        read_at += [_hiragana(ch) for ch in node]
                    seen_text += str(node)
            taken = [False] * len(seen_text)
            for word in words:
                for found in re.finditer(re.escape(word), seen_text):
                    if any(taken[found.start():found.end()]):
                        continue
                    taken[found.start():found.end()] = [True] * len(word)
                    shown = "".join(read_at[found.start():found.end()])
                    seen.add(word)
                    if _hiragana(shown) != reviewed[word]:
                        problems.append(f"easy/{page}: {word} is read {shown!r}, data/ says {reviewed[word]!r}")
    assert {"港区", "芝浦港南", "麻布", "赤坂", "高輪"} <= seen, f"not found in the edition: {sorted({'港区', '芝浦港南', '麻布', '赤坂', '高輪'} - seen)}"
    assert not problems, "\n".join(sorted(set(problems))[:30])


@pytest.mark.parametrize("surface,reading,expected", [
    ("取り", "トリ", "<ruby>取<rt>と</rt></ruby>り"),
    ("住民票の写し", "じゅうみんひょうのうつし", "<ruby>住民票<rt>じゅうみんひょう</rt></ruby>の<ruby>写<rt>うつ</rt></ruby>し"),
    ("顔認証マイナンバーカード", "かおにんしょうまいなんばーかーど", "<ruby>顔認証<rt>かおにんしょう</rt></ruby>マイナンバーカード"),
    ("お住まい", "おすまい", "お<ruby>住<rt>す</rt></ruby>まい"),
])
def test_a_reading_goes_over_the_kanji_and_not_over_the_kana(surface, reading, expected):
    assert furigana.ruby(surface, reading).replace(' aria-hidden="true"', "") == expected


@pytest.mark.parametrize("text,expected", [
    ("4月1日", "<ruby>4月<rt>しがつ</rt></ruby><ruby>1日<rt>ついたち</rt></ruby>"),
    ("12月29日", "12<ruby>月<rt>がつ</rt></ruby>29<ruby>日<rt>にち</rt></ruby>"),
    ("9時", "<ruby>9時<rt>くじ</rt></ruby>"),
    ("第3土曜日", "<ruby>第<rt>だい</rt></ruby>3<ruby>土曜日<rt>どようび</rt></ruby>"),
])
def test_a_counter_is_read_with_its_number(text, expected):
    assert furigana.readings_in(text, {"土曜日": "どようび"}).replace(' aria-hidden="true"', "") == expected


def test_screen_readers_read_each_word_once(browser, base_url):
    """In Chromium's accessibility tree a word with a reading is the word alone: the reading
    is for the eye (a screen reader that read both would say 港区 and then みなとく)."""
    page = browser.new_page()
    page.goto(base_url + "easy/offices/")
    heading = page.locator("article h1")
    tree = heading.aria_snapshot()
    page.close()
    assert "港区" in tree and "みなとく" not in tree, tree


@pytest.mark.parametrize("day,expected", [("月", "げつ"), ("火", "か"), ("水", "すい"), ("木", "もく"), ("金", "きん"),
                                          ("土", "ど"), ("日", "にち")])
def test_a_weekday_abbreviated_in_the_calendar_is_read_as_its_weekday(day, expected):
    html = furigana.annotate(f'<th><abbr title="{day}曜日">{day}</abbr></th>', furigana.reviewed_readings(load()))
    assert f'<rt aria-hidden="true">{expected}</rt>' in html, f"{day} (for {day}曜日) read as in {html}"


@pytest.mark.parametrize("label,expected", [("月", "がつ"), ("日", "にち")])
def test_a_date_fields_label_is_read_as_a_counter(label, expected):
    html = furigana.annotate(f'<label for="x">{label}</label>', {})
    assert f'<rt aria-hidden="true">{expected}</rt>' in html, f"the field's label {label} read as in {html}"
