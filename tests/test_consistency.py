"""The consistency contract (README, ARCHITECTURE.md): facts live once in data/, pages only
reference them, every fact on a built page shows exactly its value in its form and language, no
digit comes from elsewhere, every language keeps the Japanese blocks and facts, the calendar
says what the rules say, and a changed value changes everywhere."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, build, copy_project
import contract
from tracing import main_content, pages

from guidebook.checks import typed_digits
from guidebook.data import load
from guidebook.formatting import formatter
from guidebook.languages import LANGUAGES, SOURCE

CONTENT = ROOT / "content"


@pytest.mark.parametrize("page", sorted(CONTENT.rglob("*.md")), ids=lambda p: str(p.relative_to(CONTENT)))
def test_no_number_typed_into_content(page):
    found = typed_digits(page.read_text(encoding="utf-8"))
    assert not found, "\n".join(f"{page.relative_to(ROOT)}:{n}: digit outside a macro: {text}" for n, text in found)


def test_digit_scan_sees_what_it_must():
    sample = "---\nsource_hash: 0a1b\n---\n料金は10円\n1. 手順\n{{ fact(\"fees.reissue.card\") }}\n②番を押す\n"
    assert [n for n, _ in typed_digits(sample)] == [4, 7]


def test_every_language_has_every_page():
    names = {lang: sorted(p.name for p in (CONTENT / lang).glob("*.md")) for lang in LANGUAGES}
    for lang, found in names.items():
        assert found == names[SOURCE], f"content/{lang}/ pages differ from content/{SOURCE}/"


def _all_pages(site):
    return [(lang, name, path) for lang in LANGUAGES for name, path in pages(site, lang, LANGUAGES).items()]


def test_every_fact_shows_exactly_its_value(site, book):
    """Each mark's text (and its tel: link, and each attribute naming a fact) is the fact of
    data/ rendered again in the mark's form and the page's language."""
    assert sum(len(contract.read(path).select("[data-fact]")) for *_, path in contract.built_pages(site)) > 1000
    problems = contract.mark_problems(site, book)
    assert not problems, f"{len(problems)} mark(s) that do not show their fact:\n" + "\n".join(problems[:40])


def test_no_digit_outside_a_fact_anywhere_a_reader_looks(site):
    """Title, header, footer, navigation, article, 404 pages and the attributes read aloud."""
    problems = contract.stray_digits(site)
    assert not problems, f"{len(problems)} digit(s) from outside data/:\n" + "\n".join(problems[:40])


def test_every_translation_has_the_japanese_blocks_with_the_same_facts(site):
    problems = contract.block_problems(site)
    assert not problems, "\n".join(problems)


def test_the_opening_calendar_says_what_the_rules_say(site, book):
    problems = contract.calendar_problems(site, book)
    assert not problems, f"{len(problems)} calendar day(s) wrong:\n" + "\n".join(problems[:40])


def _replace_in_yaml(path, old: str, new: str, anchor: str):
    """Replace ``old`` by ``new`` on the one line of ``path`` that contains ``anchor``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if anchor in line and old in line]
    assert len(hits) == 1, f"{anchor!r} with {old!r} should be on one line of {path}"
    lines[hits[0]] = lines[hits[0]].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def _fact_texts(site, fact):
    """Text of every element marked with ``fact``, by language and page."""
    texts = {}
    for lang, name, path in _all_pages(site):
        for element in main_content(path).select(f'[data-fact="{fact}"]'):
            texts.setdefault((lang, name), []).append(element.get_text())
    return texts


def test_a_changed_value_changes_everywhere(site, book, tmp_path):
    project = copy_project(tmp_path / "project")
    fee_path, hours_path = "fees.certificates.juminhyo.counter", "offices.center.hours.weekdays"
    old_fee = book.fact(fee_path)
    old_hours = book.fact(hours_path)
    # New values chosen to be shown nowhere before, so that they cannot be found by chance.
    new_fee = old_fee + 70
    new_closes = old_hours.closes.replace(hour=old_hours.closes.hour + 1, minute=30)
    before_text = "".join(main_content(path).get_text() for *_, path in _all_pages(site))
    assert formatter("en").money(new_fee) not in before_text and new_closes not in (old_hours.closes, old_hours.last_entry)
    _replace_in_yaml(project / "data/fees.yml", f"counter: {old_fee}", f"counter: {new_fee}", "juminhyo:")
    _replace_in_yaml(project / "data/offices.yml", f'closes: "{old_hours.closes:%-H:%M}"',
                     f'closes: "{new_closes:%-H:%M}"', f'last_entry: "{old_hours.last_entry:%-H:%M}"')
    changed = tmp_path / "site"
    result = build(project, changed)
    assert result.returncode == 0, result.stderr
    new_book = load(project / "data")
    assert new_book.fact(fee_path) == new_fee and new_book.fact(hours_path).closes == new_closes

    for fact, old_value, new_value, render in (
        (fee_path, old_fee, new_fee, lambda f, v: f.money(v)),
        (hours_path, old_hours, new_book.fact(hours_path), lambda f, v: f.time_range(v.opens, v.closes)),
    ):
        before, after = _fact_texts(site, fact), _fact_texts(changed, fact)
        assert before, f"{fact} is shown nowhere"
        assert set(after) == set(before), f"{fact} appears on other pages after the change"
        for (lang, name), texts in after.items():
            fmt = formatter(lang)
            assert all(text == render(fmt, new_value) for text in texts), f"{lang}/{name}: {fact} shows {texts}"
        for lang in LANGUAGES:
            old_text = render(formatter(lang), old_value)
            for name, path in pages(changed, lang, LANGUAGES).items():
                if fact == hours_path:  # a time range is unique to its fact: it must be gone from the page
                    assert old_text not in main_content(path).get_text(), f"{lang}/{name} still shows {old_text}"


def test_every_language_uses_its_glossary_terms(site, book):
    concepts = book.glossary[SOURCE]
    problems = []
    for lang in LANGUAGES:
        assert lang in book.glossary, f"data/glossary/{lang}.yml is missing"
        terms = book.glossary[lang]
        translated = pages(site, lang, LANGUAGES)
        for name, path in pages(site, SOURCE, LANGUAGES).items():
            source_text = main_content(path).get_text()
            text = main_content(translated[name]).get_text().casefold()
            for concept, japanese in concepts.items():
                # 電子証明書 inside 署名用電子証明書 is the longer term's use, checked as that term
                longer = [other for other in concepts.values() if japanese in other and other != japanese]
                used = re.sub("|".join(map(re.escape, longer)), "", source_text) if longer else source_text
                if japanese in used and terms[concept].casefold() not in text:
                    problems.append(f"{lang}/{name}: uses {japanese!r} but not {terms[concept]!r} ({concept})")
    assert not problems, "\n".join(problems)
