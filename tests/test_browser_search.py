"""The search finds words in every script (Japanese, Chinese and Thai are segmented by Material's
lunr languages) and lists the results in the page's language first (one index holds every
language; overrides/assets/javascripts/workers/search-language.js boosts the page's own). The
index is built when the reader searches, not on every page view."""

import re
from urllib.parse import urlsplit

import pytest

from guidebook.languages import LANGUAGES, SOURCE

WORDS = {"": "パスワード", "zh/": "密码", "th/": "รหัสผ่าน"}
# A word written the same in Japanese and Chinese pages.
SHARED = "更新"


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    yield page
    page.close()


def results(page, base_url, address, word) -> list[str]:
    """The languages of the results of searching ``word`` on the page at ``address``, in order."""
    page.goto(base_url + address)
    box = page.locator("input.md-search__input")
    box.fill(word)
    # Playwright types non-ASCII text without key-up events, and Material searches on key-up.
    box.press("End")
    items = page.locator(".md-search-result__item > a")
    items.first.wait_for(timeout=15000)
    folders = [urlsplit(href).path.split("/")[1] for href in items.evaluate_all("links => links.map(a => a.href)")]
    return [folder if folder in LANGUAGES else SOURCE for folder in folders]


@pytest.mark.parametrize("address, word", WORDS.items(), ids=["ja", "zh", "th"])
def test_search_finds_a_word_of_the_page_language(page, base_url, address, word):
    lang = address.strip("/") or SOURCE
    found = results(page, base_url, address, word)
    assert found and found[0] == lang, found


@pytest.mark.parametrize("address", ["", "zh/"], ids=["ja", "zh"])
def test_results_in_the_page_language_come_first(page, base_url, address):
    lang = address.strip("/") or SOURCE
    found = results(page, base_url, address, SHARED)
    assert {lang} < set(found), f"{SHARED} should be found in {lang} and another language: {found}"
    own = [language == lang for language in found]
    assert own == sorted(own, reverse=True), found


def test_a_page_view_builds_no_search_index_until_the_reader_searches(page, base_url):
    # Building the index loads lunr's language pipelines (lunr/min/lunr.*.js, tinyseg.js, ...):
    # what a page view asks for shows whether the worker built it.
    asked = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path))
    page.goto(base_url + "en/faq/", wait_until="networkidle")
    lunr = re.compile(r"/assets/javascripts/lunr/")
    assert not [path for path in asked if lunr.search(path)], (
        f"the page view built the search index: {[path for path in asked if lunr.search(path)]}")
    assert results(page, base_url, "en/faq/", "PIN") and any(lunr.search(path) for path in asked), (
        "a search should build the index and find results")


def test_every_page_of_every_language_has_its_entry_in_the_search_index(served_site):
    """static-i18n drops an entry of a language's page that is the same as the Japanese page's
    (title and text): an Easy Japanese page titled as its Japanese page lost its entry, and
    Material listed its sections under "undefined". Each page of each language is in the index."""
    import json

    from guidebook.languages import folder
    from tracing import pages

    site, _ = served_site
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    entries = {doc["location"] for doc in index["docs"]}
    missing = [folder(lang) + ("" if name == "." else f"{name}/") for lang in LANGUAGES
               for name in pages(site, lang, LANGUAGES)]
    missing = [location for location in missing if location not in entries]
    assert not missing, f"pages without their entry in the search index: {missing}"
