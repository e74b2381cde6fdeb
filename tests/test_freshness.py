"""Translation freshness: the report and the notice turn stale when a Japanese page is edited."""

import shutil

from conftest import ROOT, build, copy_project
from tracing import main_content

from guidebook import freshness
from guidebook.page_macros import STALE_NOTICE
from guidebook.catalog import translate
from guidebook.languages import LANGUAGES, SOURCE, root as language_root


def test_every_translation_is_up_to_date():
    lagging = [s for s in freshness.report() if s.state != freshness.UP_TO_DATE]
    assert not lagging, "\n".join(f"content/{s.lang}/{s.page}: {s.state}" for s in lagging)


def test_editing_a_japanese_page_makes_its_translations_stale(tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    before = {(s.lang, s.page): s.state for s in freshness.report(content)}
    source = content / SOURCE / "card.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n追記です。\n", encoding="utf-8")
    after = {(s.lang, s.page): s.state for s in freshness.report(content)}
    changed = {key for key in after if after[key] != before[key]}
    assert changed == {(lang, "card.md") for lang in LANGUAGES if lang != SOURCE}
    assert all(after[key] == freshness.STALE for key in changed)
    freshness.stamp("en", "card.md", content)
    assert freshness.status("en", "card.md", content).state == freshness.UP_TO_DATE


def test_a_stale_page_shows_a_notice_in_its_language(tmp_path):
    project = copy_project(tmp_path / "project")
    source = project / "content" / SOURCE / "card.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n追記です。\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    notice = {lang: translate(lang, STALE_NOTICE) for lang in LANGUAGES}
    for lang in LANGUAGES:
        root = language_root(tmp_path / "site", lang)
        card, faq = (main_content(root / page / "index.html").get_text() for page in ("card", "faq"))
        assert (notice[lang] in card) == (lang != SOURCE), f"{lang}/card"
        assert notice[lang] not in faq, f"{lang}/faq is up to date"
