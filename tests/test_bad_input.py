"""A catalogue of broken inputs beyond data/ (whose own cases are in test_data.py): each is
refused with its file, line and what to do, by ``guidebook check`` (which ``make site`` runs
before building) or by the build itself; nothing of it reaches the output (test_site_build.py)."""

import subprocess
import sys

import pytest
from conftest import ROOT, build, copy_project
from conftest import replace_once as _replace


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _prepend(path, data: bytes):
    path.write_bytes(data + path.read_bytes())


def _line_of(path, text):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line == text)


def _line_count(path):
    return len(path.read_text(encoding="utf-8").splitlines())


# name: (edit of the project copy, expected words of the message; {n} is the last line of the edited page)
REFUSED_BY_CHECK = {
    "page missing in a language": (lambda p: (p / "content/en/faq.md").unlink(),
                                   "content/en/faq.md: page missing (every language has every page)"),
    "page without a Japanese source": (lambda p: (p / "content/en/extra.md").write_text("# Extra\n", encoding="utf-8"),
                                       "content/en/extra.md: page has no Japanese source"),
    "number typed into a page": (lambda p: _append(p / "content/en/faq.md", "Open until 7 pm.\n"),
                                 "content/en/faq.md:{n}: a number typed outside a macro"),
    "broken link to a page": (lambda p: _append(p / "content/en/faq.md", "See [it](nowhere.md).\n"),
                              "content/en/faq.md:{n}: link to nowhere.md: no page nowhere.md in this language"),
    "broken link to a heading": (lambda p: _append(p / "content/en/faq.md", "See [it](card.md#nowhere).\n"),
                                 "content/en/faq.md:{n}: link to card.md#nowhere: card.md has no heading { #nowhere }"),
    "external link without https": (lambda p: _append(p / "content/en/faq.md", "See [it](http://example.org/).\n"),
                                    "content/en/faq.md:{n}: http://example.org/: links must use https"),
    "link to a site not on the list": (lambda p: _append(p / "content/en/faq.md", "See [it](https://example.org/).\n"),
                                       "content/en/faq.md:{n}: https://example.org/: example.org is not a site of data/hosts.yml"),
    "a look-alike of a listed site": (lambda p: _append(p / "content/en/faq.md", "See <https://myna.go.jp.example.org/>.\n"),
                                      "content/en/faq.md:{n}: https://myna.go.jp.example.org/: myna.go.jp.example.org is not a site"),
    "an address with a password": (lambda p: _append(p / "content/en/faq.md", "[x](https://a:b@myna.go.jp/)\n"),
                                   "content/en/faq.md:{n}: https://a:b@myna.go.jp/: no user, password or port"),
    "a javascript: link": (lambda p: _append(p / "content/en/faq.md", "[x](javascript:alert(1))\n"),
                           "content/en/faq.md:{n}: javascript:alert(1: links must use https"),
    "a reference link to another site": (lambda p: _append(p / "content/en/faq.md", "[x][r]\n\n[r]: https://example.org/\n"),
                                         "content/en/faq.md:{n}: https://example.org/: example.org is not a site"),
    "a translation naming another site": (lambda p: _replace(p / "locales/en.po", 'msgstr "Weekdays"',
                                                             'msgstr "Weekdays, see https://example.org/"'),
                                          "locales/en.po: translation of '平日': https://example.org/: example.org is not a site"),
    "reference to an undefined fact": (lambda p: _append(p / "content/en/faq.md", '{{ fact("fees.reissue.cards") }}\n'),
                                       "content/en/faq.md:{n}: no fact 'fees.reissue.cards' in data/ (stopped at 'cards'): correct the path"),
    "label missing from a catalog": (lambda p: _replace(p / "locales/en.po", 'msgstr "Weekdays"', 'msgstr ""'),
                                     "locales/en.po: no translation of '平日'"),
    "placeholder dropped in a translation": (lambda p: _replace(p / "locales/en.po", 'msgstr "{block} {town}, Minato City"', 'msgstr "{town}, Minato City"'),
                                             "locales/en.po: placeholders of '港区{town}{block}' differ in '{town}, Minato City'"),
    "number typed into a translation": (lambda p: _replace(p / "locales/en.po", 'msgstr "Weekdays"', 'msgstr "Weekdays (5)"'),
                                        "locales/en.po: a number typed into a translation: 'Weekdays (5)'"),
    "fuzzy translation": (lambda p: _replace(p / "locales/en.po", 'msgid "平日"', '#, fuzzy\nmsgid "平日"'),
                          "locales/en.po: fuzzy translation of '平日'"),
    "unterminated string in a catalog": (lambda p: _replace(p / "locales/en.po", 'msgstr "Weekdays"', 'msgstr "Weekdays'),
                                         "locales/en.po:{po}: not a PO line (an unterminated string"),
    "stray line in a catalog": (lambda p: _replace(p / "locales/en.po", 'msgstr "Weekdays"', 'msgstr "Weekdays"\nWeekend'),
                                "locales/en.po:{po+1}: not a PO line"),
    "duplicate entry in a catalog": (lambda p: _replace(p / "locales/en.po", 'msgid "平日"\nmsgstr "Weekdays"',
                                                        'msgid "平日"\nmsgstr "Weekdays"\n\nmsgid "平日"\nmsgstr "Weekday"'),
                                     "duplicate entry '平日' (first on line {po-1})"),
    "plural count unlike CLDR's": (lambda p: _replace(p / "locales/en.po", "nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;"),
                                   "locales/en.po:2: Plural-Forms must be 'nplurals=2; plural=(n != 1);'"),
    "HTML in a translation": (lambda p: _replace(p / "locales/en.po", 'msgstr "Page not found"',
                                                 'msgstr "<script>alert(document.domain)</script>"'),
                              "locales/en.po: HTML in the translation of 'ページが見つかりません'"),
    "Jinja beyond a macro call": (lambda p: _append(p / "content/en/faq.md", '{{ fact("fees.reissue.card"|upper) }}\n'),
                                  "content/en/faq.md:{n}: fact(): arguments must be quoted text or whole numbers, found a filter"),
    "mkdocs-macros' switch in front matter": (lambda p: _replace(p / "content/en/faq.md", "source_hash: ",
                                                                "render_macros: true\nsource_hash: "),
                                               "content/en/faq.md:2: render_macros: not a key of a page"),
    "front matter that is not YAML": (lambda p: _replace(p / "content/en/faq.md", "source_hash: ", "source_hash: [unclosed "),
                                      "content/en/faq.md:3: front matter is not valid YAML"),
    "an id given twice": (lambda p: _append(p / "content/en/faq.md", "\n## One { #twice }\n\n## Two { #twice }\n"),
                          "content/en/faq.md:{n}: id #twice given twice"),
    "an empty translated page": (lambda p: (p / "content/en/faq.md").write_text("---\nsource_hash: 0\n---\n\n", encoding="utf-8"),
                                 "content/en/faq.md:1: the page is empty"),
    "a symbolic link in content/": (lambda p: (p / "content/en/elsewhere").symlink_to(p / "data", target_is_directory=True),
                                    "content/en/elsewhere: a symbolic link"),
    "a script written into a page": (lambda p: _append(p / "content/en/faq.md", "<script>alert(document.domain)</script>\n"),
                                     "content/en/faq.md:{n}: '<script': a page cannot hold scripts"),
    "an event handler in a page": (lambda p: _append(p / "content/en/faq.md", '<img src="a.png" onerror="alert(1)">\n'),
                                   "content/en/faq.md:{n}: '<img src=\"a.png\" onerror=': a page cannot hold scripts"),
    "a frame in a page": (lambda p: _append(p / "content/en/faq.md", '<iframe src="https://example.org/"></iframe>\n'),
                          "content/en/faq.md:{n}: '<iframe': a page cannot hold scripts"),
    "a form in a page": (lambda p: _append(p / "content/en/faq.md", '<form action="https://example.org/">\n'),
                         "content/en/faq.md:{n}: '<form': a page cannot hold scripts"),
    "a page saved with a byte-order mark": (lambda p: _prepend(p / "content/en/faq.md", b"\xef\xbb\xbf"),
                                            "content/en/faq.md:1: saved with a byte-order mark (BOM): save it as UTF-8 without BOM"),
    "a page in Shift_JIS": (lambda p: (p / "content/ja/faq.md").write_bytes("# よくある質問\n".encode("shift_jis")),
                            "content/ja/faq.md:1: not UTF-8 (byte 0x82): save it as UTF-8"),
    "a right-to-left override in a page": (lambda p: _append(p / "content/en/faq.md", "Call \u202e0120\n"),
                                           "content/en/faq.md:{n}: invisible character U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    "a data file with a byte-order mark": (lambda p: _prepend(p / "data/fees.yml", b"\xef\xbb\xbf"),
                                           "data/fees.yml:1: saved with a byte-order mark (BOM)"),
    "a catalog in UTF-16": (lambda p: (p / "locales/en.po").write_bytes((p / "locales/en.po").read_text(encoding="utf-8").encode("utf-16")),
                            "locales/en.po:1: not UTF-8 (byte 0xff)"),
    "a control character in a translation": (lambda p: _replace(p / "locales/en.po", 'msgstr "Weekdays"', 'msgstr "Week\x07days"'),
                                             "locales/en.po:{po}: invisible character U+0007"),
    "a language without its glossary": (lambda p: (p / "data/glossary/en.yml").unlink(),
                                        "data/glossary/en.yml:1: file missing: every language has its glossary"),
    "a glossary of a language the guidebook has not": (lambda p: (p / "data/glossary/fr.yml").write_bytes((p / "data/glossary/en.yml").read_bytes()),
                                                       "data/glossary/fr.yml:1: not a language with a glossary"),
    "glossary term missing in a language": (lambda p: _replace(p / "data/glossary/en.yml", "pin: PIN\n", ""),
                                            "data/glossary/en.yml:1: pin: term missing (ja: 暗証番号)"),
}


@pytest.mark.parametrize("case", REFUSED_BY_CHECK, ids=str)
def test_refused_by_check(tmp_path, case):
    project = copy_project(tmp_path / "project")
    edit, expected = REFUSED_BY_CHECK[case]
    edit(project)
    faq = project / "content/en/faq.md"
    expected = expected.replace("{n}", str(_line_count(faq)) if faq.exists() else "")
    po = _line_of(ROOT / "locales/en.po", 'msgstr "Weekdays"')
    expected = expected.replace("{po}", str(po)).replace("{po+1}", str(po + 1)).replace("{po-1}", str(po - 1))
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout
    assert expected in result.stdout, result.stdout[-2000:]


# Mistakes only the build can see: it stops with the page and the macro's message.
REFUSED_BY_BUILD = {
    "component called with a wrong argument": ('{{ hours_table("minato") }}', "no office 'minato'"),
    "component called without its argument": ("{{ hours_table() }}", "hours_table(): missing a required argument: 'office'"),
    "unknown macro": ("{{ opening_hours() }}", "'opening_hours' is not a macro of the guidebook"),
    "Python reached through a macro": ('{% set b = fact.__globals__["__builtins__"] %}{{ b.__import__("os").getcwd() }}',
                                       "{% set %} is not allowed in a page"),
    "a number made by arithmetic": ("{{ 100 + 200 }}", "found arithmetic"),
    "another file included": ('{% include "mkdocs.yml" %}', "{% include %} is not allowed in a page"),
    "a variable of the build": ("{{ config.site_name }}", "found an attribute access"),
    "a raw HTML link to javascript:": ('<a href="javascript:alert(1)">x</a>', "links must use https"),
    "an autolink to http:": ("<http://example.org/>", "links must use https"),
    "a reference link to http:": ("See [it][r].\n\n[r]: http://example.org/", "links must use https"),
    "an image from another site": ("![logo](https://example.org/logo.png)", "images must come from the site"),
    "a raw HTML link to a site not on the list": ('<a href="https://example.org/">x</a>', "example.org is not a site of data/hosts.yml"),
    "wrong form of a fact": ('{{ fact("fees.reissue.card", "weekday") }}', "unknown form 'weekday'"),
    "a fact with no single value": ('{{ fact("offices.center.hours") }}', "cannot be shown as one value"),
}


@pytest.mark.parametrize("case", REFUSED_BY_BUILD, ids=str)
def test_refused_by_build(tmp_path, case, monkeypatch):
    project = copy_project(tmp_path / "project")
    call, words = REFUSED_BY_BUILD[case]
    _append(project / "content/ja/faq.md", f"\n{call}\n")
    monkeypatch.setenv("GUIDEBOOK_LANGUAGE", "ja")  # one language is enough to see the refusal
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "ja/faq.md" in result.stderr and words in result.stderr, result.stderr[-2000:]
    assert not (tmp_path / "site" / "faq").exists()


def test_a_macro_error_names_the_line_of_the_file(tmp_path, monkeypatch):
    """The line of a wrong macro call is the file's, front matter counted (a translated page
    has some), and its message is the macro's."""
    project = copy_project(tmp_path / "project")
    page = project / "content/en/faq.md"
    _append(page, '\nSee {{ hours_table("minato") }} below.\n')
    monkeypatch.setenv("GUIDEBOOK_LANGUAGE", "en")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/en/faq.md:{_line_count(page)}: hours_table(): no office 'minato'" in result.stderr, result.stderr[-2000:]


# Sources only the build reads whole: it stops with the file and what is wrong in it.
STOPPED_BUILD = {
    "a page with a byte-order mark": ("ja", lambda p: _prepend(p / "content/ja/faq.md", b"\xef\xbb\xbf"),
                                      "content/ja/faq.md:1: saved with a byte-order mark (BOM)"),
    # The 404 page's title goes into the theme's template, which does not escape: refused.
    "HTML in a translation": ("en", lambda p: _replace(p / "locales/en.po", 'msgstr "Page not found"',
                                                       'msgstr "<script>alert(document.domain)</script>"'),
                              "locales/en.po: the translation of 'ページが見つかりません' holds HTML"),
    # The languages are guidebook/languages.py's: one added in mkdocs.yml alone has no catalog,
    # formatting or glossary.
    "a language in mkdocs.yml only": ("ja", lambda p: _replace(p / "mkdocs.yml", "        - locale: ja\n",
                                                               "        - locale: fr\n          name: Français\n"
                                                               "          build: true\n        - locale: ja\n"),
                                      "mkdocs.yml: the language(s) fr are not the guidebook's"),
}


@pytest.mark.parametrize("case", STOPPED_BUILD, ids=str)
def test_a_bad_source_stops_the_build(tmp_path, case, monkeypatch):
    lang, edit, expected = STOPPED_BUILD[case]
    project = copy_project(tmp_path / "project")
    edit(project)
    monkeypatch.setenv("GUIDEBOOK_LANGUAGE", lang)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr, result.stderr[-2000:]


def test_markdown_in_translations_and_data_stays_text(tmp_path, monkeypatch):
    """A link or emphasis written into a translation is shown as written: no link, no tag."""
    from bs4 import BeautifulSoup

    project = copy_project(tmp_path / "project")
    written = "[Card Center](javascript:alert(1)) **now** _x_ `y`"
    # The Center's name: data wording, shown inside sentences (Markdown paragraphs).
    _replace(project / "locales/en.po", 'msgstr "Minato City My Number Card Center"', f'msgstr "{written}"')
    monkeypatch.setenv("GUIDEBOOK_LANGUAGE", "en")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    page = BeautifulSoup((tmp_path / "site/offices/index.html").read_text(encoding="utf-8"), "lxml")
    article = page.select_one("article")
    assert written in article.get_text(), "the translation is not shown as written"
    assert not article.select("a[href^='javascript:']"), "a link written into a translation became a link"
    made = [el for el in article.select("strong, em, code") if el.get_text() in ("now", "x", "y")]
    assert not made, f"Markdown in a translation became markup: {made}"


def test_an_unexpected_error_in_the_build_is_one_line_naming_the_page(tmp_path, monkeypatch):
    """A failure that no check foresaw (here, a fault put into a copy of the code) still stops
    the build with a line naming the page and the code's line, no traceback."""
    project = copy_project(tmp_path / "project")
    _replace(project / "guidebook/page_macros.py", '    where = f"content/{env.page.file.src_uri}"\n',
             '    where = f"content/{env.page.file.src_uri}"\n    if "faq" in where:\n        raise KeyError("fault")\n')
    monkeypatch.setenv("GUIDEBOOK_LANGUAGE", "ja")
    result = build(project, tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "Error reading page 'ja/faq.md'" in result.stderr, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1].startswith("guidebook build: error: KeyError: 'fault' (at guidebook/page_macros.py:")


def test_an_unexpected_error_in_the_check_is_one_line_naming_the_file(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content/ja/notes.md").mkdir()  # a folder named like a page
    result = subprocess.run([sys.executable, "-m", "guidebook.cli", "check"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stderr.strip() == "guidebook check: error: content/ja/notes.md: Is a directory", result.stderr
