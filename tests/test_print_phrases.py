"""Japanese and Korean in print break where they do on the web (guidebook/print_phrases.py):
Japanese between BudouX's phrases, Korean between words; everything else is left as it is.
The PDFs themselves are checked line by line in test_print.py."""

import budoux
import lxml.html
import pytest

from guidebook.print_phrases import LONGEST_KEPT, PHRASE, keep_phrases_whole, thai_words


BREAK = "\u200b"  # the break opportunity between Japanese phrases (zero-width space)


def _kept(html: str):
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    before = root.text_content()
    keep_phrases_whole(root)
    assert root.text_content().replace(BREAK, "") == before, "the text changed"
    return root, [span.text for span in root.iter("span") if span.get("class") == PHRASE]


def test_japanese_is_kept_in_budoux_phrases_with_a_break_between_each():
    text = "マイナンバーカードの有効期限は、発行日から10回目の誕生日までです。"
    root, phrases = _kept(f'<p lang="ja">{text}</p>')
    expected = [p for p in budoux.load_default_japanese_parser().parse(text) if len(p) <= LONGEST_KEPT]
    assert phrases == expected
    assert root.text_content().count(BREAK) >= len(phrases) - 1


def test_a_phrase_too_long_for_a_narrow_column_stays_breakable():
    _, phrases = _kept('<p lang="ja">出産育児・学校教育・保健福祉支援・病気・年金・災害などの手当</p>')
    assert all(len(p) <= LONGEST_KEPT for p in phrases) and "出産育児・学校教育・保健福祉支援・病気・年金・災害などの" not in phrases


def test_a_line_never_starts_with_a_closing_bracket_after_a_value():
    root, _ = _kept('<p lang="ja">（<span class="fact">9時</span>）まで</p>')
    assert BREAK + "）" not in root.text_content() and "（" + BREAK not in root.text_content()


def test_korean_is_kept_in_words_and_may_break_before_a_bracket():
    root, words = _kept('<p lang="ko">서명용 전자증명서(패스워드)를 쓸 수 없게 됩니다.</p>')
    assert words == ["서명용", "전자증명서", "(패스워드)를", "쓸", "수", "없게", "됩니다."]
    assert BREAK not in root.text_content()  # spaces are Korean's breaks


def test_thai_breaks_between_words_with_the_guidebooks_transliterations_whole():
    text = "การใช้บัตรมายนัมเบอร์เป็นบัตรประกันสุขภาพ"
    root, kept = _kept(f'<p lang="th">{text}</p>')
    assert root.text_content().strip(BREAK).split(BREAK) == thai_words(text)
    assert "มายนัมเบอร์" in thai_words(text) and kept == [w for w in thai_words(text) if len(w) >= 6]


@pytest.mark.parametrize("html", [
    '<p lang="en">The card is valid until the tenth birthday.</p>',
    '<p lang="ja-Latn">anshō bangō</p>',
    '<table lang="ja"><tr><td>各総合支所区民課の窓口</td></tr></table>',
    '<p lang="ja"><span class="url-part">https://www.city.minato.tokyo.jp/</span></p>',
    '<p lang="ja"><span class="term-ja">暗証番号</span></p>',
    '<p lang="ja"><span class="fact" data-form="words">港区マイナンバーカードセンター</span></p>',
    '<h1 lang="ja">港区マイナンバーカードと支所</h1>',
])
def test_other_text_is_left_as_it_is(html):
    """Other scripts; romaji; Japanese in a table cell, an address, a glossary term, a value
    (whose text the tests compare with data/), a heading that names a bookmark."""
    root, phrases = _kept(html)
    assert phrases == [] and BREAK not in root.text_content()


def test_the_documents_title_is_left_as_it_is():
    root = lxml.html.document_fromstring('<html lang="ko"><head><title>미나토구 마이넘버 카드</title></head><body><p>카드</p></body></html>')
    keep_phrases_whole(root)
    assert root.find(".//title").text == "미나토구 마이넘버 카드" and not len(root.find(".//title"))


def test_the_covers_title_breaks_at_its_space_and_a_chapters_heading_gets_no_break():
    """BudouX reads 港区マイナンバーカード ガイドブック as one phrase: printed at 40 pt it broke
    as "ガ|イドブック". A space is a break; the cover's heading names no bookmark, so it gets
    breaks, where a chapter's heading (its text is the bookmark's) does not."""
    root, phrases = _kept('<section class="cover" lang="ja"><h1>港区マイナンバーカード ガイドブック</h1></section>'
                          '<section class="chapter" lang="ja"><h1>港区マイナンバーカード ガイドブック</h1></section>')
    assert phrases == ["ガイドブック"]  # 港区マイナンバーカード is longer than a phrase kept whole
    cover, chapter = root.iter("h1")
    assert BREAK in cover.text_content() and BREAK not in chapter.text_content()


def test_a_break_already_in_korean_text_stays_a_break():
    """The break the print edition puts after a printed address ("…/)​(사이트에서") must not
    become a kept word of its own: a kept word is never broken, and the address with the words
    after it ran 8 mm past the page of the Korean large print."""
    root = lxml.html.fragment_fromstring(f'<p lang="ko">{BREAK}(사이트에서 검색)에서 예약할 수 있습니다.</p>')
    keep_phrases_whole(root)
    words = [span.text for span in root.iter("span") if span.get("class") == PHRASE]
    assert words[0] == "(사이트에서" and not any(BREAK in word for word in words)
    assert root.text_content() == f"{BREAK}(사이트에서 검색)에서 예약할 수 있습니다."
