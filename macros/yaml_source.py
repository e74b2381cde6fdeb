"""Read a YAML file into plain Python values plus a map from each value's path to its line.

PyYAML alone loses line numbers, silently keeps the last of two equal keys and reads
``9:30`` as the sexagesimal integer 570 (YAML 1.1). Editors write times like that, so
this loader reads them as strings, leaves dates to the schema and refuses duplicate keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError, Problem

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader without the YAML 1.1 sexagesimal numbers, and with dates left as text so that
    the schema, not the parser, refuses a date like 2026-04-31 (with its field and line)."""


_REPLACED = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?)$"),
    list("-+0123456789."),
)


@dataclass
class Source:
    """A loaded file: its values and where each of them stands."""

    path: Path
    value: object
    lines: dict[Path_, int]

    def line_of(self, loc: Path_) -> int:
        """Line of the deepest known ancestor of ``loc`` (a missing key points at its parent)."""
        loc = tuple(loc)
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc, 1)


def load(path: Path) -> Source:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise DataError([Problem(path, line, "", f"not valid YAML: {getattr(exc, 'problem', exc)}")]) from None
    if node is None:
        raise DataError([Problem(path, 1, "", "the file is empty")])
    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _walk(node, (), lines, problems, path)
    if problems:
        raise DataError(problems)
    loader = _Loader("")
    value = loader.construct_document(node)
    return Source(path, value, lines)


def _walk(node: yaml.Node, loc: Path_, lines: dict, problems: list, path: Path) -> None:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                field = ".".join(map(str, loc + (key,)))
                problems.append(Problem(path, line, field, f"duplicate key (first on line {seen[key]}): keep one"))
            seen[key] = line
            _walk(value_node, loc + (key,), lines, problems, path)
            lines[loc + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines, problems, path)
