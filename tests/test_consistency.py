"""The consistency contract (DESIGN.md): facts live once in data/, pages only reference them,
every number on a built page traces to data/, every language shows the same facts, and a
changed value changes everywhere."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from conftest import ROOT, build, copy_project
from tracing import facts_on, main_content, numbers_in, numbers_of, pages, seen_numbers

from macros.checks import typed_digits
from macros.data import load
from macros.formatting import formatter
from macros.languages import LANGUAGES, SOURCE

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


def test_every_number_on_every_page_traces_to_data(site, book):
    problems = []
    checked = 0
    for lang, name, path in _all_pages(site):
        for number, mark, text in seen_numbers(main_content(path)):
            checked += 1
            if mark is None:
                problems.append(f"{lang}/{name}: {number} is not from data/ (in {text!r})")
                continue
            kind, fact = mark
            if kind == "date":  # a day of the opening calendar: its numbers are those of the date
                if number not in numbers_of(dt.date.fromisoformat(fact)):
                    problems.append(f"{lang}/{name}: {number} shown as the date {fact} (in {text!r})")
                continue
            try:
                allowed = numbers_of(book.fact(fact))
            except KeyError:
                problems.append(f"{lang}/{name}: {number} is marked as unknown fact {fact!r}")
                continue
            if number not in allowed:
                problems.append(f"{lang}/{name}: {number} shown as {fact!r}, which holds {sorted(allowed)} (in {text!r})")
    assert checked, "no number found on any page: the test looked in the wrong place"
    assert not problems, "\n".join(problems)


def test_every_language_shows_the_same_facts(site):
    source = pages(site, SOURCE, LANGUAGES)
    for lang in LANGUAGES:
        translated = pages(site, lang, LANGUAGES)
        assert set(translated) == set(source), f"{lang}: pages differ"
        for name, path in source.items():
            expected, found = facts_on(main_content(path)), facts_on(main_content(translated[name]))
            assert found == expected, (
                f"{lang}/{name}: missing {sorted(expected - found)}, extra {sorted(found - expected)}"
            )


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
    every_number = numbers_of(book.files)
    # New values chosen to be unlike any number in data/, so that they cannot be found by chance.
    new_fee = old_fee + 70
    new_closes = old_hours.closes.replace(hour=old_hours.closes.hour + 1, minute=30)
    assert new_fee not in every_number and new_closes not in (old_hours.closes, old_hours.last_entry)
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
