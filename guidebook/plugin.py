"""The guidebook's MkDocs plugin (mkdocs.yml ``plugins: - guidebook``, registered in
pyproject.toml): the site address, name and copyright from data/ and the catalogs; the links and
scripts of each page checked; the Easy Japanese edition and its readings; JSON-LD, open data and
the 404 page of each language."""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.observers
from jinja2 import FileSystemBytecodeCache
from mkdocs.config import config_options as option
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from . import addresses, csp, furigana, japanese_terms, language_of_parts, open_data, rules, whole_words
from .catalog import N_, translate
from .data import load_cached, site_url
from .errors import MacroError
from .languages import EASY, LANGUAGES, SOURCE, folder, hreflang, html_lang, root

COPYRIGHT = N_("発行：港区")
NOT_FOUND_TITLE = N_("ページが見つかりません")
NOT_FOUND_TEXT = N_("お探しのページは見つかりませんでした。アドレスを確かめるか、トップページからお探しください。")
NOT_FOUND_HOME = N_("トップページへ")
# The language menu's label, in the page's language and, for a reader who cannot read that, in
# English (overrides/partials/alternate.html).
LANGUAGE_LABEL = N_("言語")


class GuidebookConfig(Config):
    # The folder of the site that receives the open data: every fact as JSON, the offices as CSV.
    open_data = option.Type(str, default="data")
    # Readings over the kanji of the Easy Japanese pages (off: a quicker preview of their text).
    readings = option.Type(bool, default=True)
    # One language only, built at the site root (a quick preview): static-i18n's
    # build_only_locale, which would know only the languages mkdocs.yml lists.
    only_language = option.Optional(option.Type(str))


class GuidebookPlugin(BasePlugin[GuidebookConfig]):
    def __init__(self) -> None:
        # The Japanese 404 page: static-i18n builds every language into the same site folder,
        # and each build would write /404.html in its own language.
        self._source_404: str | None = None

    def on_env(self, env, config, files):
        # static-i18n builds each language with a new Jinja environment for the theme, which
        # would parse and compile the same templates again; and `mkdocs serve` makes a new
        # plugin for each rebuild.
        env.bytecode_cache = compiled_templates(env)
        return env

    def on_serve(self, server, config, builder):
        """`mkdocs serve` finds a change by reading the watched folders every half second; the
        system's own notices (watchdog's native observer: inotify, FSEvents, ...) come at once,
        a third of a preview's wait. The folders mkdocs watches before this hook move to it
        (through the server's watch and unwatch); mkdocs.yml's ``watch:`` is added after."""
        moved = []
        for path in (config.docs_dir, config.config_file_path, *config.theme.dirs):
            try:
                server.unwatch(path)
            except KeyError:  # not watched: the theme's folders without --watch-theme
                continue
            moved.append(path)
        server.observer = watchdog.observers.Observer()
        for path in moved:
            server.watch(path)
        return server

    def on_config(self, config):
        # One place for the address: data/publication.yml. Runs before static-i18n derives each
        # language's address from it. GUIDEBOOK_SITE_URL serves a build from another address
        # (a local preview, the browser tests) without touching the data.
        book = load_cached()
        config.site_url = site_url(book)
        # The site's name and copyright line in each language: the guidebook's title in data/
        # and a label, through the catalogs (static-i18n applies them per language after this).
        config.site_name = book.publication.title_ja
        i18n = config.plugins.get("i18n")
        if i18n:
            _add_languages(i18n.config.languages, self.config.only_language)
        for language in i18n.config.languages if i18n else ():
            language.site_name = _attribute_safe(translate(language.locale, book.publication.title_ja))
            language.copyright = _attribute_safe(translate(language.locale, COPYRIGHT))
        return config

    def on_files(self, files, config):
        """Only files inside content/: a symbolic link must not publish files from elsewhere."""
        docs = Path(config.docs_dir).resolve()
        inside = {source: Path(source).resolve() == docs for source in {file.src_dir for file in files} - {None}}
        for file in files:
            if not inside.get(file.src_dir):  # the theme's files
                continue
            if not Path(file.abs_src_path).resolve().is_relative_to(docs):
                raise PluginError(f"content/{file.src_uri}: a symbolic link out of content/: pages must be files in it")
        return files

    def on_page_content(self, html: str, page, config, files) -> str:
        """Links written as raw HTML, references or autolinks get the same rule as Markdown links
        (guidebook check): https or within the site; images only from the site. The first use of
        each glossary term gets its Japanese (japanese_terms); Japanese quoted in another language
        is marked lang="ja" (language_of_parts)."""
        book, lang = load_cached(), config.theme["language"]
        for attribute, target in _HREF.findall(html):
            bad = not _ALLOWED.match(target) or (attribute == "src" and target.startswith("https://"))
            if bad:
                raise PluginError(f"content/{page.file.src_uri}: {attribute}={target[:80]!r}: links must use https "
                                  f"or stay in the site, and images must come from the site")
            problem = addresses.problem(target, book.hosts) if target.startswith("https://") else None
            if problem:
                raise PluginError(f"content/{page.file.src_uri}: {problem}")
        html = japanese_terms.annotate(html, lang, book.glossary, book.readings)
        return language_of_parts.mark(html, lang)

    @event_priority(-200)  # after static-i18n has set this page's alternates
    def on_post_page(self, output: str, page, config) -> str:
        if config.theme["language"] == EASY and self.config.readings:
            output = _with_readings(output)
        output = whole_words.keep_whole(output, config.theme["language"])
        head = _structured_data(page.file.src_uri.split("/")[-1], config.theme["language"])
        output = output.replace("</head>", "".join(f"  {item}\n" for item in head) + "  </head>", 1)
        return content_security_policy(_without_alternates(output), f"content/{page.file.src_uri}", config)

    def on_post_build(self, config):
        """Open data beside the site: every fact, and the offices in the public-facility columns."""
        if config.theme["language"] != SOURCE:
            return
        book = load_cached()
        folder = Path(config.site_dir) / self.config.open_data
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "guidebook.json").write_text(open_data.guidebook_json(book), encoding="utf-8")
        # UTF-8 with a byte-order mark: the encoding the open-data guidelines ask for, read by spreadsheets.
        (folder / "offices.csv").write_text(open_data.offices_csv(book), encoding="utf-8-sig")

    def on_page_context(self, context, page, config, nav):
        context.update(_frame(config.theme["language"]))
        return context

    def on_template_context(self, context, template_name, config):
        context.update(_frame(config.theme["language"]))
        if template_name == "404.html":
            lang = config.theme["language"]
            context["not_found"] = {key: translate(lang, msgid) for key, msgid in
                                    (("title", NOT_FOUND_TITLE), ("text", NOT_FOUND_TEXT), ("home", NOT_FOUND_HOME))}
            # A missing page has no counterpart in another language: the menu leads to each
            # language's home page (static-i18n's alternates are still those of the last page).
            home = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            context["guidebook_menu"] = [{"lang": code, "name": name, "link": home + folder(code)}
                                         for code, name in LANGUAGES.items()]
        return context

    def on_post_template(self, output: str, template_name: str, config) -> str:
        """Each language gets its own /<lang>/404.html; /404.html is the Japanese one, whichever
        language is built last."""
        if template_name != "404.html":
            return output
        lang = config.theme["language"]
        output = whole_words.keep_whole(output, lang)
        if lang == SOURCE:
            self._source_404 = output = _without_alternates(output)
            return content_security_policy(output, "404.html", config)
        target = root(Path(config.site_dir), lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content_security_policy(_without_alternates(output), f"{lang}/404.html", config),
                          encoding="utf-8")
        # Before the Japanese build, this language's page stands in; the Japanese build replaces it.
        return content_security_policy(self._source_404 or output, "404.html", config)


def compiled_templates(env) -> FileSystemBytecodeCache:
    """The theme's templates compiled once and kept by Jinja in its folder of the temporary
    directory (the user's own, mode 0700), for every language's environment and every build:
    Jinja reuses a template's code while its source (checksum), file and Python are unchanged.
    The environment's extensions name the files: the code depends on them too."""
    extensions = hashlib.sha256(" ".join(sorted(env.extensions)).encode()).hexdigest()[:16]
    return FileSystemBytecodeCache(pattern=f"guidebook-{extensions}-%s.cache")


def _add_languages(languages, only: str | None) -> None:
    """mkdocs.yml names the source language only: the others are those of guidebook/languages.py,
    added here in the menu's order from the source's entry (static-i18n reads the list after
    this). Easy Japanese is among them although static-i18n's configuration takes only ISO 639
    codes: it is Japanese (lang="ja") in the folder /easy/."""
    given = {language.locale: language for language in languages}
    unknown = sorted(set(given) - set(LANGUAGES))
    if unknown:
        raise PluginError(f"mkdocs.yml: the language(s) {', '.join(unknown)} are not the guidebook's "
                          f"(guidebook/languages.py lists them: {', '.join(LANGUAGES)})")
    if SOURCE not in given:
        raise PluginError(f"mkdocs.yml: the i18n plugin must name the source language, {SOURCE!r}")
    for code in LANGUAGES:
        if code not in given:
            given[code] = copy.deepcopy(given[SOURCE])
            given[code].locale, given[code].name, given[code].default = code, LANGUAGES[code], False
            given[code].link = "/" + folder(code)
    languages[:] = [given[code] for code in LANGUAGES]
    if only is not None:
        if only not in LANGUAGES:
            raise PluginError(f"only_language {only!r} (GUIDEBOOK_LANGUAGE): not one of {', '.join(LANGUAGES)}")
        for language in languages:
            language.default = language.build = language.locale == only


def _attribute_safe(text: str) -> str:
    """The theme prints the site's name unescaped, in text and in attributes: refuse what would
    end an attribute or start an entity (translations hold no HTML; catalog.translate)."""
    if '"' in text or "&" in text:
        raise PluginError(f"site name or copyright {text!r}: no \" or & (write the words only)")
    return text


# Where a page's links may lead and its images come from: https to a host of data/hosts.yml,
# the site itself, a phone.
_HREF = re.compile(r'\b(href|src)="([^"]*)"')
_ALLOWED = re.compile(r"^(?:https://|tel:|mailto:|#|\.{0,2}/(?!/)|[\w.-]+(?:/|\.html|\.pdf|\.png|\.svg|$)|data:image/)")
_ARTICLE = re.compile(r'(<article\b[^>]*>)(.*?)(</article>)', re.S)
_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]+">')


def _with_readings(html: str) -> str:
    """Easy Japanese: readings over the kanji of the page's text (the article; after the search
    index has taken the page's words, which a reader types without readings)."""
    readings = furigana.reviewed_readings(load_cached())
    return _ARTICLE.sub(lambda m: m.group(1) + furigana.annotate(m.group(2), readings) + m.group(3), html, count=1)


def _without_alternates(html: str) -> str:
    """The language alternates are in sitemap.xml (static-i18n writes them there, guidebook build
    adds x-default): in a page's head, Material's language switcher would fetch a sitemap.xml
    beside each of them, a request that fails on every page view."""
    return _ALTERNATE.sub("", html)


def content_security_policy(html: str, where: str, config) -> str:
    """The CSP from the scripts the theme ships (guidebook/csp.py); any other inline script stops the build."""
    try:
        # static-i18n adds its sitemap folder to the theme's folders again for each language:
        # the same folders, once each, so that the theme's scripts are read once per run.
        return csp.with_policy(html, where, tuple(dict.fromkeys(config.theme.dirs)))
    except MacroError as exc:
        raise PluginError(str(exc)) from None


def _structured_data(page_name: str, lang: str) -> list[str]:
    """schema.org JSON-LD for the pages about the offices and the hotlines."""
    book = load_cached()
    if page_name == "offices.md":
        start, end = rules.calendar_window(book)
        return [open_data.script(open_data.office_jsonld(book, lang, office, start, end)) for office in book.offices]
    if page_name == "contacts.md":
        return [open_data.script(open_data.hotline_jsonld(book, lang, line)) for line in book.hotlines]
    return []


def _frame(lang: str) -> dict:
    """What the page frame's templates need beside the theme's: its own labels, and each
    language's tag (lang="…") and edition tag (hreflang, overrides/partials/alternate.html)."""
    return {"guidebook_labels": _labels(lang),
            "guidebook_lang_tags": {code: html_lang(code) for code in LANGUAGES},
            "guidebook_hreflangs": {code: hreflang(code) for code in LANGUAGES}}


def _labels(lang: str) -> dict[str, str]:
    """The page frame's own labels (the theme's come from Material's language files)."""
    own, english = translate(lang, LANGUAGE_LABEL), translate("en", LANGUAGE_LABEL)
    return {"language": own if own == english else f"{own} / {english}"}
