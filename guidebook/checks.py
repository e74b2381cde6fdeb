"""Every check an editor can run without building the site (``guidebook check``): data/
against its schema, the catalogs, the pages of every language, their links, the numbers typed
into them, and translation freshness. The tests use the same functions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import addresses, catalog, freshness, page_jinja, text_files
from .components import PAGE_MACROS
from .errors import DataError, MacroError
from .languages import LANGUAGES, SOURCE

CONTENT = freshness.CONTENT
MACRO_CALL = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# Markdown's ordered-list marker: the numbers a reader sees come from the list, not the text.
LIST_MARKER = re.compile(r"^[ \t]*1\.[ \t]", re.M)
# Front matter is metadata no reader sees (a translation's source hash).
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
# mkdocs-macros' keys of a page: `render_macros: true` would run the rendered page through Jinja again.
MACRO_SWITCHES = ("render_macros", "ignore_macros")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LINK = re.compile(r"\]\(([^)\s]+)\)")
FACT_CALL = re.compile(r"""\b(?:fact|words|words_list)\(\s*["']([^"']+)["']""")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
ANCHOR = re.compile(r"\{\s*#([\w-]+)\s*\}")
# Raw HTML that would run, load or restyle something: pages hold text, links and images.
ACTIVE_HTML = re.compile(r"<(?:script|style|iframe|frame|object|embed|form|base|meta|link|svg|math)\b"
                         r"|<[a-z][^>]*\s(?:on[a-z]+|style|srcdoc|formaction)\s*=", re.I)


@dataclass(frozen=True)
class Finding:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @classmethod
    def of(cls, error: DataError) -> list[Finding]:
        """The problems of a DataError (data/, or a file that could not be read) as findings."""
        return [cls(*str(problem).split(": ", 1)) for problem in error.problems]


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def page_problems(text: str, translated: bool) -> list[tuple[int, str]]:
    """(line, what is wrong) in a page's source, before anything of it is rendered: its front
    matter, ids given twice, an empty translation, active HTML, and Jinja other than macro calls."""
    problems = []
    front = FRONT_MATTER.match(text)
    if text.startswith("---") and not front:
        problems.append((1, "front matter begun with --- but not closed with a line ---"))
    elif front:
        try:
            meta = yaml.safe_load(front.group(0)[4:-4])
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problems.append((mark.line + 2 if mark else 1, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}"))
        else:
            if meta is not None and not isinstance(meta, dict):
                problems.append((2, "front matter must be keys and values (source_hash: ...)"))
            for key in MACRO_SWITCHES if isinstance(meta, dict) else ():
                if key in meta:
                    line = next((n for n, written in enumerate(front.group(0).splitlines(), 1) if key in written), 2)
                    problems.append((line, f"{key}: not a key of a page (its macro calls are always rendered, "
                                           f"by the guidebook)"))
    body = _without_front_matter(text)
    if translated and not body.strip():
        problems.append((1, "the page is empty: translate the Japanese page, or leave the file out"))
    seen: dict[str, int] = {}
    for n, line in enumerate(body.splitlines(), 1):
        for anchor in ANCHOR.findall(line):
            if anchor in seen:
                problems.append((n, f"id #{anchor} given twice (first on line {seen[anchor]})"))
            seen.setdefault(anchor, n)
        problems += [(n, f"{m.group(0)[:40]!r}: a page cannot hold scripts, styles, frames, forms or event "
                         f"handlers (write text, links and images)") for m in ACTIVE_HTML.finditer(line)]
    markdown, first_line = page_jinja.markdown_of(text)
    return problems + page_jinja.refused(markdown, PAGE_MACROS, first_line)


def _without_front_matter(markdown: str) -> str:
    """The page with its front matter blanked: what macros render, on the same lines."""
    front = FRONT_MATTER.match(markdown)
    return _blank(front) + markdown[front.end():] if front else markdown


def typed_digits(markdown: str) -> list[tuple[int, str]]:
    """(line, text) of each line with a digit written outside macro calls and list markers."""
    markdown = _without_front_matter(markdown)
    stripped = LIST_MARKER.sub(_blank, MACRO_CALL.sub(_blank, markdown))
    return [(n, line.strip()) for n, line in enumerate(stripped.splitlines(), 1) if any(ch.isdigit() for ch in line)]


def content_findings(content: Path = CONTENT, book=None) -> list[Finding]:
    """Pages of every language, numbers typed into them, their links, and (given the data)
    the facts their macros name."""
    findings = []
    source_pages = sorted(p.name for p in (content / SOURCE).glob("*.md"))
    findings += [Finding(str(path.relative_to(content.parent)), "a symbolic link: pages must be files in content/")
                 for path in sorted(content.rglob("*")) if path.is_symlink()]
    for lang in LANGUAGES:
        folder = content / lang
        pages = sorted(p.name for p in folder.glob("*.md"))
        findings += [Finding(f"content/{lang}/{page}", "page missing (every language has every page)")
                     for page in sorted(set(source_pages) - set(pages))]
        findings += [Finding(f"content/{lang}/{page}", "page has no Japanese source")
                     for page in sorted(set(pages) - set(source_pages))]
        texts = {}
        for page in pages:
            try:
                texts[page] = text_files.read(folder / page, f"content/{lang}/{page}")
            except DataError as exc:
                findings += Finding.of(exc)
        # A page that could not be read still exists: links to it are judged once it is readable.
        anchors = {page: set(ANCHOR.findall(texts[page])) if page in texts else None for page in pages}
        for page, text in texts.items():
            where = f"content/{lang}/{page}"
            findings += [Finding(f"{where}:{n}", f"a number typed outside a macro: {line[:60]}")
                         for n, line in typed_digits(text)]
            findings += [Finding(f"{where}:{n}", problem) for n, problem in page_problems(text, lang != SOURCE)]
            for n, line in enumerate(text.splitlines(), 1):
                for path in FACT_CALL.findall(line) if book is not None else ():
                    try:
                        book.fact(path)
                    except KeyError as exc:
                        findings.append(Finding(f"{where}:{n}", f"{exc.args[0]}: correct the path (see data/)"))
                findings += [Finding(f"{where}:{n}", problem)
                             for problem in addresses.problems_in(line, book.hosts if book is not None else None)]
                for target in LINK.findall(line):
                    problem = _link_problem(target, page, anchors)
                    if problem:
                        findings.append(Finding(f"{where}:{n}", problem))
    return findings


def _link_problem(target: str, page: str, anchors: dict[str, set | None]) -> str | None:
    if SCHEME.match(target):  # an address of another site: addresses.problems_in judges the whole line
        return None if addresses.ADDRESS.match(target) else f"link {target[:80]}: links must use https"
    name, _, anchor = target.partition("#")
    name = name or page
    if name not in anchors:
        return f"link to {target}: no page {name} in this language"
    if anchor and anchors[name] is not None and anchor not in anchors[name]:
        return f"link to {target}: {name} has no heading {{ #{anchor} }}"
    return None


def catalog_findings(book, locales_dir: Path = catalog.LOCALES_DIR) -> list[Finding]:
    wanted = catalog.source_messages(book)
    findings = []
    for lang in LANGUAGES:
        if lang == SOURCE:
            continue
        path = catalog.catalog_path(lang, locales_dir)
        where = f"locales/{lang}.po"
        if not path.exists():
            findings.append(Finding(where, "catalog missing (run guidebook catalogs)"))
            continue
        try:
            messages = catalog.read_catalog(path)
        except MacroError as exc:  # file:line: what is wrong, one per line
            findings += [Finding(line.split(": ", 1)[0], line.split(": ", 1)[1]) for line in str(exc).splitlines()]
            continue
        for msgid, plural in wanted.items():
            message = messages.get(msgid)
            strings = catalog.strings_of(message)
            if message is None or not all(strings):
                findings.append(Finding(where, f"no translation of {msgid!r}"))
            elif message.fuzzy:
                findings.append(Finding(where, f"fuzzy translation of {msgid!r}"))
            elif plural != isinstance(message.string, tuple):
                findings.append(Finding(where, f"{msgid!r} {'must' if plural else 'must not'} be a plural entry"))
            for string in strings:
                if string and sorted(PLACEHOLDER.findall(string)) != sorted(PLACEHOLDER.findall(msgid)):
                    findings.append(Finding(where, f"placeholders of {msgid!r} differ in {string!r}"))
                elif string and any(ch.isdigit() for ch in PLACEHOLDER.sub("", string)):
                    findings.append(Finding(where, f"a number typed into a translation: {string!r}"))
                elif "<" in string or ">" in string:
                    findings.append(Finding(where, f"HTML in the translation of {msgid!r}: write the words only"))
                findings += [Finding(where, f"translation of {msgid!r}: {problem}")
                             for problem in addresses.problems_in(string, book.hosts)]
        unused = {m.id[0] if isinstance(m.id, tuple) else m.id for m in messages if m.id} - set(wanted)
        findings += [Finding(where, f"no longer used: {msgid!r} (run guidebook catalogs)") for msgid in sorted(unused)]
    return findings


def freshness_findings(content: Path = CONTENT) -> list[Finding]:
    """Translations whose Japanese page changed since (missing pages are content findings)."""
    return [Finding(f"content/{s.lang}/{s.page}", f"the Japanese page changed: update the translation, then "
                    f"guidebook freshness --stamp {s.lang} {s.page}")
            for s in freshness.report(content) if s.state == freshness.STALE]
