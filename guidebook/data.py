"""Load data/, validate every file against its model, check ids and references, and look
facts up by their dotted path (``fees.certificates.juminhyo.counter``).

Every problem is collected before stopping, each with file, line and field."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import addresses, yaml_source
from .errors import DataError, Problem
from .languages import EASY, SOURCE, TRANSLATIONS
from .models import FILES
from .values import Id, Text

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Guidebook:
    """All facts, one attribute per file of data/."""

    files: dict[str, object]
    sources: dict[str, yaml_source.Source]
    glossary: dict[str, dict[str, str]]

    def __getattr__(self, name):
        try:
            return self.files[name]
        except KeyError:
            raise AttributeError(name) from None

    def fact(self, path: str):
        """The value at a dotted path; a list is entered by the ``id`` of its items."""
        value: object = self.files
        for step in path.split("."):
            value = _step(value, step)
            if value is _MISSING:
                raise KeyError(f"no fact {path!r} in data/ (stopped at {step!r})")
        return value


_MISSING = object()


def _step(value, step: str):
    if isinstance(value, dict):
        return value.get(step, _MISSING)
    if isinstance(value, list) and step.isdigit():
        return value[int(step)] if int(step) < len(value) else _MISSING
    if isinstance(value, list):
        return next((item for item in value if getattr(item, "id", None) == step), _MISSING)
    if isinstance(value, BaseModel) and (step in type(value).model_fields or step in type(value).model_computed_fields):
        return getattr(value, step)
    return _MISSING


def load(data_dir: Path = DATA_DIR) -> Guidebook:
    problems: list[Problem] = []
    sources: dict[str, yaml_source.Source] = {}
    files: dict[str, object] = {}
    present = {p.stem: p for p in sorted(data_dir.glob("*.yml"))}
    for stem in sorted(set(present) - set(FILES)):
        problems.append(Problem(present[stem], 1, "", f"unknown data file; expected one of: {', '.join(sorted(FILES))}"))
    for stem, model in FILES.items():
        path = present.get(stem)
        if path is None:
            problems.append(Problem(data_dir / f"{stem}.yml", 1, "", "file missing"))
            continue
        try:
            source = yaml_source.load(path)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        sources[stem] = source
        problems.extend(_duplicate_ids(source))
        try:
            files[stem] = TypeAdapter(model).validate_python(source.value)
        except ValidationError as exc:
            problems.extend(_located(source, error) for error in exc.errors())
    glossary = _load_glossary(data_dir / "glossary", problems)
    if not problems:
        guidebook = Guidebook(files, sources, glossary)
        problems.extend(_check_references(guidebook))
        if not problems:
            return guidebook
    raise DataError(problems)


def _load_glossary(folder: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """data/glossary/<lang>.yml: the official term of each concept; ja.yml names the concepts."""
    adapter = TypeAdapter(dict[Id, Text])
    glossary: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            source = yaml_source.load(path)
            glossary[path.stem] = adapter.validate_python(source.value)
        except DataError as exc:
            problems.extend(exc.problems)
        except ValidationError as exc:
            problems.extend(_located(source, error) for error in exc.errors())
    concepts = glossary.get("ja")
    if concepts is None:
        problems.append(Problem(folder / "ja.yml", 1, "", "file missing: it names the concepts of the glossary"))
        return glossary
    written = (SOURCE, *TRANSLATIONS)
    for lang in written:
        if lang not in glossary:
            problems.append(Problem(folder / f"{lang}.yml", 1, "", "file missing: every language has its glossary"))
    for lang in sorted(set(glossary) - set(written)):
        problems.append(Problem(folder / f"{lang}.yml", 1, "", f"not a language with a glossary "
                                                               f"({', '.join(written)}): remove the file or add the language"))
    for lang, terms in glossary.items():
        path = folder / f"{lang}.yml"
        for term in sorted(set(concepts) - set(terms)):
            problems.append(Problem(path, 1, term, f"term missing (ja: {concepts[term]})"))
        for term in sorted(set(terms) - set(concepts)):
            problems.append(Problem(path, yaml_source.load(path).line_of((term,)), term, "not a concept of glossary/ja.yml"))
    glossary[EASY] = concepts  # Easy Japanese keeps the official terms, and explains them
    return glossary


def site_url(book: Guidebook) -> str:
    """The address the site is built for: GUIDEBOOK_SITE_URL when set (a local preview, the
    browser tests), else the online edition's address in data/publication.yml."""
    return os.environ.get("GUIDEBOOK_SITE_URL") or str(book.publication.online_edition)


def load_cached(data_dir: Path = DATA_DIR) -> Guidebook:
    """``load``, once per version of the files: the eleven language builds of one run share it,
    and a preview server (``mkdocs serve``) picks up an edit of data/ at its next rebuild."""
    return _load_version(data_dir, _version(data_dir))


def _version(data_dir: Path) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(data_dir.rglob("*.yml")))


@cache
def _load_version(data_dir: Path, version: tuple) -> Guidebook:
    return load(data_dir)


def _located(source: yaml_source.Source, error: dict) -> Problem:
    # pydantic adds the name of a failed validator or union member to loc; keep the data keys only
    loc = tuple(step for step in error["loc"] if isinstance(step, int) or step in _keys(source.value))
    if error["type"] == "missing" and error["loc"] and loc[-1:] != error["loc"][-1:]:
        loc += error["loc"][-1:]  # the key to add, though the file has it nowhere
    field = ".".join(map(str, loc)) or "(file)"
    message = error["msg"].removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown key (remove it or check its spelling)"
    elif error["type"] == "missing":
        message = "required key missing (add it)"
    elif "input" in error and error["type"] not in ("value_error", "assertion_error") and not isinstance(error["input"], (dict, list)):
        message = f"{message}, found {error['input']!r}"
    return Problem(source.path, source.line_of(loc), field, message)


def _keys(value, acc=None) -> set:
    acc = set() if acc is None else acc
    if isinstance(value, dict):
        for key, item in value.items():
            acc.add(key)
            _keys(item, acc)
    elif isinstance(value, list):
        for item in value:
            _keys(item, acc)
    return acc


def _duplicate_ids(source: yaml_source.Source) -> list[Problem]:
    """Items of a list are addressed by their ``id``: two equal ids would make a fact ambiguous."""
    problems = []

    def walk(value, loc):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, loc + (key,))
        elif isinstance(value, list):
            seen = {}
            for index, item in enumerate(value):
                if isinstance(item, dict) and "id" in item:
                    item_id = item["id"]
                    if item_id in seen:
                        where = loc + (index, "id")
                        problems.append(Problem(source.path, source.line_of(where), ".".join(map(str, where)),
                                                f"duplicate id {item_id!r} (first on line {seen[item_id]})"))
                    else:
                        seen[item_id] = source.line_of(loc + (index, "id"))
                walk(item, loc + (index,))

    walk(source.value, ())
    return problems


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _strings(value, loc=()):
    """(location, text) of every string in a data file, keys excluded."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, loc + (i,))


def _check_references(book: Guidebook) -> list[Problem]:
    """Ids that point into another part of data/ must name something that exists, and every
    address in data/ leads to a site of hosts.yml."""
    problems: list[Problem] = []

    def expect(stem: str, loc: tuple, value: str, known, what: str):
        if value not in known:
            problems.append(Problem(book.sources[stem].path, book.sources[stem].line_of(loc), ".".join(map(str, loc)),
                                    f"{value!r} is not a defined {what}; expected one of: {', '.join(sorted(known))}"))

    offices, hotlines = book.offices, book.hotlines
    expect("publication", ("publisher",), book.publication.publisher, offices, "office in offices.yml")
    for i, cert in enumerate(book.konbini.certificates):
        expect("konbini", ("certificates", i), cert, book.fees.certificates, "certificate in fees.yml")
    for name, line in hotlines.items():
        if line.hours_as:
            expect("hotlines", (name, "hours_as"), line.hours_as, {k for k, v in hotlines.items() if v.hours}, "hotline with hours")
        if not (line.hours or line.hours_as or line.hours_a_day):
            problems.append(Problem(book.sources["hotlines"].path, book.sources["hotlines"].line_of((name,)), name,
                                    "give hours, hours_as or hours_a_day"))
    hosts = book.hosts
    for stem, source in book.sources.items():
        for loc, text in _strings(source.value):
            problems += [Problem(source.path, source.line_of(loc), ".".join(map(str, loc)), problem)
                         for problem in addresses.problems_in(text, hosts)]
    readings, concepts = book.sources["readings"], book.glossary["ja"]
    for concept in sorted(set(concepts) - set(book.readings)):
        problems.append(Problem(readings.path, 1, concept, f"reading missing (ja: {concepts[concept]})"))
    for concept in sorted(set(book.readings) - set(concepts)):
        problems.append(Problem(readings.path, readings.line_of((concept,)), concept, "not a concept of glossary/ja.yml"))
    pickup = book.procedures.branch_card_pickup
    expect("procedures", ("branch_card_pickup", "reserve_by_phone_of"), pickup.reserve_by_phone_of,
           {k for k, v in offices.items() if v.phone}, "office with a phone number")
    docs = book.documents
    for procedure, items in book.procedures.bring.items():
        expect("procedures", ("bring", procedure), procedure, book.procedures.procedures, "procedure")
        for i, doc in enumerate(items):
            expect("procedures", ("bring", procedure, i), doc, docs.documents, "document in documents.yml")
    for loc, choice in ((("number_proof",), docs.number_proof), (("identity", "photo"), docs.identity.photo),
                        (("identity", "without_photo"), docs.identity.without_photo)):
        for i, doc in enumerate(choice.items):
            expect("documents", loc + ("items", i), doc, docs.documents, "document")
    for n, example in enumerate(docs.examples):
        for part in ("number", "identity"):
            for i, doc in enumerate(getattr(example, part)):
                expect("documents", ("examples", n, part, i), doc, docs.documents, "document")
    for stem, loc, items in (("konbini", ("steps",), book.konbini.steps),
                             ("konbini", ("exclusions",), book.konbini.exclusions),
                             ("fees", ("free_reissue_cases",), book.fees.free_reissue_cases),
                             ("procedures", ("lost_card_steps",), book.procedures.lost_card_steps)):
        for i, item in enumerate(items):
            here = loc + (i,)
            used = set(_PLACEHOLDER.findall(item.text_ja))
            if used != set(item.params):
                problems.append(Problem(book.sources[stem].path, book.sources[stem].line_of(here + ("params",)),
                                        ".".join(map(str, here + ("params",))),
                                        f"placeholders in text_ja {sorted(used)} and params {sorted(item.params)} must match"))
            for name, path in item.params.items():
                try:
                    book.fact(path)
                except KeyError as exc:
                    problems.append(Problem(book.sources[stem].path, book.sources[stem].line_of(here + ("params", name)),
                                            ".".join(map(str, here + ("params", name))), str(exc.args[0])))
    return problems
