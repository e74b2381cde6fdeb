"""Every component, with each of its examples, in every language: semantic HTML, facts marked,
nothing left untranslated; wrong arguments are refused with a message."""

import re

import pytest
from bs4 import BeautifulSoup

from guidebook.components import COMPONENTS
from guidebook.context import Context
from guidebook.errors import MacroError
from guidebook.languages import LANGUAGES

# Arguments each component is shown with; ids come from data/.
EXAMPLES = {
    "documents": [{"part": "number"}, {"part": "identity"}, {"part": "examples"}],
    "fee_table": [{}],
    "reissue_fees": [{}],
    "hotline_hours": [{"hotline": "jlis"}, {"hotline": "foreign"}],
    "hotline_languages": [{"hotline": "foreign"}],
    "hotline_menu": [{"hotline": "jlis"}],
    "closed_days": [{"office": "center"}, {"office": "azabu"}],
    "hours_table": [{"office": "center"}, {"office": "takanawa"}],
    "link": [{"site": "mynaportal"}, {"site": "minato_city", "find": "reservation"}],
    "sentences": [{"path": "konbini.steps"}, {"path": "procedures.lost_card_steps"}],
    "access_list": [{"office": "center"}],
    "address": [{"office": "center"}, {"office": "shibaura"}],
    "office_list": [{"kind": "branch"}],
    "publisher": [{}],
    "renewal_examples": [{}],
    "validity_calculator": [{}],
    "opening_calendar": [{"office": "center"}, {"office": "shibaura"}],
    "where": [{"procedure": "pin_change"}],
    "print_editions": [{}],
}

BAD_ARGUMENTS = {
    "hours_table": ({"office": "minato"}, "no office 'minato'"),
    "hotline_menu": ({"hotline": "police"}, "no hotline 'police'"),
    "sentences": ({"path": "konbini"}, "no list of sentences 'konbini'"),
    "documents": ({"part": "all"}, "part must be one of"),
    "where": ({"procedure": "marriage"}, "no procedure 'marriage'"),
    "link": ({"site": "example"}, "no link 'example'"),
}


def test_every_component_has_examples():
    assert set(EXAMPLES) == set(COMPONENTS)


CASES = [(name, i, lang) for name, examples in EXAMPLES.items() for i in range(len(examples)) for lang in LANGUAGES]


@pytest.mark.parametrize("name,example,lang", CASES)
def test_component_renders_semantic_html(name, example, lang, book):
    html = COMPONENTS[name](Context(lang=lang, book=book), **EXAMPLES[name][example])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.get_text().strip(), "renders nothing"
    assert "\n" not in html, "a block on several lines would be cut by Markdown at a blank line"
    assert "{" not in soup.get_text(), "a placeholder was left unfilled"
    for table in soup.find_all("table"):
        assert table.caption and table.caption.get_text().strip(), "a table needs a caption"
        assert all(th.get("scope") in ("col", "row") for th in table.find_all("th")), "every th needs scope"
    for link in soup.select("a[href^='tel:']"):
        assert link["href"].startswith("tel:+81") and link.get_text()[0] == "0"
    for element in soup.select("[data-fact]"):
        book.fact(element["data-fact"])  # raises if the mark names no fact


@pytest.mark.parametrize("name", BAD_ARGUMENTS)
def test_component_refuses_bad_arguments(name, book):
    arguments, message = BAD_ARGUMENTS[name]
    with pytest.raises(MacroError, match=message):
        COMPONENTS[name](Context(lang="ja", book=book), **arguments)


def test_data_values_are_escaped(book):
    ctx = Context(lang="ja", book=book)
    marked = ctx.fact("offices.center.name_ja")
    assert marked.startswith('<span class="fact" data-fact="offices.center.name_ja" data-form="text">')
    from guidebook.facts import mark

    assert "&lt;b&gt;" in mark("x", "<b>", "text")


def test_hotline_menu_is_an_ordered_list(book):
    soup = BeautifulSoup(COMPONENTS["hotline_menu"](Context(lang="ja", book=book), "jlis"), "html.parser")
    items = soup.select("ol > li")
    assert [int(li["value"]) for li in items] == [m.option for m in book.hotlines["jlis"].menu]


def test_phone_numbers_are_tel_links(book):
    link = BeautifulSoup(Context(lang="en", book=book).fact("hotlines.jlis.phone"), "html.parser").a
    number = book.hotlines["jlis"].phone
    assert link.get_text() == number and link["href"] == "tel:+81" + number.replace("-", "")[1:]



def _sections(article):
    """{procedure: (the section's text without its line of what to bring, that line or None)} for
    each h2 section of a page that says where its procedure is done."""
    found = {}
    for heading in article.select("h2"):
        parts = []
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            parts.append(sibling)
        where = next((p for p in parts if "where" in (p.get("class") or [])), None)
        if where is not None:
            bring = next((p for p in parts if "bring" in (p.get("class") or [])), None)
            # Steps of data/ (the lost-card steps: 遺失届 for a reissue, the found card and an
            # identity document to lift the suspension) say what to bring, each for its own later
            # procedure: not this section's procedure.
            said = [p for p in parts if p is not bring and "sentences" not in (p.get("class") or [])]
            found[where["data-procedure"]] = ("".join(p.get_text() for p in said), bring)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_to_bring_is_given_where_the_japanese_page_says_to_bring_it(site, lang):
    """Each procedure whose Japanese section says to bring something (持って, 持参) has a line of
    what to bring, and only those; the line names the documents of data/procedures.yml, as
    data/documents.yml and the language's catalog (read here with Babel) write them."""
    import yaml
    from babel.messages.pofile import read_po
    from conftest import ROOT
    from tracing import main_content, pages

    bring = yaml.safe_load((ROOT / "data/procedures.yml").read_text(encoding="utf-8"))["bring"]
    documents = yaml.safe_load((ROOT / "data/documents.yml").read_text(encoding="utf-8"))["documents"]
    if lang == "ja":
        name = lambda japanese: japanese  # noqa: E731
    else:
        with open(ROOT / f"locales/{lang}.po", "rb") as po:
            catalog = read_po(po)
        name = lambda japanese: catalog[japanese].string  # noqa: E731
    problems, seen = [], set()
    for page, path in pages(site, "ja", LANGUAGES).items():
        translated = _sections(main_content(pages(site, lang, LANGUAGES)[page]))
        for procedure, (text, _) in _sections(main_content(path)).items():
            seen.add(procedure)
            line = translated[procedure][1]
            says = re.search(r"持参|持って(?!い)", text) is not None  # not 持っていれば: "if one has"
            if says != (procedure in bring) or (line is not None) != (procedure in bring):
                problems.append(f"{lang}/{page}, {procedure}: the Japanese says to bring something: {says}; "
                                f"in data/procedures.yml bring: {procedure in bring}; line shown: {line is not None}")
            elif line is not None:
                expected = [name(documents[doc]["name_ja"]) for doc in bring[procedure]]
                missing = [item for item in expected if item not in line.get_text()]
                if missing:
                    problems.append(f"{lang}/{page}, {procedure}: {line.get_text()!r} does not name {missing}")
    problems += [f"data/procedures.yml: bring for {p}, which no page shows" for p in sorted(set(bring) - seen)]
    assert not problems, "\n".join(problems)


def test_a_link_refuses_something_to_look_for_that_data_has_not(book):
    with pytest.raises(MacroError, match="nothing 'booking' to look for on minato_city; expected one of: reservation"):
        COMPONENTS["link"](Context(lang="en", book=book), "minato_city", find="booking")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_link_to_a_home_page_says_what_to_search_for_there_in_japanese(site, lang):
    """Where the guidebook's 「こちら」 led to a page whose address is not known, the link opens the
    site and says what to search for: every entry of data/links.yml look_for (read here with
    yaml) is on a page, right after its site's link, in Japanese and marked so."""
    import yaml
    from conftest import ROOT
    from tracing import main_content, pages

    links = yaml.safe_load((ROOT / "data/links.yml").read_text(encoding="utf-8"))
    expected = {(name, entry["search"]) for name, link in links.items() for entry in link.get("look_for", {}).values()}
    shown, problems = set(), []
    for page, path in pages(site, lang, LANGUAGES).items():
        for words in main_content(path).select(".look-for"):
            anchor = words.find_previous_sibling("a")
            if words.get("lang") != "ja" or anchor is None or not anchor.get("data-link"):
                problems.append(f"{lang}/{page}: {words} is not marked Japanese or follows no link of data/links.yml")
                continue
            shown.add((anchor["data-link"], words.get_text()))
    problems += [f"{lang}: {site} never says to search for {words!r}" for site, words in sorted(expected - shown)]
    problems += [f"{lang}: {site} says to search for {words!r}, which data/links.yml does not" for site, words in sorted(shown - expected)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_offices_address_is_followed_by_a_map_search_for_its_japanese_name_and_address(site, lang):
    """On the offices page, every office's address is followed by a link that searches a map for
    the office's Japanese name and address, as data/offices.yml and data/publication.yml (read
    here with yaml) give them: a map app in Japan, or a taxi driver, finds it by those words."""
    from urllib.parse import parse_qs, urlsplit

    import yaml
    from conftest import ROOT
    from tracing import main_content, pages

    offices = yaml.safe_load((ROOT / "data/offices.yml").read_text(encoding="utf-8"))
    publication = yaml.safe_load((ROOT / "data/publication.yml").read_text(encoding="utf-8"))
    ward = publication["prefecture_name"] + publication["municipality_name"]
    expected = {f"{office['name_ja']} {ward}{office['address']['town_ja']}{office['address']['block']}"
                for office in offices.values()}
    shown, problems = set(), []
    for link in main_content(pages(site, lang, LANGUAGES)["offices"]).select("a.map-search"):
        parts = urlsplit(link["href"])
        query = parse_qs(parts.query)
        if (parts.scheme, parts.netloc, parts.path, query.get("api")) != ("https", "www.google.com", "/maps/search/", ["1"]):
            problems.append(f"{lang}/offices/: {link['href']} is not a map search")
        previous = link.find_previous_sibling()
        if previous is None or "address" not in previous.get("class", []):
            problems.append(f"{lang}/offices/: the map link for {query.get('query')} does not follow an address")
        shown.update(query.get("query", []))
    problems += [f"{lang}/offices/: no map link searches for {words!r}" for words in sorted(expected - shown)]
    problems += [f"{lang}/offices/: a map link searches for {words!r}, which is no office of data/" for words in sorted(shown - expected)]
    assert not problems, "\n".join(problems)
