"""The interface around the content speaks the page's language: no English label on a
Nepali, Tagalog or Portuguese page; the right <html lang>; the switcher names each language
in its own script, marked with lang; absolute hreflang alternates with x-default in the sitemap; a 404 page
in every language."""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from guidebook.catalog import translate
from guidebook.languages import LANGUAGES, SOURCE, folder, hreflang, html_lang, root
from tracing import pages

MATERIAL = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages"
OVERRIDES = ROOT / "overrides" / "partials" / "languages"
ENTRY = re.compile(r'^\s*"([\w.]+)":\s*"(.*)",?\s*$', re.M)


def interface_strings(lang: str) -> dict[str, str]:
    """Material's interface strings for a language, the project's overrides first."""
    path = OVERRIDES / f"{lang}.html"
    if path.exists() and "import" in path.read_text(encoding="utf-8"):
        lang = re.search(r'languages/([\w-]+)\.html', path.read_text(encoding="utf-8")).group(1)
        path = MATERIAL / f"{lang}.html"
    elif not path.exists():
        path = MATERIAL / f"{lang}.html"
    return dict(ENTRY.findall(path.read_text(encoding="utf-8")))


def shown_interface(soup) -> list[str]:
    """Labels a reader sees or hears outside the main content."""
    for article in soup.select("article"):
        article.decompose()
    found = [el[attr] for attr in ("aria-label", "placeholder", "title") for el in soup.select(f"[{attr}]")]
    found += [el.get_text(" ", strip=True) for el in soup.select(".md-skip, .md-top, .md-footer__direction, .md-copyright, label.md-nav__title")]
    return [text for text in found if text]


@pytest.mark.parametrize("lang", ["ne", "tl", "pt"])
def test_no_english_interface_string(site, lang):
    english = interface_strings("en")
    own = interface_strings(lang)
    assert {"search.placeholder", "action.skip", "header", "footer", "nav", "toc", "top"} <= set(own)
    foreign = {value for key, value in english.items() if own.get(key) != value and not key.startswith("search.config")}
    for name, path in pages(site, lang, LANGUAGES).items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert soup.select_one("input.md-search__input")["placeholder"] == own["search.placeholder"]
        leftovers = [text for text in shown_interface(soup) if text in foreign or "Made with" in text]
        assert not leftovers, f"{lang}/{name}: English interface strings {leftovers}"


def test_html_lang_of_every_page(site):
    for lang in LANGUAGES:
        for name, path in pages(site, lang, LANGUAGES).items():
            html = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").html
            assert html["lang"] == html_lang(lang), f"{lang}/{name}"


def test_language_switcher_names_each_language_in_its_own_script(site):
    soup = BeautifulSoup((site / "en/card/index.html").read_text(encoding="utf-8"), "lxml")
    links = soup.select("a.guidebook-languages__link")
    assert [(a["lang"], a["hreflang"], a.get_text(strip=True)) for a in links] == \
        [(html_lang(code), hreflang(code), name) for code, name in LANGUAGES.items()]


def test_the_language_menu_leads_to_the_same_page_in_each_language(site):
    """Each entry of a page's language menu leads to that page in that language; on a 404 page
    (no counterpart), to that language's home page."""
    canonical = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml").select_one('link[rel="canonical"]')
    home = urlsplit(canonical["href"]).path
    wrong = []
    for lang in LANGUAGES:
        # (file, its address below the language's folder; None for the 404 page)
        documents = [(path, "" if name == "." else f"{name}/") for name, path in pages(site, lang, LANGUAGES).items()]
        for path, page in documents + [(root(site, lang) / "404.html", None)]:
            where = folder(lang) + ("404.html" if page is None else page)
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            for link in soup.select("a.guidebook-languages__link"):
                code = next(code for code in LANGUAGES if hreflang(code) == link["hreflang"])
                expected = home + folder(code) + (page or "")
                if urljoin(home + where, link["href"]) != expected:
                    wrong.append(f"{home + where}: {LANGUAGES[code]} leads to {link['href']}, not {expected}")
    assert not wrong, f"{len(wrong)} language menu link(s) lead elsewhere:\n" + "\n".join(wrong[:15])


def test_hreflang_alternates_are_absolute_with_x_default_in_the_sitemap(site, book):
    """Every page's alternates, in sitemap.xml; none in a page's head, where Material's language
    switcher would fetch a sitemap.xml beside each (a failing request on every page view)."""
    base = str(book.publication.online_edition)
    sitemap = BeautifulSoup((site / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    entries = {url.find("loc").text: {link["hreflang"]: link["href"] for link in url.find_all("link")}
               for url in sitemap.find_all("url")}
    for lang in LANGUAGES:
        for name, path in pages(site, lang, LANGUAGES).items():
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            assert not soup.select('link[rel="alternate"]'), f"{lang}/{name}: alternates in the head"
            address = base + folder(lang) + ("" if name == "." else f"{name}/")
            alternates = entries.get(address)
            assert alternates is not None, f"{address} is not in sitemap.xml"
            assert set(alternates) == {hreflang(code) for code in LANGUAGES} | {"x-default"}, f"{lang}/{name}: {sorted(alternates)}"
            assert alternates["x-default"] == alternates[SOURCE] == base + ("" if name == "." else f"{name}/")
            assert alternates[hreflang(lang)] == address
    for lang in LANGUAGES:
        not_found = root(site, lang) / "404.html"
        assert 'rel="alternate"' not in not_found.read_text(encoding="utf-8"), not_found


def test_a_404_page_in_every_language(site):
    from guidebook.catalog import translate
    from guidebook.plugin import NOT_FOUND_TITLE

    for lang in LANGUAGES:
        path = root(site, lang) / "404.html"
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert soup.html["lang"] == html_lang(lang) and soup.h1.get_text(strip=True) == translate(lang, NOT_FOUND_TITLE)


KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
KANJI = re.compile(r"[\u4e00-\u9fff]")


def test_japanese_on_a_page_of_another_language_is_marked(site):
    """WCAG 3.1.2: a screen reader reads Japanese quoted in another language (a kiosk button, a
    form's name) with a Japanese voice only if it is marked lang="ja". On a Chinese page, text
    with kana in it is Japanese; elsewhere, any kana or kanji."""
    unmarked = []
    for lang in LANGUAGES:
        if lang == SOURCE:
            continue
        for name, path in pages(site, lang, LANGUAGES).items():
            body = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").body
            for text in body.find_all(string=True):
                if text.parent.name in ("script", "style"):
                    continue
                japanese = KANA.search(text) or (lang != "zh" and KANJI.search(text))
                marked = text.find_parent(attrs={"lang": True})
                if japanese and not (marked and marked["lang"] in ("ja", "zh") and (marked["lang"] == "ja" or not KANA.search(text))):
                    unmarked.append(f"{lang}/{name}: {text.strip()[:60]!r}")
    assert not unmarked, f"{len(unmarked)} runs of Japanese not marked lang=\"ja\":\n" + "\n".join(unmarked[:30])


def test_the_banner_names_the_site_once_for_a_screen_reader(site, book):
    """The logo link is named by the site's name; the header's title (the same name, then the
    page's heading) is hidden from screen readers."""
    for lang in ("ja", "en", "th"):
        name = translate(lang, book.publication.title_ja)
        for page_name, path in pages(site, lang, LANGUAGES).items():
            banner = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("header nav")
            for hidden in banner.select("[aria-hidden=true]"):
                hidden.decompose()
            heard = " ".join([banner.get_text(" ", strip=True)] + [el["aria-label"] for el in banner.select("[aria-label]")])
            assert heard.count(name) == 1, f"{lang}/{page_name}: the banner reads the site's name {heard.count(name)} times"
