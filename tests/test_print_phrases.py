"""Japanese and Korean in print break where they do on the web (macros/print_phrases.py):
Japanese between BudouX's phrases, Korean between words; everything else is left as it is.
The PDFs themselves are checked line by line in test_print.py."""

import budoux
import lxml.html
import pytest

from macros.print_phrases import LONGEST_KEPT, PHRASE, keep_phrases_whole


def _kept(html: str):
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    before = root.text_content()
    keep_phrases_whole(root)
    assert root.text_content() == before, "the text changed"
    return root, [span.text for span in root.iter("span") if span.get("class") == PHRASE]


def test_japanese_is_kept_in_budoux_phrases_with_a_break_between_each():
    text = "マイナンバーカードの有効期限は、発行日から10回目の誕生日までです。"
    root, phrases = _kept(f'<p lang="ja">{text}</p>')
    expected = [p for p in budoux.load_default_japanese_parser().parse(text) if len(p) <= LONGEST_KEPT]
    assert phrases == expected
    assert len(root.findall(".//wbr")) >= len(phrases) - 1


def test_a_phrase_too_long_for_a_narrow_column_stays_breakable():
    _, phrases = _kept('<p lang="ja">出産育児・学校教育・保健福祉支援・病気・年金・災害などの手当</p>')
    assert all(len(p) <= LONGEST_KEPT for p in phrases) and "出産育児・学校教育・保健福祉支援・病気・年金・災害などの" not in phrases


def test_a_line_never_starts_with_a_closing_bracket_after_a_value():
    root, _ = _kept('<p lang="ja">（<span class="fact">9時</span>）まで</p>')
    closing = [w for w in root.iter("wbr") if (w.tail or "").startswith("）") or
               (w.getnext() is not None and (w.getnext().text or "").startswith("）"))]
    assert not closing


def test_korean_is_kept_in_words_and_may_break_before_a_bracket():
    _, words = _kept('<p lang="ko">서명용 전자증명서(패스워드)를 쓸 수 없게 됩니다.</p>')
    assert words == ["서명용", "전자증명서", "(패스워드)를", "쓸", "수", "없게", "됩니다."]


@pytest.mark.parametrize("html", [
    '<p lang="en">The card is valid until the tenth birthday.</p>',
    '<p lang="ja-Latn">anshō bangō</p>',
    '<table lang="ja"><tr><td>各総合支所区民課の窓口</td></tr></table>',
    '<p lang="ja"><span class="url-part">https://www.city.minato.tokyo.jp/</span></p>',
    '<p lang="ja"><span class="term-ja">暗証番号</span></p>',
])
def test_other_text_is_left_as_it_is(html):
    root, phrases = _kept(html)
    assert phrases == [] and not root.findall(".//wbr")
