"""What a page may ask of Jinja: calls of the guidebook's macros with literal arguments, and
nothing else. Pages come from several editors and translators; mkdocs-macros would otherwise
run any Jinja in them (attribute access reaches Python, arithmetic makes numbers, include reads
files). Each page is parsed and every construct outside the allowed one is refused, with its
line, before anything is rendered; then the calls are rendered here, from the parsed page
(``render``): Jinja's compiler never runs a page (mkdocs.yml: ``render_by_default: false``)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping

from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateSyntaxError
from mkdocs.utils.meta import get_data

from .errors import MacroError

_PARSER = Environment()  # mkdocs-macros' delimiters: {{ }}, {% %}, {# #}
_LITERALS = (str, int)
# Jinja's node names of the statements, as authors write them.
_STATEMENTS = {"Assign": "set", "AssignBlock": "set", "CallBlock": "call", "FilterBlock": "filter",
               "ExprStmt": "do", "FromImport": "from … import"}


def markdown_of(text: str) -> tuple[str, int]:
    """The page's markdown as MkDocs hands it to the macros (the file after its front matter,
    mkdocs' own split), and the file's line of its first line."""
    markdown = get_data(text)[0]
    return markdown, text[:len(text) - len(markdown)].count("\n") + 1


def _parsed(markdown: str) -> nodes.Template:
    # Jinja drops a template's last newline, and MkDocs hands the macros the page without it:
    # "text\n" and "text" are the same template (not "text\n\n" and "text\n"), and the
    # check and the rendering of a page share one parse.
    once = markdown[:-1] if markdown.endswith("\n") and not markdown[:-1].endswith(("\n", "\r")) else markdown
    return _parse(once)


@functools.lru_cache(maxsize=4)
def _parse(markdown: str) -> nodes.Template:
    return _PARSER.parse(markdown)


def refused(markdown: str, macros: set[str], first_line: int = 1) -> list[tuple[int, str]]:
    """(line, what is wrong) for every construct of ``markdown`` other than ``{{ macro("literal", ...) }}``."""
    try:
        tree = _parsed(markdown)
    except TemplateSyntaxError as exc:
        return [(exc.lineno + first_line - 1, f"not a macro call: {exc.message}")]
    problems = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            statement = _STATEMENTS.get(type(node).__name__, type(node).__name__.lower())
            problems.append((node.lineno + first_line - 1,
                             f"{{% {statement} %}} is not allowed in a page: only {{{{ macro(...) }}}} calls"))
            continue
        for child in node.nodes:
            if not isinstance(child, nodes.TemplateData):
                problem = _call_problem(child, macros)
                if problem:
                    problems.append((child.lineno + first_line - 1, problem))
    return problems


class RenderError(Exception):
    """A macro call of a page that cannot be rendered, with its line."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def render(markdown: str, macros: Mapping[str, Callable[..., object]], first_line: int = 1) -> str:
    """``markdown`` with each ``{{ macro(...) }}`` replaced by what the macro returns, as Jinja
    would print it. Anything ``refused`` finds is a RenderError, at its line; so is a call
    whose arguments the macro does not take, and a macro's own error (MacroError).
    ``first_line``: the file's line of the text's first."""
    problems = refused(markdown, set(macros), first_line)
    if problems:
        raise RenderError(*problems[0])
    out = []
    for node in _parsed(markdown).body:  # only Output nodes of text and calls: refused saw to it
        for child in node.nodes:
            if isinstance(child, nodes.TemplateData):
                out.append(child.data)
                continue
            line, name = child.lineno + first_line - 1, child.node.name
            args = [argument.value for argument in child.args]
            kwargs = {keyword.key: keyword.value.value for keyword in child.kwargs}
            try:
                _signature(macros[name]).bind(*args, **kwargs)  # the page's arguments, before anything runs
            except TypeError as exc:
                raise RenderError(line, f"{name}(): {exc}") from None
            try:
                value = macros[name](*args, **kwargs)
            except MacroError as exc:
                raise RenderError(line, f"{name}(): {exc}") from None
            out.append(str(value))
    return "".join(out)


@functools.lru_cache(maxsize=256)  # each language's build defines its macros anew
def _signature(macro) -> inspect.Signature:
    return inspect.signature(macro)


def _call_problem(node, macros: set[str]) -> str | None:
    if not isinstance(node, nodes.Call):
        return f"only calls of the guidebook's macros are allowed, found {_shown(node)}"
    if not isinstance(node.node, nodes.Name):
        return f"only calls of the guidebook's macros are allowed, found a call of {_shown(node.node)}"
    if node.node.name not in macros:
        return f"{node.node.name!r} is not a macro of the guidebook; known: {', '.join(sorted(macros))}"
    if node.dyn_args or node.dyn_kwargs:
        return f"{node.node.name}(): arguments must be written out"
    arguments = list(node.args) + [keyword.value for keyword in node.kwargs]
    for argument in arguments:
        if not isinstance(argument, nodes.Const) or not isinstance(argument.value, _LITERALS) or isinstance(argument.value, bool):
            return f"{node.node.name}(): arguments must be quoted text or whole numbers, found {_shown(argument)}"
    return None


def _shown(node) -> str:
    kind = type(node).__name__
    return {"Getattr": "an attribute access", "Getitem": "an index", "Filter": "a filter", "Name": "a variable",
            "Add": "arithmetic", "Sub": "arithmetic", "Mul": "arithmetic", "Div": "arithmetic", "Const": "a value",
            "Concat": "a concatenation"}.get(kind, f"a {kind}")
