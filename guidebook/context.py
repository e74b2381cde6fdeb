"""What a component needs to render in one language: the facts, the formatter, the catalog."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import catalog, facts
from .data import Guidebook
from .catalog import NP_
from .errors import MacroError
from .formatting import Formatter, formatter
from .inert import inert

TEMPLATES = Path(__file__).resolve().parent / "templates"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Formatter methods a page may ask for by name, beside the one a value's type implies.
FORMS = ("month_day", "year_month", "ordinal")
DURATIONS = {
    "minutes": NP_("{n}分"), "hours": NP_("{n}時間"), "days": NP_("{n}日"),
    "weeks": NP_("{n}週間"), "months": NP_("{n}か月"), "years": NP_("{n}年"),
}


@dataclass
class Context:
    lang: str
    book: Guidebook
    locales_dir: Path = field(default=catalog.LOCALES_DIR)

    @cached_property
    def fmt(self) -> Formatter:
        return formatter(self.lang)

    def _(self, msgid: str, **params) -> Markup:
        """A label in this language; {name} placeholders are filled with the (escaped) params."""
        text = catalog.translate(self.lang, msgid, self.locales_dir)
        missing = set(_PLACEHOLDER.findall(text)) ^ set(params)
        if missing:
            raise MacroError(f"label {msgid!r} in {self.lang!r}: placeholders and values differ: {sorted(missing)}")
        return _filled(text, params)

    def value(self, path: str):
        try:
            return self.book.fact(path)
        except KeyError as exc:
            raise MacroError(exc.args[0]) from None

    def fact(self, path: str, form: str | None = None) -> Markup:
        """A fact formatted for this language and marked with its path. ``form`` picks a
        formatter method instead of the one the value's type implies (``"month_day"``), or
        a count as a duration with its unit in the language's plural (``"weeks"``: "1 week")."""
        value = self.value(path)
        if form is None:
            try:
                return facts.render(path, value, self.fmt)
            except TypeError as exc:
                raise MacroError(f"fact {path!r}: {exc}") from None
        if form in DURATIONS:
            counted = catalog.translate_plural(self.lang, DURATIONS[form], value, self.locales_dir)
            return facts.mark(path, counted.replace("{n}", self.fmt.number(value)), form)
        if form not in FORMS:
            raise MacroError(f"fact {path!r}: unknown form {form!r}; expected one of: {', '.join(FORMS + tuple(DURATIONS))}")
        try:
            return facts.render(path, value, self.fmt, form)
        except (TypeError, AttributeError, ValueError) as exc:
            raise MacroError(f"fact {path!r} cannot be shown as {form!r}: {exc}") from None

    def words(self, path: str) -> Markup:
        """Japanese wording that belongs to a fact (a name), in this language."""
        value = self.value(path)
        if not isinstance(value, str):
            raise MacroError(f"{path!r} is not wording (a *_ja field); use fact() for values")
        return facts.mark(path, catalog.translate(self.lang, value, self.locales_dir), "words")

    def words_list(self, path: str) -> Markup:
        """A list of wording in data/ (``konbini.stores_ja``) joined as a list in this language."""
        items = self.value(path)
        if not isinstance(items, list):
            raise MacroError(f"{path!r} is not a list of wording")
        return self.join([self.words(f"{path}.{i}") for i in range(len(items))])

    def sentence(self, path: str) -> Markup:
        """A data sentence (id, text_ja, params) in this language, its placeholders filled with facts."""
        item = self.value(path)
        text = catalog.translate(self.lang, item.text_ja, self.locales_dir)
        values = {name: self.fact(target) for name, target in item.params.items()}
        if set(_PLACEHOLDER.findall(text)) != set(values):
            raise MacroError(f"translation of {path!r} in {self.lang!r} must keep the placeholders {sorted(values)}")
        return _filled(text, values)

    def date_mark(self, day, text: str) -> Markup:
        """A date of the calendar (not a fact of data/), marked so that tests can trace its numbers."""
        return Markup('<span data-date="{}">{}</span>').format(day.isoformat(), text)

    def join(self, parts, style: str = "standard") -> Markup:
        """Items joined as a list in this language ("a, b and c"; "a、b、c"); each item escaped."""
        return Markup(self.fmt.list([str(inert(part)) for part in parts], style=style))

    @cached_property
    def _helpers(self) -> dict:
        """What every component template can call, bound to this language."""
        return dict(_=self._, fact=self.fact, words=self.words, sentence=self.sentence, join=self.join,
                    date_mark=self.date_mark, value=self.value, fmt=self.fmt, lang=self.lang, book=self.book)

    def render(self, template: str, **params) -> Markup:
        """A component's template, on one line: Markdown keeps a raw HTML block only up to a blank line."""
        html = _templates().get_template(template).render(**self._helpers, **params)
        return Markup("".join(line.strip() for line in html.splitlines()))


def _filled(text: str, values: dict) -> Markup:
    """``text`` inert, its {name} placeholders replaced by the (inert) values."""
    parts = _PLACEHOLDER.split(text)  # literal, name, literal, name, ..., literal
    return Markup("".join(str(inert(values[part] if i % 2 else part)) for i, part in enumerate(parts)))


@cache
def _templates() -> Environment:
    """One environment for every language and build: each template is compiled once per process
    (eleven language builds, and every rebuild of a preview server; auto_reload sees edits)."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.do"], auto_reload=True)
