"""What a page may ask of Jinja: calls of the guidebook's macros with literal arguments, and
nothing else. Pages come from several editors and translators; mkdocs-macros would otherwise
run any Jinja in them (attribute access reaches Python, arithmetic makes numbers, include reads
files). Each page is parsed and every construct outside the allowed one is refused, with its
line, before anything is rendered."""

from __future__ import annotations

from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateSyntaxError

_PARSER = Environment()  # mkdocs-macros' delimiters: {{ }}, {% %}, {# #}
_LITERALS = (str, int)
# Jinja's node names of the statements, as authors write them.
_STATEMENTS = {"Assign": "set", "AssignBlock": "set", "CallBlock": "call", "FilterBlock": "filter",
               "ExprStmt": "do", "FromImport": "from … import"}


def refused(markdown: str, macros: set[str]) -> list[tuple[int, str]]:
    """(line, what is wrong) for every construct of ``markdown`` other than ``{{ macro("literal", ...) }}``."""
    try:
        tree = _PARSER.parse(markdown)
    except TemplateSyntaxError as exc:
        return [(exc.lineno, f"not a macro call: {exc.message}")]
    problems = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            statement = _STATEMENTS.get(type(node).__name__, type(node).__name__.lower())
            problems.append((node.lineno, f"{{% {statement} %}} is not allowed in a page: only {{{{ macro(...) }}}} calls"))
            continue
        for child in node.nodes:
            if not isinstance(child, nodes.TemplateData):
                problem = _call_problem(child, macros)
                if problem:
                    problems.append((child.lineno, problem))
    return problems


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
